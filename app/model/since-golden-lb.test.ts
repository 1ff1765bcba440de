import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { caseArb, RUNS } from '../test-support/random-cases';
import type { NodeIp } from './address';
import { DEFAULT_LB_PRIVATE_IP } from './direct-lb';
import { packetLines } from './format';
import { exactShares, sampleShares } from './shares';
import type { ShareQuery, Shares } from './shares';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import { endpointsOf, findService, ingressFor, type Topology } from './topology';
import { trace } from './trace';
import type { Hop, Scenario, Trace } from './trace-types';
import { validate } from './validate';

// Since 2020, at the front door: load balancers that send straight to pods
// (AWS NLB with IP targets, with and without client IP preservation), the
// Gateway API's dedicated proxies (4d), and nodes weighted by their pods.

const run = (scenario: Scenario): Trace => {
  const r = trace(scenario);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const wires = (hops: readonly Hop[]) =>
  hops.map((h) => `${h.from} → ${h.to}: ${packetLines(h.packet, 'ip').join(', ')}`);

const nlb = (extra: Partial<Scenario> = {}, topology: Topology = talkCluster()): Trace =>
  run({ topology, service: SERVICE_A, mode: '3b', pod: 'pod-c', ...extra });

describe('3b: an NLB with IP targets', () => {
  it('with client IP preservation on (the default here, as the talk draws 3b): Pod-c sees the client', () => {
    const tr = nlb({ clientIpPreservation: true });
    expect(wires(tr.forward)).toEqual([
      'client → lb:vip: Src: 1.2.3.4:51234, Dst: 203.0.113.10:80',
      'lb:vip → pod:pod-c: Src: 1.2.3.4:51234, Dst: 10.0.2.1:8080',
    ]);
    expect({ ...tr, notes: [] }).toEqual({ ...nlb(), notes: [] });
    expect(nlb().notes).toEqual([]);
    expect(tr.notes[0]).toContain('keeps the client');
    expect(tr.notes[0]).toContain('off by default for IP targets over TCP or TLS');
  });

  it('with client IP preservation off: Src is the NLB’s private address; the reply goes back through it', () => {
    const tr = nlb({ clientIpPreservation: false });
    expect(wires(tr.forward)).toEqual([
      'client → lb:vip: Src: 1.2.3.4:51234, Dst: 203.0.113.10:80',
      'lb:vip → pod:pod-c: Src: 10.240.0.200:41000, Dst: 10.0.2.1:8080',
    ]);
    expect(wires(tr.back)).toEqual([
      'pod:pod-c → lb:vip: Src: 10.0.2.1:8080, Dst: 10.240.0.200:41000',
      'lb:vip → client: Src: 203.0.113.10:80, Dst: 1.2.3.4:51234',
    ]);
    expect(tr.forward[1]?.rewrites.map((r) => r.type)).toEqual(['dnat', 'snat']);
    expect(tr.back[1]?.rewrites.map((r) => r.type)).toEqual(['unnat']);
    expect([tr.podSees?.ip, tr.clientIp]).toEqual([DEFAULT_LB_PRIVATE_IP, 'lost']);
    expect(tr.notes).toEqual([
      "The load balancer sends straight to Pod-c from its own private address, 10.240.0.200 (client IP preservation off): Pod-c never sees the client's address at L3. AWS NLB: client IP preservation is on by default for instance targets, off by default for IP targets over TCP or TLS (target group attribute preserve_client_ip.enabled).",
    ]);
  });

  it('uses the Service’s own lbPrivateIp where it names one', () => {
    const t = talkCluster();
    const topology = {
      ...t,
      services: t.services.map((s) =>
        s.id === SERVICE_A ? { ...s, lbPrivateIp: '10.240.0.77' as NodeIp } : s,
      ),
    };
    expect(nlb({ clientIpPreservation: false }, topology).podSees?.ip).toBe('10.240.0.77');
  });

  it('with preservation off and PROXY protocol v2: the client travels in the header', () => {
    const tr = nlb({ clientIpPreservation: false, proxyProtocol: true, proxyProtocolVersion: 2 });
    expect(wires(tr.forward)[1]).toBe(
      'lb:vip → pod:pod-c: Src: 10.240.0.200:41000, Dst: 10.0.2.1:8080, PROXY v2 1.2.3.4:51234 → 203.0.113.10:80',
    );
    expect(tr.clientIp).toBe('proxy-protocol');
  });

  it('3d is proxy-like already: the setting changes nothing but a note', () => {
    const proxied = (clientIpPreservation?: boolean) =>
      run({ topology: talkCluster(), service: SERVICE_A, mode: '3d', clientIpPreservation });
    expect({ ...proxied(false), notes: [] }).toEqual(proxied());
    expect(proxied(true).podSees?.ip).toBe('198.51.100.7');
    expect(proxied(false).notes[0]).toMatch(/^A proxy-like load balancer opens its own connection/);
  });
});

describe('client IP preservation off, over random topologies', () => {
  it('the pod never sees the client at L3 without PROXY protocol', () => {
    let delivered = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        if (c.mode.id !== '3b' && c.mode.id !== '3d') return;
        const tr = run({ ...c.scenario, clientIpPreservation: false, proxyProtocol: false });
        if (tr.outcome.kind !== 'delivered') return;
        delivered++;
        expect(tr.podSees?.ip).not.toBe(c.t.client.ip);
        expect(tr.clientIp).toBe('lost');
        for (const hop of tr.forward.slice(1)) expect(hop.packet.src.ip).not.toBe(c.t.client.ip);
        expect(tr.back.at(-1)?.packet.src).toEqual(tr.forward[0]?.packet.dst);
      }),
      { ...RUNS, numRuns: 600 },
    );
    expect(delivered).toBeGreaterThan(10);
  });
});

