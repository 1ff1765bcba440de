import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { START } from '../deck';
import { createInboundStore, nextChange, prevChange } from '../store';
import { diagramPropsOf } from './SlideView';

// The deck lays out, at idle, what → and ← would show (usePrepareNeighbours). That only
// helps if what it works out is what the deck then draws: the same props, field for field.

describe('the steps prepared ahead of a key press', () => {
  it('are the very diagrams → then shows, over the whole deck, a slide’s own switch flipped too', () => {
    const store = createInboundStore(START);
    let steps = 0;
    for (;;) {
      const before = store.getState();
      const predicted = diagramPropsOf({ ...before, ...nextChange(before) });
      store.getState().next();
      const after = store.getState();
      if (after.slide === before.slide && after.step === before.step) break;
      expect(shallow(predicted, diagramPropsOf(after))).toBe(true);
      steps++;
      // Flip the live switches now and then: a slide's own (held through its steps, dropped on
      // the next slide), and the policy (held while the mode stays).
      if (after.step === 0) store.getState().toggleSwitch();
      if (steps % 3 === 0) store.getState().toggleTrafficPolicy();
    }
    expect(steps).toBeGreaterThan(160);
  });

  it('are the very diagrams ← then shows, from the deck’s last slide back to the start', () => {
    const store = createInboundStore(START);
    store.getState().last();
    let steps = 0;
    for (;;) {
      const before = store.getState();
      const predicted = diagramPropsOf({ ...before, ...prevChange(before) });
      store.getState().prev();
      const after = store.getState();
      if (after.slide === before.slide && after.step === before.step) break;
      expect(shallow(predicted, diagramPropsOf(after))).toBe(true);
      steps++;
      if (steps % 4 === 0) store.getState().toggleTrafficPolicy();
    }
    expect(steps).toBeGreaterThan(150);
  });
});
