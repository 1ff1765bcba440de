import { describe, expect, it } from 'vitest';
import {
  clusterPick,
  distributionOf,
  hasAnyEndpoint,
  healthCheck,
  isServing,
  isServingTerminating,
  kubeProxyChoice,
  localPick,
  topologyMode,
} from './endpoint-pick';
import { SERVICE_A, talkCluster } from './talk';
import { endpointsOf } from './topology';
import type { ClusterNode, Pod, Service, Topology, TrafficDistribution } from './topology';

// kube-proxy's endpoint choice, table by table (pkg/proxy/topology.go).

const zones = talkCluster('zones');
const svcOf = (t: Topology): Service => t.services.find((s) => s.id === SERVICE_A) as Service;
const nodeOf = (t: Topology, id: string): ClusterNode => t.nodes.find((n) => n.id === id)!;
const ids = (pods: readonly Pod[]) => pods.map((p) => p.id);
const withPods = (t: Topology, change: (p: Pod) => Pod): Topology => ({
  ...t,
  pods: t.pods.map(change),
});

describe('endpoint conditions', () => {
  it.each<[string, Partial<Pod>, boolean, boolean]>([
    ['ready', { ready: true }, true, false],
    ['not ready', { ready: false }, false, false],
    [
      'terminating as the explorer writes it (no serving)',
      { ready: false, terminating: true },
      false,
      false,
    ],
    ['terminating and serving', { ready: false, terminating: true, serving: true }, true, true],
    [
      'terminating, serving false',
      { ready: false, terminating: true, serving: false },
      false,
      false,
    ],
  ])('%s', (_name, fields, serving, fallback) => {
    const pod = { ...(zones.pods[1] as Pod), ...fields };
    expect([isServing(pod), isServingTerminating(pod)]).toEqual([serving, fallback]);
  });
});

describe('topologyMode (from Node1, zone-a)', () => {
  const ready = endpointsOf(zones, svcOf(zones));
  const node1 = nodeOf(zones, 'node1');

  it.each<[TrafficDistribution | null, string, string | null]>([
    [null, 'node1', null],
    ['PreferClose', 'node1', 'PreferSameZone'],
    ['PreferSameZone', 'node1', 'PreferSameZone'],
    ['PreferSameNode', 'node1', 'PreferSameZone'],
    ['PreferSameNode', 'node3', 'PreferSameNode'],
    ['PreferSameZone', 'node3', 'PreferSameZone'],
  ])('%s from %s: %s', (distribution, node, mode) => {
    expect(topologyMode(zones, ready, nodeOf(zones, node), distribution)).toBe(mode);
  });

  it('an endpoint on a node without a zone has no zone hint, so zone hints are not used at all', () => {
    const t: Topology = {
      ...zones,
      nodes: zones.nodes.map((n) => (n.id === 'node3' ? { ...n, zone: undefined } : n)),
    };
    expect(topologyMode(t, ready, node1, 'PreferSameZone')).toBeNull();
    expect(ids(clusterPick(t, svcOf(t), ready, node1, 'PreferSameZone').pods)).toEqual(ids(ready));
  });

  it('a node without a zone cannot use zone hints', () => {
    const bare = { ...node1, zone: undefined };
    expect(topologyMode(zones, ready, bare, 'PreferSameZone')).toBeNull();
  });

  it('no zone has an endpoint near Node1 once Pod-c is gone: every endpoint', () => {
    const t = withPods(zones, (p) => (p.id === 'pod-c' ? { ...p, ready: false } : p));
    const left = endpointsOf(t, svcOf(t));
    expect(clusterPick(t, svcOf(t), left, node1, 'PreferSameZone')).toEqual({
      pods: left,
      terminating: false,
      topology: null,
    });
  });
});

describe('the Cluster and Local chains', () => {
  const t = talkCluster('pod-a-terminating');
  const svc = svcOf(t);
  const ready = endpointsOf(t, svc);
  const [node1, node2] = [nodeOf(t, 'node1'), nodeOf(t, 'node2')];

  it('Local on Node1: only the terminating Pod-a, flagged', () => {
    expect(localPick(t, svc, ready, node1)).toMatchObject({ terminating: true, topology: null });
    expect(ids(localPick(t, svc, ready, node1).pods)).toEqual(['pod-a']);
    expect(ids(localPick(t, svc, ready, node2).pods)).toEqual(['pod-c']);
  });

  it('Cluster: the ready Pod-c wherever the packet is, while one is ready', () => {
    for (const node of [node1, node2])
      expect(ids(clusterPick(t, svc, ready, node, null).pods)).toEqual(['pod-c']);
  });

  it('no endpoint at all, ready or serving: nothing usable', () => {
    const none = withPods(t, (p) =>
      p.labels.app === 'a' ? { ...p, ready: false, serving: false } : p,
    );
    expect(hasAnyEndpoint(none, svc, [])).toBe(false);
    expect(hasAnyEndpoint(t, svc, [])).toBe(true);
  });

  it.each<
    [
      string,
      'internal' | 'external',
      'pod' | 'host' | 'outside',
      'Cluster' | 'Local',
      'Cluster' | 'Local',
      boolean,
      boolean,
    ]
  >([
    ['cluster IP from a pod', 'internal', 'pod', 'Local', 'Cluster', false, false],
    ['cluster IP from the host', 'internal', 'host', 'Local', 'Cluster', false, true],
    ['cluster IP, internal Local', 'internal', 'pod', 'Cluster', 'Local', true, false],
    ['node port under Cluster, from anywhere', 'external', 'pod', 'Cluster', 'Local', false, true],
    ['node port under Local, from a pod', 'external', 'pod', 'Local', 'Cluster', false, false],
    ['node port under Local, from the host', 'external', 'host', 'Local', 'Cluster', false, true],
    ['node port under Local, from outside', 'external', 'outside', 'Local', 'Cluster', true, false],
  ])('%s', (_name, dest, source, external, internal, local, masq) => {
    const choice = kubeProxyChoice(
      t,
      svc,
      ready,
      node2,
      dest,
      source,
      { external, internal },
      null,
    );
    expect([choice.local, choice.masq]).toEqual([local, masq]);
  });
});

describe('distributionOf', () => {
  const svc = { ...svcOf(zones), trafficDistribution: 'PreferSameNode' as const };
  it('takes the scenario’s override, null to turn it off, else the Service’s', () => {
    expect(distributionOf({}, svc)).toBe('PreferSameNode');
    expect(distributionOf({ trafficDistribution: 'PreferClose' }, svc)).toBe('PreferClose');
    expect(distributionOf({ trafficDistribution: null }, svc)).toBeNull();
    expect(distributionOf({}, svcOf(zones))).toBeNull();
  });
});

describe('healthCheck', () => {
  it('counts ready local endpoints only: 200 with the count, 503 with 0', () => {
    const t = talkCluster('imbalance');
    const svc = svcOf(t);
    expect(healthCheck(t, svc, nodeOf(t, 'node2'))).toMatchObject({
      status: 200,
      localEndpoints: 6,
      headers: { 'X-Load-Balancing-Endpoint-Weight': '6' },
    });
    const gone = withPods(t, (p) => (p.node === 'node1' ? { ...p, ready: false } : p));
    expect(healthCheck(gone, svc, nodeOf(gone, 'node1'))).toMatchObject({
      status: 503,
      localEndpoints: 0,
      headers: { 'X-Load-Balancing-Endpoint-Weight': '0' },
    });
  });
});
