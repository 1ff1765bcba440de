import type { Result, Trace } from '../../model';
import type { Scene } from '../scene';
import { sentenceStart, deviceName } from './names';

/**
 * Why there is no reply to play on this step, or null when there is one: a
 * dropped packet gets none (the client times out), and a step without one
 * packet on its way has nothing to answer.
 */
export function noReplyReason(
  scene: Scene | undefined,
  trace: Result<Trace> | null,
): string | null {
  if (!scene || !trace) return 'There is no reply to play here: no packet is on this slide.';
  if (!trace.ok) return `There is no reply to play here: ${trace.error}.`;
  if (scene.hop === undefined)
    return 'There is no reply to play here: this slide shows how requests spread, not one packet.';
  const t = trace.value;
  if (t.back.length > 0) return null;
  switch (t.outcome.kind) {
    case 'dropped':
      return `No reply: ${deviceName(t, t.outcome.at)} dropped the packet silently, so nothing comes back and the client times out.`;
    case 'rejected':
      return `No reply: ${sentenceStart(t.outcome.reason)}.`;
    case 'delivered':
      return 'No reply: the packet has not reached a pod.';
  }
}
