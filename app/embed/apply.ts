import { slideAt, TALK_SLIDE_COUNT } from '../deck';
import {
  selectLocation,
  selectPolicy,
  selectPolicyApplies,
  selectReplyAvailable,
  selectStepTitle,
  type InboundState,
  type InboundStore,
} from '../store';
import {
  API_VERSION,
  EVENT_TYPE,
  type EmbedCommand,
  type EmbedStateEvent,
  type SlideName,
} from './api';

/**
 * Carries out a checked command with the store's own actions, so the frame
 * does exactly what the keys do in the deck. A command that is well formed
 * but means nothing on this step (a policy where no node NATs, a switch on a
 * slide without one) changes nothing, as the key would.
 */
export function applyCommand(store: InboundStore, c: EmbedCommand): void {
  const s = store.getState();
  switch (c.command) {
    case 'next':
      return s.next();
    case 'previous':
      return s.prev();
    case 'goto':
      // As a link does: the place as the talk shows it; the addresses are the viewer's choice.
      return s.applyLocation({
        slide: c.slide,
        step: c.step,
        policyOverride: null,
        addressView: s.addressView,
        returnHop: null,
        ...(s.marks ? { marks: s.marks } : {}),
      });
    case 'policy':
      if (c.policy !== 'talk') return s.setTrafficPolicy(c.policy);
      if (s.policyOverride !== null)
        s.applyLocation({ ...selectLocation(s), policyOverride: null, returnHop: null });
      return;
    case 'addresses':
      return s.setAddressView(c.addresses);
    case 'switch': {
      const values = slideAt(s.slide).switch?.values ?? [];
      const i = typeof c.value === 'number' ? c.value : values.findIndex((v) => v.word === c.value);
      if (i >= 0 && i < values.length && i !== (s.alt ?? 0)) s.setSwitch(i);
      return;
    }
    case 'reply':
      if (!c.play) return s.stopReturn();
      // From its first hop, playing, as R does; again from the start if it is already showing.
      if (s.returnHop !== null) s.stopReturn();
      if (selectReplyAvailable(store.getState())) store.getState().toggleReturn();
      return;
    case 'state':
      return;
  }
}

/** A deck number as a host names it: 27, or "since/3". */
export const slideName = (n: number): SlideName =>
  n > TALK_SLIDE_COUNT ? `since/${n - TALK_SLIDE_COUNT}` : n;

/** Where the frame is and what its live switches say, as the `ready` and `state` events tell it. */
export function stateEvent(
  s: InboundState,
  event: 'ready' | 'state',
  ignored: number,
): EmbedStateEvent {
  const slide = slideAt(s.slide);
  const sw = slide.switch;
  return {
    type: EVENT_TYPE,
    version: API_VERSION,
    event,
    slide: slideName(s.slide),
    since: s.slide > TALK_SLIDE_COUNT ? s.slide - TALK_SLIDE_COUNT : null,
    step: s.step,
    steps: slide.steps.length,
    title: selectStepTitle(s),
    policy: selectPolicyApplies(s) ? selectPolicy(s) : null,
    addresses: s.addressView,
    switch: sw
      ? {
          name: sw.name,
          value: sw.values[s.alt ?? 0]?.word ?? '',
          values: sw.values.map((v) => v.word),
        }
      : null,
    reply: s.returnHop === null ? null : { hop: s.returnHop, playing: s.replyPlaying },
    ignored,
  };
}
