import { describe, expect, it } from 'vitest';
import { SLIDE_COUNT, slideAt, START, type Location } from '../deck';
import { packetLines } from '../model';
import { createInboundStore } from './create';
import { normalizeLocation } from './location';
import {
  selectLocation,
  selectPolicy,
  selectPolicyApplies,
  selectStepTitle,
  selectTrace,
} from './selectors';
import type { InboundState } from './state';

const at = (slide: number, step = 0) =>
  createInboundStore({ slide, step, policyOverride: null, addressView: 'talk', returnHop: null });
const intoPod = (s: InboundState) => {
  const t = selectTrace(s);
  if (!t?.ok) throw new Error('no trace');
  return packetLines(t.value.forward[t.value.forward.length - 1]!.packet, s.addressView).slice(
    0,
    2,
  );
};

describe('deck navigation', () => {
  it('titles what is on screen: the policy in force, and what an extra step draws', () => {
    const store = at(37);
    expect(selectStepTitle(store.getState())).toBe('2) Service NodePort: hop 2 (no Pod-a, Local)');
    store.getState().toggleTrafficPolicy();
    expect(selectStepTitle(store.getState())).toBe('2) Service NodePort: hop 2 (no Pod-a)');
    expect(selectStepTitle(at(28).getState())).toBe('Hold up, why did the source IP change?');
    expect(selectStepTitle(at(124, 4).getState())).toMatch(/^4d\) .*hop 4/);
  });

  it('while the reply is shown, next and previous step through its hops, then move on', () => {
    const store = at(66);
    store.getState().toggleReturn();
    expect(store.getState()).toMatchObject({ returnHop: 0, replyPlaying: true });
    store.getState().next();
    expect(store.getState()).toMatchObject({ slide: 66, returnHop: 1, replyPlaying: false });
    store.getState().next();
    expect(store.getState()).toMatchObject({ slide: 66, returnHop: 2 });
    store.getState().prev();
    store.getState().prev();
    expect(store.getState()).toMatchObject({ slide: 66, returnHop: 0 });
    store.getState().prev();
    expect(store.getState()).toMatchObject({ slide: 66, step: 0, returnHop: null });
    store.getState().toggleReturn();
    store.getState().next();
    store.getState().next();
    store.getState().next(); // at the client: on to the next slide
    expect(store.getState()).toMatchObject({ slide: 67, returnHop: null, replyPlaying: false });
  });

  it('a reply from a link holds its hop; one started with R plays', () => {
    const linked = createInboundStore({
      slide: 66,
      step: 0,
      policyOverride: null,
      addressView: 'talk',
      returnHop: 1,
    });
    expect(linked.getState()).toMatchObject({ returnHop: 1, replyPlaying: false });
    expect(linked.getState().advanceReturn()).toBe(true);
    expect(linked.getState().advanceReturn()).toBe(false);
    linked.getState().toggleReturn();
    linked.getState().toggleReturn();
    expect(linked.getState()).toMatchObject({ returnHop: 0, replyPlaying: true });
    // Another window flips the addresses: the reply plays on; it moves the reply: it holds.
    linked.getState().applyLocation({ ...selectLocation(linked.getState()), addressView: 'ip' });
    expect(linked.getState()).toMatchObject({ returnHop: 0, replyPlaying: true });
    linked.getState().applyLocation({ ...selectLocation(linked.getState()), returnHop: 2 });
    expect(linked.getState()).toMatchObject({ returnHop: 2, replyPlaying: false });
  });

  it('a message about a bad link stays while its slide is shown and goes when the deck moves on', () => {
    const store = at(27);
    store.getState().showNotice('There is no slide 999.');
    store.getState().toggleAddressView();
    expect(store.getState().notice).toBe('There is no slide 999.');
    store.getState().goTo(27);
    expect(store.getState().notice).toBe('There is no slide 999.');
    store.getState().next();
    expect(store.getState().notice).toBeNull();
  });

  it('walks every step of every slide forward and back again', () => {
    const store = at(1);
    const seen: string[] = [];
    for (;;) {
      const { slide, step } = store.getState();
      seen.push(`${slide}/${step}`);
      store.getState().next();
      if (store.getState().slide === slide && store.getState().step === step) break;
    }
    expect(seen[0]).toBe('1/0');
    // The talk, then on into the section added after it, to its last step.
    expect(seen[seen.length - 1]).toBe(`${SLIDE_COUNT}/${slideAt(SLIDE_COUNT).steps.length - 1}`);
    expect(seen).toContain('62/1');
    expect(seen.indexOf('124/4') + 1).toBe(seen.indexOf('125/0'));
    expect(seen.filter((p) => p.endsWith('/0'))).toHaveLength(SLIDE_COUNT);
    const back: string[] = [];
    for (;;) {
      const { slide, step } = store.getState();
      back.push(`${slide}/${step}`);
      store.getState().prev();
      if (store.getState().slide === slide && store.getState().step === step) break;
    }
    expect(back).toEqual([...seen].reverse());
  });

  it('clamps goTo into the deck', () => {
    const store = at(5);
    store.getState().goTo(999);
    expect(store.getState().slide).toBe(SLIDE_COUNT);
    store.getState().goTo(-3);
    expect(store.getState().slide).toBe(1);
    store.getState().goTo(27, 9);
    expect(selectLocation(store.getState())).toMatchObject({ slide: 27, step: 0 });
  });
});

