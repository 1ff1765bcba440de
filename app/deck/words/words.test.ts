import { describe, expect, it } from 'vitest';
import { packetLines, SERVICE_A, talkCluster, trace, type Topology, type Trace } from '../../model';
import { TALK_SCENES } from '../scenes';
import { slideAt } from '../slides';
import { scenarioFor, traceFor } from '../trace-cache';
import {
  cardWords,
  describeHop,
  describeOutcome,
  dropNote,
  noReplyReason,
  passthroughNote,
  rewriteBadge,
  rewriteNames,
  stepSentence,
} from '.';

const traceOf = (n: number, policy?: 'Cluster' | 'Local'): Trace => {
  const r = trace(scenarioFor(TALK_SCENES[n]!, policy)!);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const hopOf = (n: number, policy?: 'Cluster' | 'Local') => {
  const t = traceOf(n, policy);
  const i = TALK_SCENES[n]!.hop!;
  return { t, hop: t.forward[i]!, before: t.forward[i - 1] };
};
const sentence = (n: number, view: 'talk' | 'ip' = 'talk', returnHop: number | null = null) => {
  const slide = slideAt(n);
  const step = slide.steps[0]!;
  return stepSentence({
    slide,
    stepIndex: 0,
    step,
    trace: step.scene ? traceFor(step.scene, step.scene.policy ?? 'Cluster') : null,
    returnHop,
    view,
    policy: step.scene?.policy ?? 'Cluster',
  });
};

describe('a dropped packet (slide 37, and 30 flipped to Local)', () => {
  it('with addresses, the card is the packet as it arrived, and nothing on it lights up', () => {
    for (const { hop, before } of [hopOf(37), hopOf(30, 'Local')]) {
      const card = cardWords(hop, before, 'ip');
      expect(card.lines).toEqual(['Src: 1.2.3.4:51234', 'Dst: 10.240.0.1:30093']);
      // The same lines as the hop that brought it: the scene's comparison finds no change.
      expect(card.lines).toEqual(packetLines(before!.packet, 'ip'));
      expect(card.changed).toEqual([false, false]);
    }
  });

  it('in the talk’s words, the card keeps the talk’s label, still with nothing lit', () => {
    const { hop, before } = hopOf(37);
    expect(cardWords(hop, before, 'talk')).toEqual({
      lines: ['Src: node1', 'Dst: ???'],
      changed: [false, false],
    });
  });

  it('a note says the talk’s label means stuck at Node1 and the header still names the client', () => {
    const { t, hop } = hopOf(37);
    expect(dropNote(t, hop, 'talk')).toBe(
      '“Src: node1” means stuck at Node1: the header still reads Src: client, Dst: node1:node-port.',
    );
    expect(dropNote(t, hop, 'ip')).toBeNull();
    const passing = hopOf(27);
    expect(dropNote(passing.t, passing.hop, 'talk')).toBeNull();
    expect(sentence(37)).toContain('stuck at Node1');
  });

  it('a hop that rewrites still lights its changed fields (27: DNAT + SNAT)', () => {
    const { hop, before } = hopOf(27);
    expect(cardWords(hop, before, 'talk').changed).toEqual([true, true]);
    expect(cardWords(hop, before, 'ip').changed).toEqual([true, true]);
    expect(cardWords(hop, undefined, 'ip').changed).toEqual([false, false]);
  });

  it('keeps headers off the card where the talk has not shown them yet (89)', () => {
    const { hop, before } = hopOf(89);
    expect(cardWords(hop, before, 'talk').lines).toHaveLength(3);
    expect(cardWords(hop, before, 'talk', { headers: false }).lines).toEqual([
      'Src: node1',
      'Dst: pod:pod-port',
    ]);
  });
});

describe('3a’s reply skips the passthrough load balancer', () => {
  it('says Node1 answers the client directly, with the VIP as source', () => {
    const t = traceOf(50);
    const last = t.back.at(-1)!;
    expect([last.from, last.to]).toEqual(['node:node1', 'client']);
    expect(describeHop(t, last, 'talk')).toBe(
      'Node1 undoes its NAT and answers the client directly, not through the load balancer, which is passthrough: Src VIP:service-port, Dst client. The client sees a reply from VIP:service-port, the address it sent to.',
    );
    expect(sentence(50, 'talk', t.back.length - 1)).toContain('not through the load balancer');
    expect(t.notes).toContain(
      'The load balancer is passthrough: the reply goes from Node1 straight to the client, with the VIP as its source.',
    );
    // The stage says it too, beside that hop only.
    expect(passthroughNote(t, last)).toBe(
      'Passthrough load balancer: Node1 answers the client directly, from the VIP.',
    );
    expect(t.back.slice(0, -1).map((h) => passthroughNote(t, h))).toEqual(
      t.back.slice(0, -1).map(() => null),
    );
  });

  it('a proxy-like load balancer (3c) carries the reply itself, and no note says otherwise', () => {
    const t = traceOf(66);
    expect(t.back.at(-1)?.from).toBe('lb:proxy');
    expect(t.notes.some((n) => n.includes('passthrough'))).toBe(false);
    expect(t.back.map((h) => describeHop(t, h, 'talk')).join(' ')).not.toContain('directly');
    expect(t.back.map((h) => passthroughNote(t, h))).toEqual(t.back.map(() => null));
  });
});

describe('R where there is no reply says why', () => {
  const reason = (n: number) => {
    const scene = slideAt(n).steps[0]?.scene;
    return noReplyReason(scene, scene ? traceFor(scene, scene.policy ?? 'Cluster') : null);
  };
  it('a drop: the node dropped it silently, the client times out', () => {
    expect(reason(37)).toBe(
      'No reply: Node1 dropped the packet silently, so nothing comes back and the client times out.',
    );
  });
  it('a slide with a reply has no reason', () => {
    expect(reason(27)).toBeNull();
  });
  it('the shares slide and a text slide have no packet to answer', () => {
    expect(reason(39)).toMatch(/how requests spread, not one packet/);
    expect(reason(2)).toMatch(/no packet is on this slide/);
  });
});

describe('4c.3’s outcome says which external proxy loses the client, and why', () => {
  it('an L4 proxy as drawn loses it; an HTTP one would keep it in X-Forwarded-For', () => {
    const t = traceOf(120);
    expect(describeOutcome(t)).toBe(
      'Pod-c receives the request from ingress: the client IP is lost, because the external proxy drawn here works at L4: it copies bytes and cannot write X-Forwarded-For, so the ingress proxy can name only the peer it saw (X-Forwarded-For: proxy). An HTTP external proxy (like the talk’s GCP HTTP load balancer) would add X-Forwarded-For: client first, and the client would reach the pod in that header.',
    );
  });
  it('4a, HTTP at the load balancer, keeps the client in the header', () => {
    expect(describeOutcome(traceOf(89))).toMatch(/survives only in X-Forwarded-For\.$/);
  });
});

describe('one table of rewrite names', () => {
  it('names each rewrite of a hop, and the badge sums them up', () => {
    const { hop } = hopOf(27);
    expect(rewriteNames(hop)).toBe('DNAT, SNAT');
    expect(rewriteBadge(hop)).toBe('DNAT + SNAT');
    expect(rewriteBadge(hopOf(37).hop)).toBeNull();
  });
});

describe('outcome and refusal sentences', () => {
  const notReady = (t: Topology, app: string): Topology => ({
    ...t,
    pods: t.pods.map((p) => (p.labels.app === app ? { ...p, ready: false } : p)),
  });
  const run = (mode: '1' | '3d') => {
    const r = trace({ topology: notReady(talkCluster(), 'a'), service: SERVICE_A, mode });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  it('mode 1 with no ready pod reads as one sentence', () => {
    expect(describeOutcome(run('1'))).toBe(
      'Service A has no ready pods, so the client has no pod IP to talk to.',
    );
  });
  it('says in words what the proxy answered', () => {
    const tr = run('3d');
    expect(describeHop(tr, tr.forward[1]!, 'talk')).toBe(
      'Service A has no ready pods, so the proxy answers with a TCP reset.',
    );
  });
});
