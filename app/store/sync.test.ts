import { describe, expect, it, vi } from 'vitest';
import { packetLines } from '../model';
import { createInboundStore, type InboundStore } from './create';
import { selectTrace } from './selectors';
import {
  connectSync,
  MAX_STAMP_AHEAD_MS,
  memoryBus,
  readSyncMessage,
  selectShared,
  type Shared,
  type SyncMessage,
} from './sync';

const at = (slide: number, step = 0) =>
  createInboundStore({ slide, step, policyOverride: null, addressView: 'talk', returnHop: null });

/** What a window at a place (with no live switch set) sends. */
const shared = (slide: number, step = 0): Shared => ({
  slide,
  step,
  policyOverride: null,
  addressView: 'talk',
  returnHop: null,
  blackout: false,
});

/** The packet's first two lines on the current step, as the window would draw them. */
const card = (store: InboundStore) => {
  const s = store.getState();
  const t = selectTrace(s);
  if (!t?.ok) return null;
  const last = t.value.forward[t.value.forward.length - 1];
  return last ? packetLines(last.packet, s.addressView).slice(0, 2) : null;
};

/** A bus that holds messages until delivered, as a busy browser would. */
function slowBus() {
  const queue: (() => void)[] = [];
  const fast = memoryBus();
  return {
    transport: () => {
      const t = fast();
      return { ...t, post: (m: SyncMessage) => queue.push(() => t.post(m)) };
    },
    flush: () => {
      while (queue.length) queue.shift()?.();
    },
  };
}