describe('the Gateway API cluster (4d)', () => {
  const t = talkCluster('gateway');

  it('is valid, with a proxy Deployment and a LoadBalancer Service per Gateway', () => {
    expect(validate(t).filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      t.pods.filter((p) => p.id.startsWith('gateway-')).map((p) => [p.id, p.name, p.ip, p.node]),
    ).toEqual([
      ['gateway-a1', 'Gateway A', '10.0.1.3', 'node1'],
      ['gateway-a2', 'Gateway A', '10.0.2.3', 'node2'],
      ['gateway-b1', 'Gateway B', '10.0.1.4', 'node1'],
      ['gateway-b2', 'Gateway B', '10.0.2.4', 'node2'],
    ]);
    expect(ingressFor(t, SERVICE_A)).toMatchObject({ id: 'route-a', proxyService: 'gateway-a' });
    expect(ingressFor(t, SERVICE_B)).toMatchObject({ id: 'route-b', proxyService: 'gateway-b' });
    const gatewayA = findService(t, 'gateway-a')!;
    expect([gatewayA.type, gatewayA.vip]).toEqual(['LoadBalancer', '203.0.113.30']);
    expect(endpointsOf(t, gatewayA).map((p) => p.id)).toEqual(['gateway-a1', 'gateway-a2']);
  });

  it('Cluster: client → VIP → Node1 → gateway pod (NAT) → backend pod, X-Forwarded-For node1', () => {
    const tr = run({
      topology: t,
      service: SERVICE_A,
      mode: '4d',
      policy: 'Cluster',
      entryNode: 'node1',
      ingressPod: 'gateway-a2',
      pod: 'pod-a',
    });
    expect(wires(tr.forward)).toEqual([
      'client → lb:vip: Src: 1.2.3.4:51234, Dst: 203.0.113.30:80',
      'lb:vip → node:node1: Src: 1.2.3.4:51234, Dst: 203.0.113.30:80',
      'node:node1 → pod:gateway-a2: Src: 10.240.0.1:61012, Dst: 10.0.2.3:80',
      'pod:gateway-a2 → pod:pod-a: Src: 10.0.2.3:45678, Dst: 10.0.1.1:8080, X-Forwarded-For: 10.240.0.1',
    ]);
    expect([tr.ingressPod, tr.pod, tr.clientIp]).toEqual(['gateway-a2', 'pod-a', 'lost']);
    expect(tr.forward.map((h) => h.connection)).toEqual([1, 1, 1, 2]);
  });

  it('Local: the gateway pod sees the client and names it in X-Forwarded-For', () => {
    const tr = run({
      topology: t,
      service: SERVICE_A,
      mode: '4d',
      policy: 'Local',
      entryNode: 'node2',
      pod: 'pod-c',
    });
    expect(wires(tr.forward).slice(2)).toEqual([
      'node:node2 → pod:gateway-a2: Src: 1.2.3.4:51234, Dst: 10.0.2.3:80',
      'pod:gateway-a2 → pod:pod-c: Src: 10.0.2.3:45678, Dst: 10.0.2.1:8080, X-Forwarded-For: 1.2.3.4',
    ]);
    expect(tr.clientIp).toBe('xff');
    expect(wires(tr.back).at(-1)).toBe(
      'node:node2 → client: Src: 203.0.113.30:80, Dst: 1.2.3.4:51234',
    );
  });

  it('Service B goes through its own Gateway', () => {
    const tr = run({ topology: t, service: SERVICE_B, mode: '4d', entryNode: 'node1' });
    expect(tr.forward[0]?.packet.dst.ip).toBe('203.0.113.31');
    expect(tr.ingressPod).toMatch(/^gateway-b[12]$/);
    expect(['pod-b', 'pod-d']).toContain(tr.pod);
  });
});

