import { useEffect, useState } from 'react';
import type { ExternalTrafficPolicy } from '../model';
import type { Box } from './core/geometry';
import { SWITCH_LINE_PITCH } from './core/diagram-geometry';
import { POLICY_FONT } from './core/layout';

/** How long a flipped policy stays marked, in milliseconds. */
const FLASH_MS = 1600;

interface Props {
  /** Where it goes: `layout.policyTag`. */
  readonly box: Box;
  /** The policy in force (the slide's, or the presenter's live choice). */
  readonly policy: ExternalTrafficPolicy | string;
  /** What is set: externalTrafficPolicy, or a since-2020 slide's own switch ("ipMode"). */
  readonly name?: string;
  /** The value on a line of its own under the name (words too long for one line at this size). */
  readonly twoLines?: boolean;
}

/**
 * "externalTrafficPolicy = Local", in the talk's words, under the client and
 * the load balancer, whenever the mode has a policy. When the policy flips
 * while it is on the stage (E), the tag is marked for a moment: the highlight
 * colour and a thick border, on and then off, with no fade (so the same with
 * reduced motion). An SVG <animate> would not do: it counts from the page's
 * start, so a fade begun on a flip has long ended.
 */
export function PolicyTag({
  box,
  policy,
  name = 'externalTrafficPolicy',
  twoLines = false,
}: Props) {
  const [shown, setShown] = useState(policy);
  const [flips, setFlips] = useState(0);
  const [marked, setMarked] = useState(false);
  if (shown !== policy) {
    setShown(policy);
    setFlips(flips + 1);
    setMarked(true);
  }
  useEffect(() => {
    if (!marked) return;
    const timer = setTimeout(() => setMarked(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [marked, flips]);

  const { x, y, w, h } = box;
  const pitch = twoLines ? SWITCH_LINE_PITCH : 0;
  const baseline = y + h / 2 + POLICY_FONT * 0.36 - pitch / 2;
  return (
    <g
      className="policy-tag"
      data-testid={name === 'externalTrafficPolicy' ? 'policy-tag' : 'switch-tag'}
      data-flipped={marked || undefined}
    >
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={10}
        fill="var(--bg)"
        stroke="var(--ink)"
        strokeWidth={2}
      />
      {marked && (
        // Keyed by the flip, so a second flip marks it anew.
        <rect
          key={flips}
          x={x - 3}
          y={y - 3}
          width={w + 6}
          height={h + 6}
          rx={12}
          fill="var(--changed)"
          stroke="var(--ink)"
          strokeWidth={5}
        />
      )}
      <text
        x={x + 14}
        y={baseline}
        fontSize={POLICY_FONT}
        fill={marked ? 'var(--changed-ink)' : undefined}
      >
        {name} ={' '}
        <tspan className="label-strong" {...(twoLines ? { x: x + 14, dy: pitch } : {})}>
          {policy}
        </tspan>
      </text>
    </g>
  );
}
