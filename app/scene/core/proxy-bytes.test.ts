/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SINCE_SCENES } from '../../deck/since/scenes';
import { traceFor } from '../../deck/trace-cache';
import { talkCluster } from '../../model';
import { proxyFields } from '../../model/proxy-dump';
import { proxyHeaderBytes } from '../../model/proxy-protocol';
import { inside, overlaps, type Box } from './geometry';
import { layoutDiagram, LEGEND_AREA } from './layout';
import {
  BYTES_FONT,
  describeProxyHeader,
  dumpLayout,
  FIELD_LOOK,
  keyLayout,
  keyNameWidth,
  keyNameX,
  swatchBox,
  type DumpLayout,
  type ProxyLine,
} from './proxy-bytes';

// The PROXY header's dump on slide since/10 (3c, the proxy writing the header
// for the client 1.2.3.4:51234 that dialed 198.51.100.7:80).

/** The header on the packet of the slide's step 1 (the proxy's hop to Node1), v1 or v2. */
const lineOf = (version: 0 | 1): ProxyLine => {
  const scene = SINCE_SCENES['proxy-protocol']!.steps[1]![version]!;
  const t = traceFor(scene, 'Cluster');
  if (!t?.ok) throw new Error('no trace');
  const line = t.value.forward[scene.hop!]!.packet.proxyLine;
  if (!line) throw new Error('no PROXY header on the hop');
  return line;
};
const v1 = lineOf(0);
const v2 = lineOf(1);

/** The left column, as Diagram places the dump: under the since-2020 heading, 532 wide. */
const COLUMN = { x: 28, right: 560 };
const at = { x: COLUMN.x, y: 210 };
const WIDTH = COLUMN.right - COLUMN.x;

const layout = layoutDiagram(talkCluster(), { nodePortServices: [] });
/** The legend's area under the policy tag and the slide's switch tag, where the key goes. */
const keyArea: Box = (() => {
  const tag = layout.policyTag;
  const switchBottom = tag.y + tag.h + 10 + tag.h;
  const top = Math.max(LEGEND_AREA.y, switchBottom + 12);
  return { ...LEGEND_AREA, y: top, h: LEGEND_AREA.y + LEGEND_AREA.h - top };
})();

const allRuns = (d: DumpLayout) => d.rows.flatMap((r) => r.runs);
const hexOf = (d: DumpLayout) => allRuns(d).map((r) => r.text);

describe('the v2 dump', () => {
  const d = dumpLayout(v2, at, WIDTH);

  it('is 28 bytes in four rows of eight, eight and eight and four, as hexdump numbers them', () => {
    expect(d.byteCount).toBe(28);
    expect(d.title).toBe('PROXY v2 header: 28 bytes');
    expect(d.rows.map((r) => r.label)).toEqual(['00', '08', '10', '18']);
    expect(d.rows.map((r) => r.runs.length)).toEqual([8, 8, 8, 4]);
    expect(hexOf(d).join(' ')).toBe(
      '0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a 21 11 00 0c 01 02 03 04 c6 33 64 07 c8 22 00 50',
    );
  });

  it('names each byte by its field: signature, version, family, length, addresses, ports', () => {
    expect(d.rows.map((r) => r.runs.map((c) => c.field))).toEqual([
      Array(8).fill('signature'),
      [...Array(4).fill('signature'), 'version-command', 'family', 'length', 'length'],
      [...Array(4).fill('source address'), ...Array(4).fill('destination address')],
      ['source port', 'source port', 'destination port', 'destination port'],
    ]);
    expect(allRuns(d).map((c) => c.field)).toEqual(proxyFields(proxyHeaderBytes(v2)));
  });

  it('leaves a gap where a field ends, so its edge shows without colour', () => {
    const [a, b, c, e] = d.rows[2]!.runs.slice(2, 6);
    const step = (p: Box, q: Box) => q.x - p.x;
    expect(step(b!.box, c!.box)).toBeGreaterThan(step(a!.box, b!.box));
    expect(step(c!.box, e!.box)).toBe(step(a!.box, b!.box));
  });

  it('writes "payload…" after the last byte, on its row', () => {
    const last = d.rows[3]!.runs[3]!.box;
    expect(d.payloadAt.y).toBe(d.rows[3]!.y);
    expect(d.payloadAt.x).toBeGreaterThan(last.x + last.w);
  });
});

