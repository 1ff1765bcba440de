import { describe, it, expect } from 'vitest';
import { parseCidr } from './address';
import type { Cidr, ClusterIp, ExternalIp, NodeIp, NodePort, PodIp } from './address';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import type { TalkVariant } from './talk';
import type { ClusterNode, Pod, Service, Topology } from './topology';
import { validate } from './validate';
import type { ProblemCode, ProblemRef } from './validate';

const cidr = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

// One change at a time to the talk's cluster.
const withPod = (t: Topology, id: string, change: Partial<Pod>): Topology => ({
  ...t,
  pods: t.pods.map((p) => (p.id === id ? { ...p, ...change } : p)),
});
const withNode = (t: Topology, id: string, change: Partial<ClusterNode>): Topology => ({
  ...t,
  nodes: t.nodes.map((n) => (n.id === id ? { ...n, ...change } : n)),
});
const withService = (t: Topology, id: string, change: Partial<Service>): Topology => ({
  ...t,
  services: t.services.map((s) => (s.id === id ? { ...s, ...change } : s)),
});

const codes = (t: Topology): ProblemCode[] => validate(t).map((p) => p.code);

describe('validate: the talk cluster', () => {
  it.each<TalkVariant>([
    'default',
    'pod-a-gone',
    'imbalance',
    'shared-ingress',
    'dedicated-ingress',
    'in-cluster',
    'in-cluster-pod-a-gone',
    'zones',
    'pod-a-terminating',
    'gateway',
  ])('variant %s has no problems at all', (variant) => {
    expect(validate(talkCluster(variant))).toEqual([]);
  });

  it('variant imbalance has only Service A and its Ingress, as slide 39 draws', () => {
    const t = talkCluster('imbalance');
    expect(t.services.map((s) => s.id)).toEqual([SERVICE_A]);
    expect(t.ingresses.map((i) => i.backend)).toEqual([SERVICE_A]);
    expect(t.pods.every((p) => p.labels.app === 'a')).toBe(true);
  });
});