describe('externalTrafficPolicy, live', () => {
  it('slide 27: flipping to Local changes the hop into the pod from node1 to client', () => {
    const store = at(27);
    expect(intoPod(store.getState())).toEqual(['Src: node1', 'Dst: pod:pod-port']);
    store.getState().toggleTrafficPolicy();
    expect(store.getState().policyOverride).toBe('Local');
    expect(intoPod(store.getState())).toEqual(['Src: client', 'Dst: pod:pod-port']);
    store.getState().toggleTrafficPolicy();
    expect(store.getState().policyOverride).toBeNull(); // back to the talk's own policy: no override
  });

  it('slide 37 is Local in the talk; flipping to Cluster delivers the packet', () => {
    const store = at(37);
    expect(selectPolicy(store.getState())).toBe('Local');
    expect(
      selectTrace(store.getState())?.ok &&
        (selectTrace(store.getState()) as { value: { outcome: { kind: string } } }).value.outcome
          .kind,
    ).toBe('dropped');
    store.getState().setTrafficPolicy('Cluster');
    expect(store.getState().policyOverride).toBe('Cluster');
    expect(intoPod(store.getState())).toEqual(['Src: node1', 'Dst: pod:pod-port']);
  });

  it('holds within one mode and clears when the mode changes', () => {
    const store = at(26);
    store.getState().setTrafficPolicy('Local');
    store.getState().next(); // 27: same mode
    expect(store.getState().policyOverride).toBe('Local');
    store.getState().next(); // 28: a text slide
    expect(store.getState().policyOverride).toBeNull();
  });

  it('means nothing on a text slide or in a mode without it', () => {
    for (const n of [2, 19, 78]) {
      const store = at(n);
      expect(selectPolicyApplies(store.getState())).toBe(false);
      store.getState().setTrafficPolicy('Local');
      expect(store.getState().policyOverride, `slide ${n}`).toBeNull();
    }
  });
});

describe('the return path', () => {
  it('plays hop by hop back to the client and stops at the end', () => {
    const store = at(27);
    store.getState().toggleReturn();
    expect(store.getState().returnHop).toBe(0);
    expect(store.getState().advanceReturn()).toBe(true);
    expect(store.getState().returnHop).toBe(1);
    expect(store.getState().advanceReturn()).toBe(false);
    store.getState().next();
    expect(store.getState().returnHop).toBeNull();
  });

  it('does not start for a dropped packet (slide 37)', () => {
    const store = at(37);
    store.getState().toggleReturn();
    expect(store.getState().returnHop).toBeNull();
  });
});

describe('applyLocation (from a link)', () => {
  it('keeps a meaningful override and drops a meaningless one', () => {
    const store = at(1);
    store.getState().applyLocation({
      slide: 66,
      step: 0,
      policyOverride: 'Local',
      addressView: 'ip',
      returnHop: 1,
    });
    expect(selectLocation(store.getState())).toEqual({
      slide: 66,
      step: 0,
      policyOverride: 'Local',
      addressView: 'ip',
      returnHop: 1,
    });
    store.getState().applyLocation({
      slide: 3,
      step: 0,
      policyOverride: 'Local',
      addressView: 'talk',
      returnHop: 7,
    });
    expect(selectLocation(store.getState())).toEqual({
      slide: 3,
      step: 0,
      policyOverride: null,
      addressView: 'talk',
      returnHop: null,
    });
  });

  it('clamps a return hop past the end', () => {
    const store = at(1);
    store.getState().applyLocation({
      slide: 27,
      step: 0,
      policyOverride: null,
      addressView: 'talk',
      returnHop: 50,
    });
    expect(store.getState().returnHop).toBe(1);
  });
});

describe('normalizeLocation: one rule for links, switches, next/previous and other windows', () => {
  const l = (over: Partial<Location>): Location => ({ ...START, ...over });
  it.each([
    ['slide 0', l({ slide: 0 }), l({ slide: 1 })],
    ['slide 999', l({ slide: 999 }), l({ slide: SLIDE_COUNT })],
    ['slide NaN', l({ slide: NaN }), l({ slide: 1 })],
    ['a step slide 27 lacks', l({ slide: 27, step: 9 }), l({ slide: 27 })],
    ['the talk’s own policy', l({ slide: 37, policyOverride: 'Local' }), l({ slide: 37 })],
    ['a policy with no packet', l({ slide: 2, policyOverride: 'Local' }), l({ slide: 2 })],
    ['a policy in Pod IP mode', l({ slide: 19, policyOverride: 'Local' }), l({ slide: 19 })],
    ['a reply on a text slide', l({ slide: 28, returnHop: 0 }), l({ slide: 28 })],
    ['a reply past the client', l({ slide: 27, returnHop: 50 }), l({ slide: 27, returnHop: 1 })],
    [
      'a meaningful override and reply',
      l({ slide: 66, policyOverride: 'Local', addressView: 'ip', returnHop: 1 }),
      l({ slide: 66, policyOverride: 'Local', addressView: 'ip', returnHop: 1 }),
    ],
  ])('%s', (_, given, expected) => {
    expect(normalizeLocation(given)).toEqual(expected);
  });

  it('the switch, a link and another window agree on what an override means', () => {
    const store = at(37);
    store.getState().setTrafficPolicy('Local'); // the talk's own: no override
    expect(store.getState().policyOverride).toBeNull();
    store.getState().applyLocation(l({ slide: 37, policyOverride: 'Local' }));
    expect(store.getState().policyOverride).toBeNull();
    expect(store.getState().toggleTrafficPolicy()).toBe(true);
    expect(store.getState().policyOverride).toBe('Cluster');
    const text = at(2);
    expect(text.getState().toggleTrafficPolicy()).toBe(false);
    expect(text.getState().policyOverride).toBeNull();
  });
});
