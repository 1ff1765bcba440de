import { useInbound } from '../store';

/** B: the audience screen goes black (any key brings it back). */
export function Blackout() {
  const on = useInbound((s) => s.blackout);
  if (!on) return null;
  return (
    <div className="blackout" role="status">
      <span className="visually-hidden">Screen blacked out. Press B to show the slide again.</span>
    </div>
  );
}
