import type { Box } from './core/geometry';
import {
  BYTES_FONT,
  describeProxyHeader,
  FIELD_LOOK,
  keyLayout,
  keyNameX,
  PAYLOAD,
  swatchBox,
  type DumpLayout,
  type ProxyLine,
} from './core/proxy-bytes';
import type { ProxyField } from '../model/proxy-protocol';

export interface ProxyBytesProps {
  /** The header the packet on screen carries. */
  readonly line: ProxyLine;
  /** Where its rows go (`dumpLayout`): the left column under the slide's heading. */
  readonly dump: DumpLayout;
  /** Where its key goes: the legend's area, under the policy and the slide's switch. */
  readonly keyArea: Box;
}

/** A byte's (or a key swatch's) box, in its field's look. */
function FieldBox({ box, field }: { box: Box; field: ProxyField }) {
  const look = FIELD_LOOK[field];
  if (field === 'separator')
    // An open box under the gap between two words, as a space is written on paper.
    return (
      <path
        d={`M${box.x + 2} ${box.y + box.h - 9} v7 h${box.w - 4} v-7`}
        fill="none"
        stroke={look.stroke}
        strokeWidth={2.5}
      />
    );
  return (
    <rect
      x={box.x}
      y={box.y}
      width={box.w}
      height={box.h}
      rx={4}
      fill={look.fill}
      stroke={look.stroke}
      strokeWidth={2.5}
      strokeDasharray={look.dash}
    />
  );
}

/**
 * The PROXY protocol header riding ahead of the payload, as its bytes: a title,
 * rows of bytes each boxed in its field's look (v2 in hex, v1 as its text),
 * "payload…" after the last one, and a key naming the fields. A screen reader
 * hears the header in words. React draws every element; nothing moves here
 * (the group builds in with the hop, through `Appear`).
 */
export function ProxyBytes({ line, dump, keyArea }: ProxyBytesProps) {
  const key = keyLayout(line, keyArea);
  const words = describeProxyHeader(line);
  return (
    <g
      className="proxy-bytes"
      data-testid="proxy-bytes"
      data-version={dump.version}
      data-bytes={dump.byteCount}
      role="img"
      aria-label={words}
    >
      <title>{words}</title>
      <rect
        x={dump.box.x}
        y={dump.box.y}
        width={dump.box.w}
        height={dump.box.h}
        rx={10}
        fill="var(--bg)"
        stroke="var(--ink-soft)"
        strokeWidth={2}
      />
      <text
        x={dump.titleAt.x}
        y={dump.titleAt.y}
        fontSize={BYTES_FONT}
        className="label-strong proxy-bytes-title"
      >
        {dump.title}
      </text>
      {dump.rows.map((row) => (
        <g key={row.label} className="proxy-bytes-row" data-offset={row.label}>
          <text
            x={dump.offsetX}
            y={row.y}
            fontSize={BYTES_FONT}
            textAnchor="end"
            fill="var(--ink-soft)"
            className="proxy-bytes-mono"
          >
            {row.label}
          </text>
          {row.runs.map((r) => (
            <g key={r.offset} data-field={r.field} data-chars={r.chars}>
              <FieldBox box={r.box} field={r.field} />
              {r.text && (
                <text
                  x={r.box.x + r.box.w / 2}
                  y={row.y}
                  fontSize={BYTES_FONT}
                  textAnchor="middle"
                  className="proxy-byte proxy-bytes-mono"
                >
                  {r.text}
                </text>
              )}
            </g>
          ))}
        </g>
      ))}
      <text
        x={dump.payloadAt.x}
        y={dump.payloadAt.y}
        fontSize={BYTES_FONT}
        fill="var(--ink-soft)"
        fontStyle="italic"
        className="proxy-bytes-payload"
      >
        {PAYLOAD}
      </text>
      <g className="proxy-bytes-key" aria-hidden="true">
        {key.entries.map((e) => (
          <g key={e.field}>
            <FieldBox box={swatchBox(e)} field={e.field} />
            <text x={keyNameX(e)} y={e.y} fontSize={BYTES_FONT}>
              {e.name}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}
