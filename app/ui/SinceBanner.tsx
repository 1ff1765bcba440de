import { formatHash, sinceMarksOn, TALK_SLIDE_COUNT, type SinceInfo } from '../deck';
import { useInbound } from '../store';

/**
 * On a slide of the section after the talk without a diagram: that it was
 * added to the talk (not the talk's words) and where the change stands (a
 * Kubernetes version or KEP, and the year). A diagram draws the same in its
 * heading (DiagramProps.heading).
 */
export function SinceTag({ since }: { since: SinceInfo }) {
  return (
    <div className="since-banner">
      <p className="since-added">Added to the talk · not its words</p>
      <p className="since-badge">
        {since.badge.year} · {since.badge.label}
      </p>
    </div>
  );
}

/**
 * On the talk's slides, only when the presenter has turned markers on (M, or
 * `marks=1`): links to what has changed since for this slide, so the talk can
 * still be given exactly as it was.
 */
export function SinceMarks() {
  const n = useInbound((s) => s.slide);
  const marks = useInbound((s) => s.marks === true);
  // The markers' words come with the section's captions (useSinceCaptions fetches them).
  const ready = useInbound((s) => s.sinceCaptions);
  const links = marks && ready ? sinceMarksOn(n) : undefined;
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
