import { useInbound, useInboundStore } from '../store';

/** A message for the person (a bad link), with a way to dismiss it. */
export function Notice() {
  const notice = useInbound((s) => s.notice);
  const store = useInboundStore();
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button
        type="button"
        onClick={() => store.getState().dismissNotice()}
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}
