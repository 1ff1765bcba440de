import { describe, expect, it } from 'vitest';
import {
  elapsed,
  formatElapsed,
  isStepForward,
  pauseTimer,
  readTimer,
  startOnStepForward,
  startTimer,
  TIMER_ZERO,
  watchStepsForward,
} from './timer';
import { slideAt } from '../deck';
import { connectSync, createInboundStore, memoryBus } from '../store';

describe('presenter timer', () => {
  it('counts only while running, and keeps what it counted across pauses', () => {
    let t = startTimer(TIMER_ZERO, 1_000);
    expect(elapsed(t, 61_000)).toBe(60_000);
    t = pauseTimer(t, 61_000);
    expect(elapsed(t, 500_000)).toBe(60_000);
    t = startTimer(t, 500_000);
    expect(elapsed(t, 505_000)).toBe(65_000);
    // Starting a running timer again changes nothing.
    expect(startTimer(t, 600_000)).toBe(t);
  });

  it('survives a reload: what is stored reads back the same', () => {
    const t = startTimer({ startedAt: null, banked: 42_000 }, 10_000);
    const back = readTimer(JSON.stringify(t), 20_000);
    expect(elapsed(back, 20_000)).toBe(52_000);
  });

  it('reads anything else as zero, never as nonsense', () => {
    for (const raw of [
      null,
      '',
      '{',
      '[]',
      '{"banked":-5,"startedAt":null}',
      '{"banked":1,"startedAt":9e15}',
      '{"banked":"x"}',
      // Numbers no talk reaches: they once showed as "2.7e+301:10:40".
      '{"banked":9.7e304,"startedAt":null}',
      '{"banked":1e308,"startedAt":null}',
      '{"banked":0,"startedAt":-1e300}',
      '{"banked":360000000,"startedAt":null}',
      '{"banked":1.5,"startedAt":null}',
      '{"banked":0,"startedAt":"500"}',
      '{"banked":0}',
    ])
      expect(readTimer(raw, 1_000), String(raw)).toEqual(TIMER_ZERO);
    // A long day of teaching still reads back.
    expect(readTimer('{"banked":28800000,"startedAt":null}', 1_000)).toEqual({
      banked: 28_800_000,
      startedAt: null,
    });
  });

  it('never writes more than 99:59:59, nor anything that is not a time', () => {
    expect(formatElapsed(1e308)).toBe('99:59:59');
    expect(formatElapsed(Infinity)).toBe('0:00');
    expect(formatElapsed(NaN)).toBe('0:00');
    expect(formatElapsed(-5_000)).toBe('0:00');
  });

  it('writes time the way a presenter reads it', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(7_900)).toBe('0:07');
    expect(formatElapsed(754_000)).toBe('12:34');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
});

describe('the timer starts on the first step forward', () => {
  // Slide 1 has one step, slide 62 three (the talk's, then 3b's two hops).
  const stepsOf = (n: number) => (n === 62 ? 3 : 1);

  it('counts a step forward: the next step, or the next slide from the last step', () => {
    expect(isStepForward({ slide: 1, step: 0 }, { slide: 2, step: 0 }, stepsOf)).toBe(true);
    expect(isStepForward({ slide: 62, step: 0 }, { slide: 62, step: 1 }, stepsOf)).toBe(true);
    expect(isStepForward({ slide: 62, step: 2 }, { slide: 63, step: 0 }, stepsOf)).toBe(true);
  });

  it('does not count staying, going back, jumping, or leaving a slide before its last step', () => {
    expect(isStepForward({ slide: 5, step: 0 }, { slide: 5, step: 0 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 5, step: 0 }, { slide: 4, step: 0 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 62, step: 1 }, { slide: 62, step: 0 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 1, step: 0 }, { slide: 27, step: 0 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 62, step: 0 }, { slide: 62, step: 2 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 62, step: 0 }, { slide: 63, step: 0 }, stepsOf)).toBe(false);
    expect(isStepForward({ slide: 3, step: 0 }, { slide: 4, step: 1 }, stepsOf)).toBe(false);
  });

  it('starts a timer at zero, and leaves a running or paused one alone', () => {
    const started = startOnStepForward(TIMER_ZERO, 5_000);
    expect(started).toEqual({ startedAt: 5_000, banked: 0 });
    expect(elapsed(started, 12_000)).toBe(7_000);
    // Running: a later step does not restart it.
    expect(startOnStepForward(started, 9_000)).toBe(started);
    // Paused by the presenter: stepping on keeps it paused.
    const paused = pauseTimer(started, 20_000);
    expect(startOnStepForward(paused, 30_000)).toBe(paused);
    expect(elapsed(paused, 30_000)).toBe(15_000);
    // Reset: zero again, so the next step forward starts it afresh.
    expect(startOnStepForward(TIMER_ZERO, 40_000)).toEqual({ startedAt: 40_000, banked: 0 });
  });
});

describe('the steps the timer starts on, between windows', () => {
  const at = (slide: number, step = 0) =>
    createInboundStore({ slide, step, policyOverride: null, addressView: 'talk', returnHop: null });
  const stepsOf = (n: number) => slideAt(n).steps.length;

  it('a presenter view opened one step behind the deck catches up without counting a step', () => {
    const bus = memoryBus();
    const deck = at(27);
    connectSync(deck, bus(), 'deck');
    const presenter = at(26); // loaded from a link one step behind
    let steps = 0;
    watchStepsForward(presenter, stepsOf, () => steps++);
    connectSync(presenter, bus(), 'presenter').hello();
    expect(presenter.getState().slide).toBe(27);
    expect(steps).toBe(0);
    // The deck's next step, arriving by sync, is a step; so is one the presenter makes.
    deck.getState().next();
    expect(presenter.getState().slide).toBe(28);
    expect(steps).toBe(1);
    presenter.getState().next();
    expect(deck.getState().slide).toBe(29);
    expect(steps).toBe(2);
  });

  it('a step back, or a jump, from another window is no step forward', () => {
    const bus = memoryBus();
    const deck = at(30);
    connectSync(deck, bus(), 'deck');
    const presenter = at(30);
    let steps = 0;
    watchStepsForward(presenter, stepsOf, () => steps++);
    connectSync(presenter, bus(), 'presenter').hello();
    deck.getState().prev();
    deck.getState().goTo(60);
    expect(presenter.getState().slide).toBe(60);
    expect(steps).toBe(0);
  });
});
