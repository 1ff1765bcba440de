import { useInbound, useInboundStore } from '../store';

/** B: the audience screen goes black (any key, or a click, brings it back). */
export function Blackout() {
  const on = useInbound((s) => s.blackout);
  const store = useInboundStore();
  if (!on) return null;
  return (
    <div className="blackout" role="status" onClick={() => store.getState().toggleBlackout()}>
      <span className="visually-hidden">
        Screen blacked out. Press B, or click, to show the slide again.
      </span>
    </div>
  );
}
