import { describe, expect, it } from 'vitest';
import { packetLines, trace, type Trace } from '../model';
import talk from './talk.json';
import { scenarioFor } from './trace-cache';
import { TALK_SCENES } from './scenes';

// The oracle is the talk itself: every slide whose diagram carries a packet
// label ("Src: node1", "Dst: pod:pod-port", "Dst: ???") must come out of the
// simulator, given that slide's scene, word for word.

const labelled = talk.filter((s) => s.lines.some((l) => l.startsWith('Src: ')));

function traceOf(n: number): Trace {
  const scene = TALK_SCENES[n];
  if (!scene) throw new Error(`slide ${n} has no scene`);
  const scenario = scenarioFor(scene);
  if (!scenario) throw new Error(`slide ${n}'s scene has no mode`);
  const result = trace(scenario);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const hopOf = (n: number) => {
  const t = traceOf(n);
  const hop = t.forward[TALK_SCENES[n]?.hop ?? -1];
  if (!hop) throw new Error(`slide ${n}: no hop ${TALK_SCENES[n]?.hop}`);
  return { t, hop };
};

describe('the talk’s packet labels (talk view)', () => {
  it('covers exactly the slides the talk labels', () => {
    expect(labelled.map((s) => s.n)).toEqual([
      19, 26, 27, 30, 37, 48, 49, 50, 53, 64, 65, 66, 77, 78, 87, 88, 89, 91, 97, 99, 100,
    ]);
  });

  for (const slide of labelled) {
    it(`slide ${slide.n}`, () => {
      const talkWords = slide.lines.filter((l) => l.startsWith('Src: ') || l.startsWith('Dst: '));
      const { hop } = hopOf(slide.n);
      expect(packetLines(hop.packet, 'talk').slice(0, 2)).toEqual(talkWords);
    });
  }

  it('slide 37: Local with no local pod fails at Node1, as the talk draws it', () => {
    const { t, hop } = hopOf(37);
    expect(talk[36]?.lines).toContain('Failure');
    expect(hop.kind).toBe('drop');
    expect(t.outcome).toMatchObject({ kind: 'dropped', at: 'node:node1' });
    expect(t.back).toEqual([]);
    expect(t.forward.some((h) => h.to?.startsWith('pod:'))).toBe(false);
  });

  it('slides 27 and 50: Node1 SNATs even to its own Pod-a; 30 and 53 cross to Pod-c', () => {
    // "Hold up, why did the source IP change?" (28) follows a packet that never left Node1;
    // "a NodePort can forward to any pod, so this is possible:" (29) then takes Pod-a away.
    for (const [local, crossing] of [
      [27, 30],
      [50, 53],
    ] as const) {
      expect(hopOf(local).hop.to).toBe('pod:pod-a');
      expect(hopOf(local).hop.rewrites.map((r) => r.type)).toContain('snat');
      expect(hopOf(crossing).hop.to).toBe('pod:pod-c');
    }
  });

  it('slides 99 and 100: the 1-hop proxy reaches a pod on either node', () => {
    expect(hopOf(99).hop.to).toBe('pod:pod-c');
    expect(hopOf(100).hop.to).toBe('pod:pod-a');
  });
});

describe('the same scenes with concrete addresses', () => {
  const concrete: Record<number, [string, string]> = {
    19: ['Src: 1.2.3.4:51234', 'Dst: 10.0.2.1:8080'],
    26: ['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093'],
    27: ['Src: 10.240.0.1:61012', 'Dst: 10.0.1.1:8080'],
    30: ['Src: 10.240.0.1:61012', 'Dst: 10.0.2.1:8080'],
    // Dropped as it arrived: nothing rewrote it (the talk's "Src: node1" means stuck at Node1).
    37: ['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093'],
    48: ['Src: 1.2.3.4:51234', 'Dst: 203.0.113.10:80'],
    49: ['Src: 1.2.3.4:51234', 'Dst: 203.0.113.10:80'],
    50: ['Src: 10.240.0.1:61012', 'Dst: 10.0.1.1:8080'],
    53: ['Src: 10.240.0.1:61012', 'Dst: 10.0.2.1:8080'],
    64: ['Src: 1.2.3.4:51234', 'Dst: 198.51.100.7:80'],
    65: ['Src: 198.51.100.7:41000', 'Dst: 10.240.0.1:30093'],
    66: ['Src: 10.240.0.1:61012', 'Dst: 10.0.2.1:8080'],
    77: ['Src: 1.2.3.4:51234', 'Dst: 198.51.100.7:80'],
    78: ['Src: 198.51.100.7:41000', 'Dst: 10.0.2.1:8080'],
    87: ['Src: 1.2.3.4:51234', 'Dst: 198.51.100.7:80'],
    88: ['Src: 198.51.100.7:41000', 'Dst: 10.240.0.1:30093'],
    89: ['Src: 10.240.0.1:61012', 'Dst: 10.0.2.1:8080'],
    91: ['Src: 10.240.0.1:61012', 'Dst: 10.0.2.1:8080'],
    97: ['Src: 1.2.3.4:51234', 'Dst: 198.51.100.7:80'],
    99: ['Src: 198.51.100.7:41000', 'Dst: 10.0.2.1:8080'],
    100: ['Src: 198.51.100.7:41000', 'Dst: 10.0.1.1:8080'],
  };
  for (const [n, lines] of Object.entries(concrete)) {
    it(`slide ${n}`, () => {
      expect(packetLines(hopOf(Number(n)).hop.packet, 'ip').slice(0, 2)).toEqual(lines);
    });
  }

  it('HTTP ingress carries the client in X-Forwarded-For (slides 88–92)', () => {
    expect(packetLines(hopOf(89).hop.packet, 'ip')).toContain('X-Forwarded-For: 1.2.3.4');
    expect(packetLines(hopOf(89).hop.packet, 'talk')).toContain('X-Forwarded-For: client');
  });
});

describe('flipping externalTrafficPolicy on the talk’s scenes', () => {
  const flipped = (n: number) => {
    const scene = TALK_SCENES[n];
    const result = trace(scenarioFor(scene!, 'Local')!);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  it('slide 27: the pod now sees the client (Src: client), from a pod local to Node1', () => {
    const t = flipped(27);
    expect(packetLines(t.forward[1]!.packet, 'talk').slice(0, 2)).toEqual([
      'Src: client',
      'Dst: pod:pod-port',
    ]);
    expect(t.pod).toBe('pod-a');
  });

  it('slide 66: behind the proxy, Local leaves Src: proxy', () => {
    const t = flipped(66);
    expect(packetLines(t.forward[2]!.packet, 'talk').slice(0, 2)).toEqual([
      'Src: proxy',
      'Dst: pod:pod-port',
    ]);
  });

  it('slide 53: an LB under Local skips Node1 (no pod) and sends to Node2', () => {
    const t = flipped(53);
    expect(t.entryNode).toBe('node2');
    expect(t.outcome).toEqual({ kind: 'delivered', pod: 'pod-c' });
    expect(t.notes[0]).toMatch(/skips Node1.*503/);
  });
});
