import { describe, expect, it } from 'vitest';
import { SERVICE_A, talkCluster, trace, type Scenario, type Trace } from '../../model';
import { answersFor, describeHop, dropNote, rewriteBadge } from '.';

// The words for the since-2020 dataplanes' replies (model/dataplane.ts): under
// direct server return the pod's node answers for the entry node; under IPVS as
// it was, the reply leaves from the pod's own address and the client discards it.

const run = (extra: Partial<Scenario>, variant: 'default' | 'pod-a-gone' = 'default'): Trace => {
  const r = trace({
    topology: talkCluster(variant),
    service: SERVICE_A,
    mode: '2',
    policy: 'Cluster',
    entryNode: 'node1',
    pod: 'pod-c',
    ...extra,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('direct server return: Node2 answers the client for Node1', () => {
  const dsr = run({ dataplane: 'dsr' });
  const out = dsr.back[1]!;

  it('says Node2 writes the address the client dialed as the source, not that it undoes its own NAT', () => {
    expect(describeHop(dsr, out, 'talk')).toBe(
      'Node2 answers for Node1: it writes the Service’s address the client dialed as the source (direct server return) and sends the reply straight to the client: Src node1:node-port, Dst client. The client sees a reply from node1:node-port, the address it sent to.',
    );
    expect(describeHop(dsr, out, 'ip')).toBe(
      'Node2 answers for Node1: it writes the Service’s address the client dialed as the source (direct server return) and sends the reply straight to the client: Src 10.240.0.1:30093, Dst 1.2.3.4:51234. The client sees a reply from 10.240.0.1:30093, the address it sent to.',
    );
    expect(answersFor(dsr, out)).toBe('Node1');
    expect(answersFor(dsr, dsr.back[0]!)).toBeNull();
  });

  it('past a passthrough VIP (3a), the reply skips the load balancer too', () => {
    const vip = run({ dataplane: 'dsr', mode: '3a' });
    expect(describeHop(vip, vip.back.at(-1)!, 'talk')).toBe(
      'Node2 answers for Node1: it writes the Service’s address the client dialed as the source (direct server return) and sends the reply straight to the client, not through the load balancer: Src VIP:service-port, Dst client. The client sees a reply from VIP:service-port, the address it sent to.',
    );
  });

  it('the badge at Node2 says it answers as the Service, in the view’s words', () => {
    expect(rewriteBadge(out, { trace: dsr, view: 'talk' })).toBe('DSR: Src = node1:node-port');
    expect(rewriteBadge(out, { trace: dsr, view: 'ip' })).toBe('DSR: Src = 10.240.0.1:30093');
    // Without the trace (or under kube-proxy, where Node1 undoes its own NAT) it is as before.
    expect(rewriteBadge(out)).toBe('undo NAT');
    const kube = run({});
    const kubeOut = kube.back.at(-1)!;
    expect(rewriteBadge(kubeOut, { trace: kube })).toBe('undo NAT');
    expect(answersFor(kube, kubeOut)).toBeNull();
    expect(describeHop(kube, kubeOut, 'talk')).toBe(
      'Node1 undoes its NAT and sends the reply to the client: Src node1:node-port, Dst client. The client sees a reply from node1:node-port, the address it sent to.',
    );
  });

  it('a local pod’s reply leaves the entry node itself, which undoes its own NAT', () => {
    const local = run({ dataplane: 'dsr', pod: 'pod-a' });
    const last = local.back.at(-1)!;
    expect(answersFor(local, last)).toBeNull();
    expect(rewriteBadge(last, { trace: local })).toBe('undo NAT');
  });
});

describe('IPVS as it was: the reply from the pod’s own address is discarded by the client', () => {
  const ipvs = run({ dataplane: 'ipvs-2020', policy: 'Local', pod: undefined }, 'pod-a-gone');
  const lost = ipvs.back[0]!;

  it('the hop is the reply leaving Node2, not a packet stuck on its way in', () => {
    expect([lost.direction, lost.kind, lost.from, lost.to]).toEqual([
      'return',
      'drop',
      'pod:pod-c',
      'client',
    ]);
    expect(describeHop(ipvs, lost, 'talk')).toBe(
      'Pod-c answers the client from its own address: the reply leaves Node2 with Src = Pod-c’s address (Src pod:pod-port, Dst client), and the client, which sent to node1:node-port, discards it: a black hole, and the client times out.',
    );
    expect(describeHop(ipvs, lost, 'ip')).toBe(
      'Pod-c answers the client from its own address: the reply leaves Node2 with Src = Pod-c’s address (Src 10.0.2.1:8080, Dst 1.2.3.4:51234), and the client, which sent to 10.240.0.1:30093, discards it: a black hole, and the client times out.',
    );
  });

  it('the note beside the card says why the client discards it, in both views', () => {
    expect(dropNote(ipvs, lost, 'talk')).toBe(
      'The reply leaves with Src = Pod-c’s address, pod:pod-port; the client sent to node1:node-port, so it discards the reply.',
    );
    expect(dropNote(ipvs, lost, 'ip')).toBe(
      'The reply leaves with Src = Pod-c’s address, 10.0.2.1:8080; the client sent to 10.240.0.1:30093, so it discards the reply.',
    );
    expect(rewriteBadge(lost, { trace: ipvs })).toBeNull();
  });
});