describe('validate: one thing broken at a time', () => {
  const talk = talkCluster();

  it.each<[string, Topology, ProblemCode, string, RegExp]>([
    [
      'a pod IP outside its node range',
      withPod(talk, 'pod-c', { ip: '10.0.1.9' as PodIp }),
      'pod-ip-outside-range',
      'Pod-c',
      /Pod-c's IP 10\.0\.1\.9 is outside Node2's pod range 10\.0\.2\.0\/24/,
    ],
    [
      'a pod on the network address of its range',
      withPod(talk, 'pod-c', { ip: '10.0.2.0' as PodIp }),
      'pod-ip-reserved',
      'Pod-c',
      /Pod-c's IP 10\.0\.2\.0 is the network address of 10\.0\.2\.0\/24/,
    ],
    [
      'a pod on the broadcast address of its range',
      withPod(talk, 'pod-c', { ip: '10.0.2.255' as PodIp }),
      'pod-ip-reserved',
      'Pod-c',
      /broadcast address of 10\.0\.2\.0\/24/,
    ],
    [
      'two pods with one IP',
      withPod(talk, 'pod-b', { ip: '10.0.1.1' as PodIp }),
      'duplicate-ip',
      'Pod-b (pod-b)',
      /Pod-b \(pod-b\) and Pod-a \(pod-a\) both have the address 10\.0\.1\.1/,
    ],
    [
      'a VIP equal to the client address',
      withService(talk, SERVICE_B, { vip: '1.2.3.4' as ExternalIp }),
      'duplicate-ip',
      "Service B's VIP",
      /Service B's VIP and Client both have the address 1\.2\.3\.4/,
    ],
    [
      'a node port out of range',
      withService(talk, SERVICE_A, { nodePort: 29999 as NodePort }),
      'node-port-out-of-range',
      "Service A's nodePort",
      /Service A's nodePort 29999 is outside the NodePort range 30000–32767/,
    ],
    [
      'a health-check node port out of range',
      withService(talk, SERVICE_B, { healthCheckNodePort: 32768 as NodePort }),
      'node-port-out-of-range',
      "Service B's healthCheckNodePort",
      /Service B's healthCheckNodePort 32768 is outside the NodePort range 30000–32767/,
    ],
    [
      'two Services on one node port',
      withService(talk, SERVICE_B, { nodePort: 30093 as NodePort }),
      'node-port-clash',
      "Service B's nodePort",
      /Service A's nodePort and Service B's nodePort are both 30093: a node port belongs to one Service/,
    ],
    [
      'an empty selector',
      withService(talk, SERVICE_B, { selector: {} }),
      'empty-selector',
      'Service B',
      /Service B has an empty selector/,
    ],
    [
      'a pod on an unknown node',
      withPod(talk, 'pod-d', { node: 'node9' }),
      'pod-on-unknown-node',
      'Pod-d',
      /Pod-d is on "node9", which is not a node of this cluster/,
    ],
    [
      'overlapping pod ranges',
      withNode(talk, 'node2', { podCidr: cidr('10.0.0.0/22') }),
      'pod-ranges-overlap',
      'Node2',
      /Node2's pod range 10\.0\.0\.0\/22 overlaps Node1's 10\.0\.1\.0\/24/,
    ],
    [
      'a pod range outside the cluster range',
      {
        ...withNode(talk, 'node2', { podCidr: cidr('10.1.2.0/24') }),
        pods: talk.pods.filter((p) => p.node !== 'node2'),
      },
      'pod-range-outside-cluster',
      'Node2',
      /Node2's pod range 10\.1\.2\.0\/24 is not inside the cluster range 10\.0\.0\.0\/16/,
    ],
    [
      'a pod range wider than the cluster range',
      { ...talk, clusterCidr: cidr('10.0.1.0/24') },
      'pod-range-outside-cluster',
      'Node2',
      /Node2's pod range 10\.0\.2\.0\/24 is not inside the cluster range 10\.0\.1\.0\/24/,
    ],
    [
      'a node IP inside the cluster range',
      withNode(talk, 'node1', { ip: '10.0.200.1' as NodeIp }),
      'node-ip-in-cluster',
      'Node1',
      /Node1's IP 10\.0\.200\.1 is inside the pod network 10\.0\.0\.0\/16/,
    ],
    [
      'an Ingress naming an unknown Service',
      { ...talk, ingresses: [{ ...talk.ingresses[0]!, backend: 'svc-zz' }] },
      'unknown-service',
      'Ingress app-a',
      /Ingress app-a names the Service "svc-zz", which does not exist/,
    ],
    [
      'an Ingress naming an unknown proxy Service',
      { ...talk, ingresses: [{ ...talk.ingresses[1]!, proxyService: 'nginx-zz' }] },
      'unknown-service',
      'Ingress app-b',
      /Ingress app-b names the Service "nginx-zz"/,
    ],
    [
      'a LoadBalancer with neither VIP nor proxy',
      withService(talk, SERVICE_A, { vip: undefined, proxyIp: undefined }),
      'lb-without-address',
      'Service A',
      /Service A is type LoadBalancer but has neither a VIP nor a proxy address/,
    ],
    [
      'a client inside the cluster',
      { ...talk, client: { ...talk.client, ip: '10.0.9.9' as ExternalIp } },
      'client-inside-cluster',
      'Client',
      /Client 10\.0\.9\.9 is inside the cluster range 10\.0\.0\.0\/16/,
    ],
    [
      'a cluster IP inside the pod network',
      withService(talk, SERVICE_A, { clusterIp: '10.0.5.10' as ClusterIp }),
      'cluster-ip-in-pod-network',
      'Service A',
      /Service A's cluster IP 10\.0\.5\.10 is inside the pod network 10\.0\.0\.0\/16/,
    ],
    [
      'a cluster IP that is a node’s address',
      withService(talk, SERVICE_B, { clusterIp: '10.240.0.2' as ClusterIp }),
      'duplicate-ip',
      "Service B's cluster IP",
      /Service B's cluster IP and Node2 both have the address 10\.240\.0\.2/,
    ],
    [
      'two Services on one cluster IP',
      withService(
        withService(talk, SERVICE_A, { clusterIp: '10.96.0.10' as ClusterIp }),
        SERVICE_B,
        {
          clusterIp: '10.96.0.10' as ClusterIp,
        },
      ),
      'duplicate-ip',
      "Service B's cluster IP",
      /Service B's cluster IP and Service A's cluster IP both have the address 10\.96\.0\.10/,
    ],
    [
      'a cluster IP that is not an address',
      withService(talk, SERVICE_A, { clusterIp: '10.96.0' as ClusterIp }),
      'bad-address',
      "Service A's cluster IP",
      /Service A's cluster IP: "10\.96\.0" is not an IPv4 address/,
    ],
    [
      'a pod id used twice',
      withPod(talk, 'pod-d', { id: 'pod-c' }),
      'duplicate-id',
      'Pod-d',
      /the id "pod-c" is used twice/,
    ],
  ])('%s', (_name, topology, code, subject, message) => {
    const problems = validate(topology);
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0]).toMatchObject({ code, severity: 'error', subject });
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports a malformed pod address once, naming the pod and the bad octet', () => {
    // Not also "outside Node2's pod range": an address that does not parse is in no range.
    expect(validate(withPod(talk, 'pod-d', { ip: '10.0.2.999' as PodIp }))).toEqual([
      {
        code: 'bad-address',
        severity: 'error',
        subject: 'Pod-d (pod-d)',
        message: 'Pod-d (pod-d): "10.0.2.999" is not an IPv4 address: 999 is over 255',
        ref: { kind: 'pod', id: 'pod-d' },
      },
    ]);
  });

  it.each<[string, Topology, string, string, ProblemRef]>([
    [
      'a pod',
      withPod(talk, 'pod-c', { ip: ' 10.0.2.1' as PodIp }),
      'Pod-c (pod-c)',
      'Pod-c (pod-c): " 10.0.2.1" has spaces around it; write the address as 10.0.2.1',
      { kind: 'pod', id: 'pod-c' },
    ],
    [
      'a node',
      withNode(talk, 'node1', { ip: '10.240.0.1\n' as NodeIp }),
      'Node1',
      'Node1: "10.240.0.1\n" has spaces around it; write the address as 10.240.0.1',
      { kind: 'node', id: 'node1' },
    ],
    [
      'the client',
      { ...talk, client: { ...talk.client, ip: ' 1.2.3.4 ' as ExternalIp } },
      'Client',
      'Client: " 1.2.3.4 " has spaces around it; write the address as 1.2.3.4',
      { kind: 'client', id: '' },
    ],
    [
      'a VIP',
      withService(talk, SERVICE_A, { vip: '203.0.113.10 ' as ExternalIp }),
      "Service A's VIP",
      `Service A's VIP: "203.0.113.10 " has spaces around it; write the address as 203.0.113.10`,
      { kind: 'service', id: SERVICE_A },
    ],
  ])(
    'reports an address of %s with spaces around it as a bad address, next to its owner',
    (_, t, subject, message, ref) => {
      expect(validate(t)).toEqual([
        { code: 'bad-address', severity: 'error', subject, message, ref },
      ]);
    },
  );

  it('clips a long address in its message', () => {
    const ip = `10.0.2.1${' '.repeat(10_000)}` as PodIp;
    const [problem] = validate(withPod(talk, 'pod-c', { ip }));
    expect(problem?.message).toBe(
      `Pod-c (pod-c): "10.0.2.1${' '.repeat(32)}" has spaces around it; write the address as 10.0.2.1`,
    );
  });

  it('keeps ids unique per kind: a pod, a Service and an Ingress may share a node’s id', () => {
    const t: Topology = {
      ...withPod(talk, 'pod-a', { id: 'node1' }),
      services: talk.services.map((s) => (s.id === SERVICE_B ? { ...s, id: 'node2' } : s)),
      ingresses: talk.ingresses.map((i) =>
        i.backend === SERVICE_B ? { ...i, id: SERVICE_A, backend: 'node2' } : i,
      ),
    };
    expect(validate(t)).toEqual([]);
  });

  it.each<[string, Topology, string]>([
    ['two nodes', withNode(talk, 'node2', { id: 'node1' }), 'Node2'],
    ['two Services', withService(talk, SERVICE_B, { id: SERVICE_A }), 'Service B'],
    [
      'two Ingresses',
      { ...talk, ingresses: talk.ingresses.map((i) => ({ ...i, id: 'ing-a' })) },
      'Ingress app-b',
    ],
  ])('still finds one id used twice by %s', (_, t, subject) => {
    expect(validate(t).filter((p) => p.code === 'duplicate-id')).toMatchObject([{ subject }]);
  });

  it('reports a selector that matches nothing as a warning, naming the selector', () => {
    const problems = validate(withService(talk, SERVICE_B, { selector: { app: 'zz' } }));
    expect(problems).toEqual([
      {
        code: 'selector-matches-nothing',
        severity: 'warning',
        subject: 'Service B',
        message: "Service B's selector app=zz matches no pod",
        ref: { kind: 'service', id: SERVICE_B },
      },
    ]);
  });

  it('counts a pod that is not ready as matched (it exists, it just is not an endpoint)', () => {
    expect(validate(withPod(talk, 'pod-b', { ready: false }))).toEqual([]);
  });

  it('warns that ipMode on a Service without a load balancer changes nothing', () => {
    const problems = validate(
      withService(talk, SERVICE_A, { type: 'NodePort', vip: undefined, ipMode: 'Proxy' }),
    );
    expect(problems.filter((p) => p.code === 'ip-mode-without-lb')).toEqual([
      {
        code: 'ip-mode-without-lb',
        severity: 'warning',
        subject: 'Service A',
        message:
          "Service A is type NodePort: ipMode Proxy belongs to a load balancer's address, so it changes nothing",
        ref: { kind: 'service', id: SERVICE_A },
      },
    ]);
  });

  it('does not flag a ClusterIP Service for having no load balancer address', () => {
    const t = withService(talk, SERVICE_A, {
      type: 'ClusterIP',
      nodePort: undefined,
      healthCheckNodePort: undefined,
      vip: undefined,
      proxyIp: undefined,
    });
    expect(validate(t)).toEqual([]);
  });
});

describe('validate: several problems at once', () => {
  it('reports every problem together, errors before warnings', () => {
    let t = talkCluster();
    t = withService(t, SERVICE_B, { selector: { app: 'nobody' } });
    t = withPod(t, 'pod-c', { ip: '10.0.1.200' as PodIp });
    t = withService(t, SERVICE_A, { nodePort: 40000 as NodePort });
    const problems = validate(t);
    expect(problems.map((p) => [p.code, p.subject, p.severity])).toEqual([
      ['pod-ip-outside-range', 'Pod-c', 'error'],
      ['node-port-out-of-range', "Service A's nodePort", 'error'],
      ['selector-matches-nothing', 'Service B', 'warning'],
    ]);
  });

  it('reports both halves of a broken topology: a clash and a client in the cluster', () => {
    let t = talkCluster('shared-ingress');
    t = { ...t, client: { ...t.client, ip: '10.0.3.1' as ExternalIp } };
    t = withService(t, 'ingress-nginx', { healthCheckNodePort: 32093 as NodePort });
    expect(codes(t).sort()).toEqual(['client-inside-cluster', 'node-port-clash']);
  });
});