describe('presenter and audience windows', () => {
  it('follow each other, position and live state, either way round', () => {
    const bus = memoryBus();
    const presenter = at(26);
    const audience = at(26);
    connectSync(presenter, bus(), 'presenter');
    connectSync(audience, bus(), 'audience');

    presenter.getState().next();
    expect(audience.getState().slide).toBe(27);
    expect(card(audience)).toEqual(['Src: node1', 'Dst: pod:pod-port']);

    presenter.getState().toggleTrafficPolicy();
    expect(audience.getState().policyOverride).toBe('Local');
    expect(card(audience)).toEqual(['Src: client', 'Dst: pod:pod-port']);

    audience.getState().toggleAddressView();
    expect(presenter.getState().addressView).toBe('ip');
    expect(card(presenter)).toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.0.1.1:8080']);

    audience.getState().toggleReturn();
    expect(presenter.getState().returnHop).toBe(0);
    presenter.getState().toggleBlackout();
    expect(audience.getState().blackout).toBe(true);
    expect(selectShared(presenter.getState())).toEqual(selectShared(audience.getState()));
  });

  it('a window opened later catches up with the one already presenting', () => {
    const bus = memoryBus();
    const audience = at(1);
    connectSync(audience, bus(), 'a');
    audience.getState().goTo(66);
    audience.getState().toggleTrafficPolicy();

    const late = at(3); // loaded from an older link
    const link = connectSync(late, bus(), 'b');
    link.hello();
    expect(late.getState().slide).toBe(66);
    expect(late.getState().policyOverride).toBe('Local');
    expect(card(late)).toEqual(['Src: proxy', 'Dst: pod:pod-port']);
  });

  it('a window opened later catches up even when nobody has moved yet', () => {
    const bus = memoryBus();
    const first = at(27);
    connectSync(first, bus(), 'a');
    const second = at(1);
    connectSync(second, bus(), 'z').hello();
    expect(second.getState().slide).toBe(27);
    // …and the first window did not follow the newcomer back to slide 1.
    expect(first.getState().slide).toBe(27);
  });

  it('a window that slept wakes up to the newest state, not its own stale one', () => {
    const bus = slowBus();
    const a = at(20);
    const b = at(20);
    connectSync(a, bus.transport(), 'a');
    const sleeper = connectSync(b, bus.transport(), 'b');
    a.getState().goTo(27);
    bus.flush();
    // b was throttled: a moved on twice while b's messages sat in the queue.
    a.getState().goTo(48);
    a.getState().next();
    sleeper.hello();
    bus.flush();
    expect(b.getState().slide).toBe(49);
    expect(a.getState().slide).toBe(49);
  });

  it('two windows that change at the same moment settle on one state', () => {
    const bus = slowBus();
    const a = at(27);
    const b = at(27);
    connectSync(a, bus.transport(), 'a');
    connectSync(b, bus.transport(), 'b');
    a.getState().goTo(30);
    b.getState().goTo(48);
    bus.flush();
    expect(a.getState().slide).toBe(b.getState().slide);
  });

  it('sends nothing back for a state it was given (no echo), and nothing for no change', () => {
    const bus = memoryBus();
    const a = at(27);
    const b = at(27);
    connectSync(a, bus(), 'a');
    connectSync(b, bus(), 'b');
    const spy = bus();
    const heard: SyncMessage[] = [];
    spy.listen((m) => heard.push(m));
    a.getState().next();
    expect(heard.filter((m) => m.kind === 'state').map((m) => m.from)).toEqual(['a']);
    a.getState().showNotice('only this window'); // not shared state
    a.getState().toggleOverlay('help');
    expect(heard).toHaveLength(1);
  });

  it('ignores malformed messages and keeps its state', () => {
    expect(readSyncMessage(null)).toBeNull();
    expect(
      readSyncMessage({ kind: 'state', from: 'x', stamp: 1, shared: { slide: 'x' } }),
    ).toBeNull();
    expect(
      readSyncMessage({
        kind: 'state',
        from: 'x',
        stamp: 1,
        shared: { ...shared(3), policyOverride: 'Sideways' },
      }),
    ).toBeNull();
  });

  it('ignores a place the deck does not have instead of clamping and obeying it', () => {
    for (const [what, s] of [
      ['slide 99999', shared(99999)],
      ['slide 0', shared(0)],
      ['step 99999', shared(62, 99999)],
      ['a step slide 27 does not have', shared(27, 1)],
      ['a reply hop past the client', { ...shared(27), returnHop: 99 }],
      ['a reply where there is none', { ...shared(2), returnHop: 0 }],
      ['a policy on a slide without a packet', { ...shared(2), policyOverride: 'Local' }],
      ['an override equal to the talk’s own', { ...shared(37), policyOverride: 'Local' }],
    ] as const)
      expect(readSyncMessage({ kind: 'state', from: 'x', stamp: 1, shared: s }), what).toBeNull();
    const store = at(27);
    const raw = memoryBus();
    connectSync(store, raw(), 'me');
    raw().post({ kind: 'state', from: 'other', stamp: 5, shared: shared(99999) });
    raw().post({ kind: 'state', from: 'other', stamp: 6, shared: shared(62, 99999) });
    expect(store.getState()).toMatchObject({ slide: 27, step: 0 });
    // …and the next valid message is obeyed.
    raw().post({ kind: 'state', from: 'other', stamp: 7, shared: shared(62, 1) });
    expect(store.getState()).toMatchObject({ slide: 62, step: 1 });
  });

  it('reads the override from a window of the older version, which called it `policy`', () => {
    const old = {
      slide: 27,
      step: 0,
      policy: 'Local',
      addressView: 'talk',
      returnHop: null,
      blackout: false,
    };
    expect(readSyncMessage({ kind: 'state', from: 'x', stamp: 1, shared: old })).toMatchObject({
      shared: { slide: 27, policyOverride: 'Local' },
    });
  });

  it('a stamp no window could have (1e308, past the safe integers) is not a message', () => {
    for (const stamp of [1e308, Number.MAX_SAFE_INTEGER + 1, 2.5, -1, Infinity])
      expect(readSyncMessage({ kind: 'state', from: 'x', stamp, shared: shared(27) })).toBeNull();
    expect(
      readSyncMessage({ kind: 'state', from: 'x', stamp: 1_700_000_000_000, shared: shared(27) }),
    ).not.toBeNull();
  });

  it('a stranger’s absurd stamp never silences the windows, in either direction', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      const bus = memoryBus();
      const a = at(26);
      const b = at(26);
      connectSync(a, bus(), 'a');
      connectSync(b, bus(), 'b');
      const stranger = bus();
      for (const stamp of [1e308, Number.MAX_SAFE_INTEGER, Date.now() + 7 * 24 * 3600_000])
        stranger.post({ kind: 'state', from: 'zzzz', stamp, shared: shared(40) });
      expect(a.getState().slide).toBe(26);
      expect(b.getState().slide).toBe(26);
      // A stamp right at the limit is taken; the windows still drive each other, the first
      // change after it as soon as the clock allows.
      const edge = Date.now() + MAX_STAMP_AHEAD_MS;
      stranger.post({ kind: 'state', from: 'zzzz', stamp: edge, shared: shared(26) });
      a.getState().next();
      vi.advanceTimersByTime(2);
      expect(b.getState().slide).toBe(27);
      // Key presses a person makes, a few hundred ms apart.
      const press = (store: InboundStore, key: 'next' | 'prev') => {
        vi.advanceTimersByTime(250);
        store.getState()[key]();
      };
      press(b, 'next');
      expect(a.getState().slide).toBe(28);
      press(a, 'prev');
      expect(b.getState().slide).toBe(27);
      // A reloaded window (a new store and link, its count back at zero) catches up and drives.
      const reloaded = at(1);
      connectSync(reloaded, bus(), 'a2').hello();
      expect(reloaded.getState().slide).toBe(27);
      press(reloaded, 'next');
      expect(a.getState().slide).toBe(28);
      expect(b.getState().slide).toBe(28);
      press(b, 'next');
      expect(reloaded.getState().slide).toBe(29);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the system clock set back an hour mid-talk does not stop the windows', () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      const bus = memoryBus();
      const a = at(26);
      const b = at(26);
      connectSync(a, bus(), 'a');
      connectSync(b, bus(), 'b');
      a.getState().next();
      expect(b.getState().slide).toBe(27);
      vi.setSystemTime(Date.now() - 3600_000);
      b.getState().next();
      expect(a.getState().slide).toBe(28);
      a.getState().next();
      expect(b.getState().slide).toBe(29);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops following once disconnected', () => {
    const bus = memoryBus();
    const a = at(27);
    const b = at(27);
    connectSync(a, bus(), 'a');
    connectSync(b, bus(), 'b').disconnect();
    a.getState().next();
    expect(b.getState().slide).toBe(27);
  });
});