describe('slide 39 with nodes weighted by their pods (GKE weighted load balancing)', () => {
  const exact = (q: Partial<ShareQuery>): Shares => {
    const r = exactShares({
      topology: talkCluster('imbalance'),
      service: SERVICE_A,
      mode: '3a',
      policy: 'Local',
      ...q,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('equal: Node1’s lone pod takes 1/2, each of Node2’s six 1/12', () => {
    const s = exact({ weighting: 'equal' });
    expect(s.pods.get('pod-1')).toBe(0.5);
    for (let i = 2; i <= 7; i++) expect(s.pods.get(`pod-${i}`)).toBeCloseTo(1 / 12, 12);
  });

  it('by pods: every pod 1/7, Node1 1/7 of the traffic and Node2 6/7', () => {
    const s = exact({ weighting: 'by-pods' });
    expect([...s.pods.keys()]).toEqual([
      'pod-1',
      'pod-2',
      'pod-3',
      'pod-4',
      'pod-5',
      'pod-6',
      'pod-7',
    ]);
    for (const share of s.pods.values()) expect(share).toBeCloseTo(1 / 7, 12);
    expect(s.nodes.get('node1')).toBeCloseTo(1 / 7, 12);
    expect(s.nodes.get('node2')).toBeCloseTo(6 / 7, 12);
    expect(s.lost).toBe(0);
  });

  it('sampled requests converge to the weighted shares', () => {
    const r = sampleShares(
      {
        topology: talkCluster('imbalance'),
        service: SERVICE_A,
        mode: '3a',
        policy: 'Local',
        weighting: 'by-pods',
      },
      70_000,
      3,
    );
    if (!r.ok) throw new Error(r.error);
    for (let i = 1; i <= 7; i++)
      expect((r.value.pods.get(`pod-${i}`) ?? 0) / 70_000).toBeCloseTo(1 / 7, 2);
  });

  it('changes nothing where no load balancer weights nodes: a client picking nodes, or Cluster', () => {
    expect(exact({ mode: '2', weighting: 'by-pods' })).toEqual(
      exact({ mode: '2', weighting: 'equal' }),
    );
    expect(exact({ policy: 'Cluster', weighting: 'by-pods' })).toEqual(
      exact({ policy: 'Cluster', weighting: 'equal' }),
    );
  });
});