describe('the v1 dump', () => {
  const d = dumpLayout(v1, at, WIDTH);

  it('is the 42 bytes of the text line, a row breaking at a space, with their offsets', () => {
    expect(d.byteCount).toBe(42);
    expect(d.title).toBe('PROXY v1 header: 42 bytes');
    expect(
      allRuns(d)
        .map((r) => r.chars)
        .join(''),
    ).toBe('PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\r\n');
    expect(d.rows.map((r) => r.runs.map((c) => c.text).join('|'))).toEqual([
      'PROXY||TCP4||1.2.3.4|',
      '198.51.100.7||51234|',
      '80|\\r\\n',
    ]);
    expect(d.rows.map((r) => r.label)).toEqual(['00', '13', '26']);
  });

  it('boxes each field’s run: PROXY, protocol, addresses, ports, separators, CR LF', () => {
    expect(allRuns(d).map((r) => r.field)).toEqual([
      'signature',
      'separator',
      'protocol',
      'separator',
      'source address',
      'separator',
      'destination address',
      'separator',
      'source port',
      'separator',
      'destination port',
      'end of line',
    ]);
  });
});

describe('on the stage', () => {
  for (const [name, line] of [
    ['v1', v1],
    ['v2', v2],
  ] as const) {
    const d = dumpLayout(line, at, WIDTH);

    it(`${name}: fits the left column, clear of the wire's lane and above the load balancer's badge`, () => {
      const column: Box = { x: COLUMN.x, y: at.y, w: WIDTH, h: layout.client.y - at.y };
      expect(inside(d.box, column)).toBe(true);
      for (const r of allRuns(d)) expect(inside(r.box, d.box), r.chars).toBe(true);
      // A two-line badge (about 82 high) still fits between the dump and the load balancer.
      expect(layout.lb.y - (d.box.y + d.box.h)).toBeGreaterThanOrEqual(100);
      expect(overlaps(d.box, layout.cluster)).toBe(false);
    });

    it(`${name}: no two byte boxes overlap`, () => {
      const runs = allRuns(d);
      for (let i = 1; i < runs.length; i++)
        if (runs[i - 1]!.box.y === runs[i]!.box.y)
          expect(runs[i]!.box.x).toBeGreaterThanOrEqual(runs[i - 1]!.box.x + runs[i - 1]!.box.w);
    });

    it(`${name}: the key names every field in the legend's place, on lines that fit`, () => {
      const key = keyLayout(line, keyArea);
      expect(key.fits).toBe(true);
      expect(key.lines).toBeLessThanOrEqual(3);
      const fields = new Set(proxyFields(proxyHeaderBytes(line)).filter((f) => f !== 'payload'));
      expect(new Set(key.entries.map((e) => e.field))).toEqual(fields);
      const ends = key.entries.map((e) => keyNameX(e) + keyNameWidth(e.name));
      key.entries.forEach((e, i) => {
        expect(inside(swatchBox(e), keyArea)).toBe(true);
        expect(ends[i]).toBeLessThanOrEqual(keyArea.x + keyArea.w);
        const next = key.entries[i + 1];
        if (next && next.y === e.y) expect(next.x).toBeGreaterThan(ends[i]!);
      });
    });
  }

  it('writes at 29 units: 28 px or more at 1080p, where a since-2020 stage is scaled to 0.976', () => {
    expect(BYTES_FONT * 0.976).toBeGreaterThanOrEqual(28);
  });
});

describe('in words', () => {
  it('reads the header field by field', () => {
    expect(describeProxyHeader(v2)).toBe(
      'PROXY protocol v2 header: 28 bytes: signature 0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a, version 2 command PROXY (21), TCP over IPv4 (11), length 12, source 1.2.3.4 port 51234, destination 198.51.100.7 port 80, then the payload',
    );
    expect(describeProxyHeader(v1)).toBe(
      'PROXY protocol v1 header: 42 bytes of text: PROXY TCP4 1.2.3.4 198.51.100.7 51234 80, then CR LF, then the payload',
    );
  });
});

describe('the fields’ colours', () => {
  const css = readFileSync(new URL('../../ui/theme.css', import.meta.url), 'utf8');
  const themes = [...css.matchAll(/data-theme='(\w+)'\]\s*\{([^}]*)\}/g)].map(
    (m) =>
      [
        m[1] as string,
        new Map(
          [...(m[2] ?? '').matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map(
            (v) => [v[1] as string, v[2] as string] as const,
          ),
        ),
      ] as const,
  );
  const luminance = (h: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const name = (v: string) => /var\(--([\w-]+)\)/.exec(v)?.[1];

  it('are theme colours: the bytes read on their fill, and each box shows on the stage', () => {
    expect(themes.map(([t]) => t)).toEqual(['light', 'dark', 'contrast']);
    for (const [theme, vars] of themes)
      for (const [field, look] of Object.entries(FIELD_LOOK)) {
        const fill = name(look.fill);
        const stroke = name(look.stroke);
        const ink = vars.get('ink')!;
        if (fill)
          expect(contrast(ink, vars.get(fill)!), `${theme} ${field}`).toBeGreaterThanOrEqual(
            theme === 'contrast' ? 7 : 4.5,
          );
        expect(
          contrast(vars.get(stroke!)!, vars.get('bg')!),
          `${theme} ${field}`,
        ).toBeGreaterThanOrEqual(3);
      }
  });
});
