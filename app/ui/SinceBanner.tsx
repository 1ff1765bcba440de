import { formatHash, SINCE_MARKS, slideAt, TALK_SLIDE_COUNT } from '../deck';
import { selectScene, useInbound } from '../store';

/**
 * What sits on the stage around a slide for the section after the talk. On
 * its own slides: that they were added to the talk (not the talk's words)
 * and where the change stands (a Kubernetes version or KEP, and the year). On
 * the talk's slides, only when the presenter has turned markers on (M, or
 * `marks=1`): a link to what has changed since for this slide.
 */
export function SinceBanner() {
  const n = useInbound((s) => s.slide);
  const marks = useInbound((s) => s.marks === true);
  const since = slideAt(n).since;
  // A diagram draws its own heading with the badge (DiagramProps.heading).
  const drawn = useInbound((s) => selectScene(s) !== undefined);
  if (since && drawn) return null;
  if (since)
    return (
      <div className="since-banner">
        <p className="since-added">Added since the talk · not the talk’s words</p>
        <p className="since-badge" aria-label={`Since: ${since.badge.label}, ${since.badge.year}`}>
          {since.badge.label} · {since.badge.year}
        </p>
      </div>
    );
  const links = marks ? SINCE_MARKS.get(n) : undefined;
  if (!links || links.length === 0) return null;
  return (
    <nav className="since-marks" aria-label="Changed since 2020">
      {links.map(({ k, mark }) => (
        <a
          key={k}
          className="since-mark"
          href={formatHash({
            slide: TALK_SLIDE_COUNT + k,
            step: 0,
            policyOverride: null,
            addressView: 'talk',
            returnHop: null,
            marks: true,
          })}
        >
          Since 2020: {mark.text} →
        </a>
      ))}
    </nav>
  );
}
