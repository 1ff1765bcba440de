import { useReducedMotionConfig } from 'framer-motion';
import { useEffect, useState } from 'react';
import type { ExternalTrafficPolicy } from '../model';
import type { Box } from './core/geometry';
import { POLICY_FONT } from './core/layout';

/** How long a flipped policy stays marked, in milliseconds. */
const FLASH_MS = 1600;

interface Props {
  /** Where it goes: `layout.policyTag`. */
  readonly box: Box;
  /** The policy in force (the slide's, or the presenter's live choice). */
  readonly policy: ExternalTrafficPolicy;
}

/**
 * "externalTrafficPolicy = Local", in the talk's words, under the client and
 * the load balancer, whenever the mode has a policy. When the policy flips
 * while it is on the stage (E), the tag is marked for a moment: the highlight
 * colour and a thick border, fading out; with reduced motion the mark simply
 * shows and goes.
 */
export function PolicyTag({ box, policy }: Props) {
  const reduce = useReducedMotionConfig() === true;
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
  const baseline = y + h / 2 + POLICY_FONT * 0.36;
  return (
    <g className="policy-tag" data-testid="policy-tag" data-flipped={marked || undefined}>
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
        // Keyed by the flip, so a second flip restarts the fade.
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
        >
          {!reduce && (
            <animate
              attributeName="opacity"
              values="1;1;0"
              keyTimes="0;0.6;1"
              dur={`${FLASH_MS}ms`}
              fill="freeze"
            />
          )}
        </rect>
      )}
      <text
        x={x + 14}
        y={baseline}
        fontSize={POLICY_FONT}
        fill={marked ? 'var(--changed-ink)' : undefined}
      >
        externalTrafficPolicy = <tspan className="label-strong">{policy}</tspan>
      </text>
    </g>
  );
}
