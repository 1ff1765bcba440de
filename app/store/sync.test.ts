import { describe, expect, it } from 'vitest';
import { packetLines } from '../model';
import { createInboundStore, type InboundStore } from './create';
import { selectTrace } from './selectors';
import { connectSync, memoryBus, readSyncMessage, selectShared, type SyncMessage } from './sync';

const at = (slide: number, step = 0) =>
  createInboundStore({ slide, step, policy: null, addressView: 'talk', returnHop: null });

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
    expect(audience.getState().policy).toBe('Local');
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
    expect(late.getState().policy).toBe('Local');
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
        shared: {
          slide: 3,
          step: 0,
          policy: 'Sideways',
          addressView: 'talk',
          returnHop: null,
          blackout: false,
        },
      }),
    ).toBeNull();
    const store = at(27);
    const raw = memoryBus();
    connectSync(store, raw(), 'me');
    // A later slide number than the talk has lands on the last slide rather than breaking.
    raw().post({
      kind: 'state',
      from: 'other',
      stamp: 5,
      shared: {
        slide: 999,
        step: 0,
        policy: null,
        addressView: 'talk',
        returnHop: null,
        blackout: false,
      },
    });
    expect(store.getState().slide).toBe(124);
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
