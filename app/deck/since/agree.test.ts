import { describe, expect, it } from 'vitest';
import type { Packet } from '../../model';
import { SLIDES, TALK_SLIDE_COUNT } from '../slides';
import { talkPolicy, topologyOf, traceFor } from '../trace-cache';
import { SINCE_CAPTIONS } from './captions';

/** Every address (with its port when it has one) a packet of the step's traces shows. */
function addressesOf(packets: readonly Packet[]): Set<string> {
  const out = new Set<string>();
  const add = (ip: string | null, port: number | null) => {
    if (!ip) return;
    out.add(ip);
    if (port !== null) out.add(`${ip}:${port}`);
  };
  for (const p of packets) {
    add(p.src.ip, p.src.port);
    add(p.dst.ip, p.dst.port);
    for (const h of p.xff ?? []) add(h.ip, null);
    if (p.proxyLine) {
      add(p.proxyLine.src.ip, p.proxyLine.src.port);
      add(p.proxyLine.dst.ip, p.proxyLine.dst.port);
    }
  }
  return out;
}

const ADDRESS = /\b(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{2,5}))?\b/g;

describe('the section’s captions and its computed packets', () => {
  const since = SLIDES.slice(TALK_SLIDE_COUNT);

  it('has a caption for every step of every slide', () => {
    for (const [i, slide] of since.entries())
      expect(SINCE_CAPTIONS[i]?.length, slide.title).toBe(slide.steps.length);
  });

  it('quotes only addresses that the step’s cluster or its packets really have', () => {
    const wrong: string[] = [];
    for (const [i, slide] of since.entries()) {
      slide.steps.forEach((step, k) => {
        const scenes = [step.scene, ...(step.alts ?? [])].filter((s) => s !== undefined);
        if (scenes.length === 0) return;
        const known = new Set<string>();
        for (const scene of scenes) {
          const t = topologyOf(scene.variant);
          for (const n of t.nodes) known.add(n.ip);
          for (const p of t.pods) known.add(p.ip);
          for (const s of t.services)
            for (const ip of [s.vip, s.proxyIp, s.clusterIp, s.lbPrivateIp]) if (ip) known.add(ip);
          known.add(t.client.ip);
          const tr = traceFor(scene, talkPolicy(scene));
          if (tr?.ok)
            for (const a of addressesOf(
              [...tr.value.forward, ...tr.value.back].map((h) => h.packet),
            ))
              known.add(a);
        }
        const caption = SINCE_CAPTIONS[i]?.[k] ?? '';
        for (const m of caption.matchAll(ADDRESS)) {
          const [whole, ip] = m as unknown as [string, string];
          // A CIDR, a version ("1.2.3.4" is the client) or a bare address the cluster has.
          if (caption[(m.index ?? 0) + whole.length] === '/') continue;
          if (!known.has(whole) && (whole.includes(':') || !known.has(ip)))
            wrong.push(`${slide.title} step ${k}: ${whole}`);
        }
      });
    }
    expect(wrong).toEqual([]);
  });
});
