import { describe, expect, it } from 'vitest';
import { createInboundStore } from '../store';
import { toggleReply } from './window-actions';

const at = (slide: number) => {
  const store = createInboundStore();
  store.getState().goTo(slide);
  return store;
};

describe('R: the reply, or why there is none', () => {
  it('on a dropped packet (37) says there is no reply and why, as passing news', () => {
    const store = at(37);
    toggleReply(store.getState());
    expect(store.getState()).toMatchObject({
      returnHop: null,
      notice:
        'No reply: Node1 dropped the packet silently, so nothing comes back and the client times out.',
      noticeTone: 'news',
    });
  });

  it('on a text slide says there is no packet to answer', () => {
    const store = at(2);
    toggleReply(store.getState());
    expect(store.getState().notice).toMatch(/no packet is on this slide/);
  });

  it('where there is a reply, plays it, then hides it, and says nothing', () => {
    const store = at(27);
    toggleReply(store.getState());
    expect(store.getState()).toMatchObject({ returnHop: 0, notice: null });
    toggleReply(store.getState());
    expect(store.getState()).toMatchObject({ returnHop: null, notice: null });
  });
});
