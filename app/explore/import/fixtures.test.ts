import { readFileSync } from 'node:fs';
import * as yaml from 'yaml';
import { describe, expect, it } from 'vitest';
import { endpointsOf, type Topology } from '../../model';
import { validate } from '../../model/validate';
import { importText } from './import-text';
import type { ImportResult, ImportSuccess } from './map';
import type { ReportItem } from './report';

const read = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/kubectl/${name}`, import.meta.url), 'utf8');

const load = (...names: string[]): ImportResult =>
  importText(
    names.map((name) => ({ name, text: read(name) })),
    { yaml },
  );

function ok(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const item = (r: ImportSuccess, kind: string, id: string): ReportItem => {
  const found = r.report.items.find((i) => i.kind === kind && i.id === id);
  if (!found) throw new Error(`no report line for ${kind} ${id}`);
  return found;
};
const pod = (t: Topology, id: string) => t.pods.find((p) => p.id === id);
const svc = (t: Topology, id: string) => t.services.find((s) => s.id === id);
const errorsOf = (t: Topology) => validate(t).filter((p) => p.severity === 'error');

describe('kind, 3 nodes (JSON List)', () => {
  const r = ok(load('kind-3node.json'));
  const t = r.topology;

  it('takes every node with its InternalIP and pod range, and covers them with the cluster range', () => {
    expect(t.nodes.map((n) => [n.id, n.name, n.ip, n.podCidr.text])).toEqual([
      ['kind-control-plane', 'kind-control-plane', '172.18.0.3', '10.244.0.0/24'],
      ['kind-worker', 'kind-worker', '172.18.0.2', '10.244.1.0/24'],
      ['kind-worker2', 'kind-worker2', '172.18.0.4', '10.244.2.0/24'],
    ]);
    expect(t.clusterCidr.text).toBe('10.244.0.0/22');
    expect(t.client).toEqual({ name: 'Client', ip: '1.2.3.4', port: 51234 });
    expect(t.ingresses).toEqual([]);
    expect(errorsOf(t)).toEqual([]);
  });

  it('takes the pods with their own address, namespaced ids and a namespace label', () => {
    expect(t.pods.map((p) => [p.id, p.ip, p.node, p.ready])).toEqual([
      ['kube-system/coredns-668d6bf9bc-4x7nq', '10.244.0.3', 'kind-control-plane', true],
      ['kube-system/coredns-668d6bf9bc-qz9wd', '10.244.0.2', 'kind-control-plane', true],
      [
        'local-path-storage/local-path-provisioner-7dc846544d-rtqk5',
        '10.244.0.4',
        'kind-control-plane',
        true,
      ],
      ['default/web-7c5ddbdf54-8hx2k', '10.244.1.2', 'kind-worker', true],
      ['demo/web-5f7b9c8d6-h2v9c', '10.244.1.3', 'kind-worker', true],
      ['default/web-7c5ddbdf54-kq4pl', '10.244.2.2', 'kind-worker2', true],
      ['default/web-7c5ddbdf54-zt9mv', '10.244.2.3', 'kind-worker2', false],
    ]);
    expect(pod(t, 'default/web-7c5ddbdf54-8hx2k')?.name).toBe('web-7c5ddbdf54-8hx2k');
    expect(pod(t, 'default/web-7c5ddbdf54-8hx2k')?.labels).toEqual({
      app: 'web',
      'pod-template-hash': '7c5ddbdf54',
      'io.kubernetes.pod.namespace': 'default',
    });
  });

  it('skips the ten host-network pods, each with the reason', () => {
    const hostNetwork = r.report.items.filter((i) => i.kind === 'Pod' && i.outcome === 'skipped');
    expect(hostNetwork.map((i) => i.id)).toEqual([
      'kube-system/etcd-kind-control-plane',
      'kube-system/kindnet-7bq2t',
      'kube-system/kindnet-mx5rd',
      'kube-system/kindnet-z8wfh',
      'kube-system/kube-apiserver-kind-control-plane',
      'kube-system/kube-controller-manager-kind-control-plane',
      'kube-system/kube-proxy-5kx8c',
      'kube-system/kube-proxy-gq4hn',
      'kube-system/kube-proxy-w2v7l',
      'kube-system/kube-scheduler-kind-control-plane',
    ]);
    expect(item(r, 'Pod', 'kube-system/kindnet-mx5rd').notes).toEqual([
      "It uses the host network (hostNetwork: true), so its address is its node's (172.18.0.2): Inbound draws pods with an address of their own",
    ]);
  });

  it('reads the LoadBalancer behind a proxy (ipMode Proxy) with its named targetPort resolved', () => {
    expect(svc(t, 'default/web')).toEqual({
      id: 'default/web',
      name: 'default/web', // "web" is also demo/web: both are named by id
      type: 'LoadBalancer',
      selector: { app: 'web', 'io.kubernetes.pod.namespace': 'default' },
      port: 80,
      targetPort: 8080,
      nodePort: 31380,
      externalTrafficPolicy: 'Cluster',
      proxyIp: '172.18.0.5',
      // Since 2020: spec.clusterIP, and the ipMode the load balancer's ingress states.
      clusterIp: '10.96.112.40',
      ipMode: 'Proxy',
    });
    expect(item(r, 'Service', 'default/web').notes).toContain(
      'Service default/web\'s targetPort "http" is containerPort 8080 in its pods',
    );
  });

  it('scopes selectors to a namespace: two Services named web select only their own pods', () => {
    const web = svc(t, 'default/web');
    const demo = svc(t, 'demo/web');
    expect(demo).toMatchObject({
      type: 'NodePort',
      port: 443,
      targetPort: 8443,
      nodePort: 30443,
      externalTrafficPolicy: 'Local',
    });
    expect(demo?.healthCheckNodePort).toBeUndefined();
    expect(endpointsOf(t, web!).map((p) => p.id)).toEqual([
      'default/web-7c5ddbdf54-8hx2k',
      'default/web-7c5ddbdf54-kq4pl',
    ]);
    expect(endpointsOf(t, demo!).map((p) => p.id)).toEqual(['demo/web-5f7b9c8d6-h2v9c']);
  });

  it('follows the first TCP port of a Service with three, and says so', () => {
    expect(svc(t, 'kube-system/kube-dns')).toMatchObject({
      name: 'kube-dns',
      type: 'ClusterIP',
      port: 53,
      targetPort: 53,
    });
    expect(svc(t, 'kube-system/kube-dns')?.nodePort).toBeUndefined();
    expect(item(r, 'Service', 'kube-system/kube-dns')).toMatchObject({
      outcome: 'changed',
      notes: [
        'Service kube-system/kube-dns has 3 ports; Inbound follows the first TCP one, dns-tcp 53→53',
      ],
    });
  });

  it('skips the selectorless kubernetes Service and its hand-made EndpointSlice', () => {
    expect(item(r, 'Service', 'default/kubernetes')).toMatchObject({
      outcome: 'skipped',
      notes: [
        'It has no selector: its EndpointSlices are managed by hand, so no pods of the dump are known to serve it',
      ],
    });
    expect(item(r, 'EndpointSlice', 'default/kubernetes')).toMatchObject({
      outcome: 'skipped',
      notes: ['Its Service default/kubernetes was left out'],
    });
  });

  it('counts, and offers each Service with its modes; the LoadBalancer with ready pods comes first', () => {
    expect(r.report.counts).toEqual({ taken: 16, changed: 1, skipped: 12 });
    expect(r.services.map((s) => [s.id, s.type, s.offered.join(' '), s.readyEndpoints])).toEqual([
      ['default/web', 'LoadBalancer', '1 2 3c 3d 4a 4b', 2],
      ['demo/web', 'NodePort', '1 2', 1],
      ['kube-system/kube-dns', 'ClusterIP', '1', 2],
    ]);
    expect(r.defaultService).toBe('default/web');
    expect(r.problems).toEqual([]);
  });

  it('reads the same cluster from four files of one kind each (JSON and YAML)', () => {
    const split = ok(
      load(
        'split-nodes.json',
        'split-pods.json',
        'split-services.yaml',
        'split-endpointslices.yaml',
      ),
    );
    expect(split.topology).toEqual(t);
    expect(split.report.counts).toEqual(r.report.counts);
    expect(item(split, 'Node', 'kind-worker').source).toBe('split-nodes.json, item 2');
  });
});

describe('cloud LoadBalancer, externalTrafficPolicy Local (YAML)', () => {
  const r = ok(load('cloud-lb-local.yaml'));
  const t = r.topology;

  it('takes the nodes by InternalIP (not ExternalIP)', () => {
    expect(t.nodes.map((n) => [n.ip, n.podCidr.text])).toEqual([
      ['10.132.0.12', '10.52.0.0/24'],
      ['10.132.0.13', '10.52.1.0/24'],
      ['10.132.0.14', '10.52.2.0/24'],
    ]);
    expect(t.clusterCidr.text).toBe('10.52.0.0/22');
    expect(errorsOf(t)).toEqual([]);
  });

  it('reads each node’s zone from topology.kubernetes.io/zone', () => {
    expect(t.nodes.map((n) => n.zone)).toEqual([
      'europe-west1-b',
      'europe-west1-c',
      'europe-west1-d',
    ]);
  });

  it('keeps Local, the healthCheckNodePort and the VIP of ipMode VIP', () => {
    expect(svc(t, 'shop/storefront')).toEqual({
      id: 'shop/storefront',
      name: 'storefront',
      type: 'LoadBalancer',
      selector: { app: 'storefront', 'io.kubernetes.pod.namespace': 'shop' },
      port: 80,
      targetPort: 8080,
      nodePort: 30412,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31867,
      vip: '34.76.12.201',
      // Since 2020: spec.clusterIP (internalTrafficPolicy Cluster is what no field means) and ipMode VIP.
      clusterIp: '34.118.231.20',
      ipMode: 'VIP',
    });
    // Both storefront pods on the first node: Local leaves the other two without one.
    expect(endpointsOf(t, svc(t, 'shop/storefront')!).map((p) => p.node)).toEqual([
      'gke-shop-prod-default-pool-3f6a1c2e-7k2m',
      'gke-shop-prod-default-pool-3f6a1c2e-7k2m',
    ]);
  });

  it('takes ipMode Proxy as a proxy address', () => {
    const checkout = svc(t, 'shop/checkout');
    expect(checkout).toMatchObject({
      proxyIp: '35.205.88.14',
      externalTrafficPolicy: 'Cluster',
      ipMode: 'Proxy',
      clusterIp: '34.118.228.51',
    });
    expect(checkout?.internalTrafficPolicy).toBeUndefined();
    expect(checkout?.vip).toBeUndefined();
    expect(checkout?.healthCheckNodePort).toBeUndefined();
  });

  it('gives a hostname-only and a pending load balancer documentation addresses, and says so', () => {
    expect(svc(t, 'shop/legacy-api')).toMatchObject({ vip: '203.0.113.1', targetPort: 3000 });
    expect(svc(t, 'shop/reports')).toMatchObject({
      vip: '203.0.113.2',
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32145,
    });
    expect(item(r, 'Service', 'shop/legacy-api').notes).toContain(
      'Service shop/legacy-api: its load balancer has only a hostname (a3f1c9e2d4b54c6a8e7f-1893452107.eu-west-1.elb.amazonaws.com); Inbound gives it the documentation address 203.0.113.1 as a VIP',
    );
    expect(item(r, 'Service', 'shop/reports').notes).toEqual([
      'Service shop/reports: its load balancer has no address yet (pending); Inbound gives it the documentation address 203.0.113.2 as a VIP',
    ]);
  });

  it('reads a slice printed with endpoints: null, and warns of a selector with no pods', () => {
    expect(item(r, 'EndpointSlice', 'shop/reports-zr6pm').outcome).toBe('taken');
    expect(r.problems.map((p) => p.code)).toEqual(['selector-matches-nothing']);
    expect(r.services.find((s) => s.id === 'shop/reports')?.readyEndpoints).toBe(0);
    expect(r.defaultService).toBe('shop/storefront');
    expect(r.services.find((s) => s.id === 'shop/storefront')?.offered).toEqual([
      '1',
      '2',
      '3a',
      '3b',
    ]);
  });
});

describe('dual-stack', () => {
  const r = ok(load('dual-stack.json'));
  const t = r.topology;

  it('takes IPv4 of every node and pod and reports IPv6 left out', () => {
    expect(t.nodes.map((n) => [n.ip, n.podCidr.text])).toEqual([
      ['172.18.0.2', '10.244.0.0/24'],
      ['172.18.0.3', '10.244.1.0/24'],
    ]);
    expect(item(r, 'Node', 'dual-worker')).toMatchObject({
      outcome: 'changed',
      notes: [
        'IPv6 address fc00:f853:ccd:e793::3 left out: Inbound draws IPv4',
        'IPv6 pod range fd00:10:244:1::/64 left out: Inbound draws IPv4',
      ],
    });
    expect(pod(t, 'default/web-66b8f5c7d9-b5nqk')?.ip).toBe('10.244.1.4');
    expect(item(r, 'Pod', 'default/web-66b8f5c7d9-b5nqk').notes).toEqual([
      'IPv6 address fd00:10:244:1::4 left out: Inbound draws IPv4',
    ]);
  });

  it('skips IPv6-only pods, Services and slices', () => {
    expect(item(r, 'Pod', 'default/probe-v6-7c9d5').notes).toEqual([
      'It is IPv6 only (fd00:10:244:1::9): Inbound draws IPv4',
    ]);
    expect(item(r, 'Service', 'default/web-v6')).toMatchObject({
      outcome: 'skipped',
      notes: ['It is IPv6 only (ipFamilies IPv6): Inbound draws IPv4'],
    });
    expect(item(r, 'EndpointSlice', 'default/web-9cxlm').notes).toEqual([
      'It holds IPv6 addresses (addressType IPv6): Inbound draws IPv4',
    ]);
  });

  it("takes the dual-stack Service's IPv4 load balancer address", () => {
    expect(svc(t, 'default/web')).toMatchObject({ vip: '172.18.255.200', nodePort: 30080 });
    expect(item(r, 'Service', 'default/web').notes).toEqual([
      'Service default/web is dual-stack (IPv4, IPv6): Inbound follows IPv4 and leaves IPv6 out',
      'Service default/web has 2 load balancer addresses; Inbound follows the first IPv4 one, 172.18.255.200',
    ]);
    expect(errorsOf(t)).toEqual([]);
  });
});

describe('a messy dump', () => {
  const r = ok(load('messy.json'));
  const t = r.topology;
  const skip = (kind: string, id: string) => {
    const line = item(r, kind, id);
    expect(line.outcome).toBe('skipped');
    return line.notes[0];
  };

  it('never hands over a topology with errors', () => {
    expect(errorsOf(t)).toEqual([]);
    expect(t.clusterCidr.text).toBe('10.200.0.0/21');
  });

  it('derives a pod range for a node without podCIDR from its pods', () => {
    expect(t.nodes.map((n) => [n.id, n.podCidr.text])).toEqual([
      ['ip-10-10-0-11', '10.200.0.0/24'],
      ['ip-10-10-0-12', '10.200.7.0/28'],
      ['ip-10-10-0-15', '10.200.2.0/24'],
    ]);
    expect(item(r, 'Node', 'ip-10-10-0-12').notes).toEqual([
      'Node ip-10-10-0-12 has no spec.podCIDR; Inbound uses 10.200.7.0/28, the smallest range covering its 2 pods',
    ]);
  });

  it('says why each node was left out', () => {
    expect(skip('Node', 'ip-10-10-0-13')).toBe('Its InternalIP is redacted ("REDACTED")');
    expect(skip('Node', 'ip-v6-only')).toBe(
      'It is IPv6 only (InternalIP 2001:db8:10::e): Inbound draws IPv4 clusters',
    );
    expect(item(r, 'Node', 'ip-10-10-0-15').notes).toEqual([
      'It had no kind; Inbound read it as a Node from apiVersion v1, spec.podCIDR or status.nodeInfo',
    ]);
  });

  it('says why each pod was left out', () => {
    expect(skip('Pod', 'app/api-6b7d9f8c5-hx9qd')).toBe(
      'It is not scheduled to a node (phase Pending, no spec.nodeName)',
    );
    expect(skip('Pod', 'app/api-6b7d9f8c5-c2vbn')).toBe('It has no IP yet (phase Pending)');
    expect(skip('Pod', 'app/nightly-report-29411820-x8v2k')).toBe(
      'It has finished (phase Succeeded): it serves nothing',
    );
    expect(skip('Pod', 'app/worker-5c8d7b9f6-q7r4m')).toBe(
      'It was evicted (phase Failed, reason Evicted): it serves nothing',
    );
    expect(skip('Pod', 'monitoring/node-exporter-8dk2p')).toMatch(/^It uses the host network/);
    expect(skip('Pod', 'app/audit-7d9c4b8f5-q2k4w')).toBe('Its IP is redacted ("<redacted>")');
    expect(skip('Pod', 'app/ipv6-probe-xk2c9')).toBe(
      'It is IPv6 only (2001:db8:200::7): Inbound draws IPv4',
    );
    expect(skip('Pod', 'app/cache-0')).toBe('It runs on node ip-10-10-0-13, which was left out');
    expect(skip('Pod', 'app/ghost-6f5d4c3b2-n8m7l')).toBe(
      'It runs on node ip-10-10-0-99, which is not in the dump',
    );
    expect(skip('Pod', 'app/REDACTED')).toBe('Its name is redacted ("app/REDACTED")');
  });

  it('lets EndpointSlice conditions decide readiness, over the Ready condition', () => {
    expect(pod(t, 'app/api-6b7d9f8c5-2kq8x')).toMatchObject({ ready: true });
    // Ready True, but its slice says not ready.
    expect(pod(t, 'app/api-6b7d9f8c5-7wlzn')).toMatchObject({ ready: false });
    // Ready False, but its slice says ready.
    expect(pod(t, 'app/api-6b7d9f8c5-m4xtc')).toMatchObject({ ready: true });
    // Being deleted, terminating in its slice (still serving): not ready, terminating.
    expect(pod(t, 'app/api-6b7d9f8c5-tz5rb')).toMatchObject({
      ready: false,
      terminating: true,
      serving: true,
    });
    expect(item(r, 'Pod', 'app/api-6b7d9f8c5-tz5rb').notes).toContain(
      'It is terminating but still serving: only where no ready endpoint is left does kube-proxy send it new connections',
    );
    expect(item(r, 'Pod', 'app/api-6b7d9f8c5-m4xtc').notes).toEqual([
      'Its EndpointSlice says ready and its Ready condition False: the EndpointSlice decides',
    ]);
    // No slice names it: its Ready condition.
    expect(pod(t, 'app/batch-runner-k8d2f')).toMatchObject({ ready: true });
    expect(item(r, 'EndpointSlice', 'app/api-7pxk2').notes).toEqual([
      '1 endpoint is not a pod Inbound drew (left out)',
    ]);
  });

  it('says why each Service was left out or changed', () => {
    expect(skip('Service', 'app/manual')).toMatch(/^It has no selector/);
    expect(skip('Service', 'app/docs')).toBe(
      'It is type ExternalName, a DNS alias for docs.acme.example with no pods behind it',
    );
    expect(skip('Service', 'app/syslog')).toBe('It has only UDP ports: Inbound follows TCP');
    expect(skip('Service', 'app/mystery')).toBe(
      'Its targetPort "web" names a port that none of its pods declares and its EndpointSlices do not give: Inbound cannot tell which port the pods listen on',
    );
    expect(svc(t, 'app/api')).toMatchObject({
      port: 80,
      targetPort: 8080,
      nodePort: 30544,
      healthCheckNodePort: 31544,
      externalTrafficPolicy: 'Local',
      vip: '203.0.113.1',
    });
    expect(item(r, 'Service', 'app/api').notes).toContain(
      'Service app/api has 2 ports; Inbound follows the first, http 80→8080',
    );
    expect(svc(t, 'app/admin')?.nodePort).toBeUndefined();
    expect(item(r, 'Service', 'app/admin').notes).toEqual([
      "Service app/admin's nodePort left out: node port 8443 is outside the NodePort range 30000–32767",
    ]);
    expect(svc(t, 'app/billing')?.vip).toBe('203.0.113.2');
    expect(item(r, 'Service', 'app/billing').notes).toEqual([
      "Service app/billing: its load balancer's address is redacted; Inbound gives it the documentation address 203.0.113.2 as a VIP",
    ]);
    // A load balancer that answers on a node's own address (k3s ServiceLB style).
    expect(svc(t, 'app/edge')?.vip).toBe('203.0.113.3');
    expect(svc(t, 'app/batch')).toMatchObject({ type: 'ClusterIP', targetPort: 7070 });
  });

  it('skips slices of Services left out or missing, other kinds counted, and what is no object', () => {
    expect(skip('EndpointSlice', 'app/manual-1')).toBe('Its Service app/manual was left out');
    expect(skip('EndpointSlice', 'app/deleted-svc-h5k2w')).toBe(
      'Its Service app/deleted-svc is not in the dump',
    );
    expect(r.report.otherKinds).toEqual({ ConfigMap: 2, Deployment: 1, Endpoints: 1 });
    expect(skip('Endpoints', '1 Endpoints')).toBe(
      'The older Endpoints API: Inbound reads EndpointSlices',
    );
    expect(skip('(no kind)', 'mystery-object')).toBe(
      'it has no kind, and its fields do not say which it is',
    );
    expect(skip('(not an object)', 'messy.json, item 38')).toMatch(
      /^it is the text "--- 3 objects/,
    );
    expect(r.report.counts).toEqual({ taken: 14, changed: 5, skipped: 24 });
  });
});

describe('multi-document YAML (k3s, ServiceLB)', () => {
  const r = ok(load('multi-doc.yaml'));
  const t = r.topology;

  it('reads one object per document, with where each came from', () => {
    expect(t.nodes.map((n) => n.id)).toEqual(['k3s-server', 'k3s-agent-1']);
    expect(t.pods).toHaveLength(5);
    expect(item(r, 'Service', 'default/whoami').source).toBe('multi-doc.yaml, document 9');
    expect(r.report.counts).toEqual({ taken: 11, changed: 1, skipped: 0 });
  });

  it("moves a load balancer off its node's own address", () => {
    expect(svc(t, 'kube-system/traefik')).toMatchObject({
      vip: '203.0.113.1',
      port: 80,
      targetPort: 8000,
      nodePort: 31645,
    });
    expect(item(r, 'Service', 'kube-system/traefik').notes).toContain(
      "Service kube-system/traefik's load balancer address 192.168.56.10 is also node k3s-server's; Inbound gives it the documentation address 203.0.113.1 so each address is one thing's",
    );
    expect(errorsOf(t)).toEqual([]);
  });
});

describe('since-2020 fields of a Service (kind, 3 nodes, edited)', () => {
  /** kind-3node.json with default/web's spec changed. */
  const edited = (spec: Record<string, unknown>) => {
    const list = JSON.parse(read('kind-3node.json')) as { items: Record<string, unknown>[] };
    for (const o of list.items) {
      const meta = o.metadata as { name?: string; namespace?: string };
      if (o.kind === 'Service' && meta.name === 'web' && meta.namespace === 'default')
        o.spec = { ...(o.spec as object), ...spec };
    }
    return ok(importText([{ name: 'kind-edited.json', text: JSON.stringify(list) }], { yaml }));
  };

  it('keeps internalTrafficPolicy Local and a trafficDistribution Inbound knows', () => {
    const r = edited({ internalTrafficPolicy: 'Local', trafficDistribution: 'PreferSameZone' });
    expect(svc(r.topology, 'default/web')).toMatchObject({
      internalTrafficPolicy: 'Local',
      trafficDistribution: 'PreferSameZone',
      clusterIp: '10.96.112.40',
    });
  });

  it('says what it does with values it does not know, and a cluster IP in the pod range', () => {
    const r = edited({
      internalTrafficPolicy: 'Topology',
      trafficDistribution: 'PreferRegion',
      clusterIP: '10.244.0.99',
      clusterIPs: ['10.244.0.99'],
    });
    const web = svc(r.topology, 'default/web');
    expect(web?.internalTrafficPolicy).toBeUndefined();
    expect(web?.trafficDistribution).toBeUndefined();
    expect(web?.clusterIp).toBeUndefined();
    expect(item(r, 'Service', 'default/web').notes).toEqual(
      expect.arrayContaining([
        'Its internalTrafficPolicy "Topology" is read as Cluster',
        'Its trafficDistribution "PreferRegion" is not one Inbound knows (PreferClose, PreferSameZone, PreferSameNode): left out',
        "Service default/web's cluster IP 10.244.0.99 is inside the cluster's pod range 10.244.0.0/22: left out",
      ]),
    );
  });
});
