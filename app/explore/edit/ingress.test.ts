import { describe, expect, it } from 'vitest';
import { INGRESS_SERVICE, offeredModes, SERVICE_A, SERVICE_B, talkCluster } from '../../model';
import { addNode } from './nodes';
import { addIngress, removeIngress, removeIngressLabel, tryAddIngress } from './ingress';
import { addService } from './services';
import { docOf, errorsOf } from './test-doc';

/** The talk's cluster without its (proxy-less) Ingresses. */
const bare = () => {
  const t = talkCluster('default');
  return docOf({ ...t, ingresses: [] });
};

describe('a shared in-cluster ingress', () => {
  it('adds ingress-nginx, a proxy pod on each node and the Ingress', () => {
    const doc = addIngress(bare(), SERVICE_A, 'shared');
    const proxy = doc.topology.services.find((s) => s.id === INGRESS_SERVICE);
    expect(proxy).toMatchObject({
      type: 'LoadBalancer',
      selector: { app: 'ingress-nginx' },
      port: 80,
      targetPort: 80,
      nodePort: 30000,
      vip: '203.0.113.12',
      proxyIp: '198.51.100.10',
    });
    expect(doc.topology.pods.slice(4).map((p) => [p.name, p.node, p.ip])).toEqual([
      ['ingress-nginx-1', 'node1', '10.0.1.3'],
      ['ingress-nginx-2', 'node2', '10.0.2.3'],
    ]);
    expect(doc.topology.ingresses).toEqual([
      {
        id: 'ing-a',
        name: 'app-a',
        host: 'a.example.com',
        backend: SERVICE_A,
        proxyService: INGRESS_SERVICE,
      },
    ]);
    expect(errorsOf(doc.topology)).toEqual([]);
    expect(offeredModes(doc.topology, SERVICE_A)).toEqual(
      expect.arrayContaining(['4c.1', '4c.2', '4c.3']),
    );
  });

  it('is reused by a second Ingress, which adds proxies only on nodes without one', () => {
    let doc = addIngress(bare(), SERVICE_A, 'shared');
    doc = addNode(doc);
    doc = addIngress(doc, SERVICE_B, 'shared');
    expect(doc.topology.services.filter((s) => s.id === INGRESS_SERVICE)).toHaveLength(1);
    expect(
      doc.topology.pods.filter((p) => p.labels.app === 'ingress-nginx').map((p) => p.node),
    ).toEqual(['node1', 'node2', 'node3']);
    expect(doc.topology.ingresses.map((i) => i.proxyService)).toEqual([
      INGRESS_SERVICE,
      INGRESS_SERVICE,
    ]);
  });

  it('keeps the shared proxies while another Ingress uses them', () => {
    let doc = addIngress(addIngress(bare(), SERVICE_A, 'shared'), SERVICE_B, 'shared');
    expect(removeIngressLabel(doc.topology, 'ing-a')).toBe('Remove Ingress app-a');
    doc = removeIngress(doc, 'ing-a');
    expect(doc.topology.services.some((s) => s.id === INGRESS_SERVICE)).toBe(true);
    expect(removeIngressLabel(doc.topology, 'ing-b')).toBe(
      'Remove Ingress app-b and its proxies (ingress-nginx, 2 pods)',
    );
    doc = removeIngress(doc, 'ing-b');
    expect(doc.topology.services.map((s) => s.id)).toEqual([SERVICE_A, SERVICE_B]);
    expect(doc.topology.pods.map((p) => p.id)).toEqual(['pod-a', 'pod-b', 'pod-c', 'pod-d']);
  });
});

describe('a dedicated in-cluster ingress', () => {
  it('gets its own proxy Service and pods', () => {
    const doc = addIngress(addIngress(bare(), SERVICE_A, 'dedicated'), SERVICE_B, 'dedicated');
    expect(doc.topology.ingresses.map((i) => i.proxyService)).toEqual(['ingress-a', 'ingress-b']);
    expect(doc.topology.services.find((s) => s.id === 'ingress-b')).toMatchObject({
      selector: { app: 'ingress-b' },
      nodePort: 30001,
      vip: '203.0.113.13',
      proxyIp: '198.51.100.11',
    });
    expect(doc.topology.pods.slice(4).map((p) => [p.name, p.ip])).toEqual([
      ['ingress-a-1', '10.0.1.3'],
      ['ingress-a-2', '10.0.2.3'],
      ['ingress-b-1', '10.0.1.4'],
      ['ingress-b-2', '10.0.2.4'],
    ]);
    expect(errorsOf(doc.topology)).toEqual([]);
    const gone = removeIngress(doc, 'ing-a');
    expect(gone.topology.services.map((s) => s.id)).toEqual([SERVICE_A, SERVICE_B, 'ingress-b']);
    expect(gone.topology.pods.some((p) => p.labels.app === 'ingress-a')).toBe(false);
  });
});

describe('what an Ingress cannot be added to', () => {
  it('refuses a second Ingress for a Service, a proxy Service, or no Service', () => {
    const doc = addIngress(bare(), SERVICE_A, 'shared');
    expect(tryAddIngress(doc, SERVICE_A, 'dedicated')).toEqual({
      ok: false,
      error: 'Service A already has an Ingress (app-a)',
    });
    expect(tryAddIngress(doc, INGRESS_SERVICE, 'shared')).toEqual({
      ok: false,
      error: 'ingress-nginx runs ingress proxies; pick the Service the Ingress sends to',
    });
    expect(tryAddIngress(doc, 'svc-x', 'shared')).toEqual({
      ok: false,
      error: 'There is no Service "svc-x"',
    });
    expect(addIngress(doc, SERVICE_A, 'shared')).toBe(doc);
  });

  it('works for a ClusterIP backend, as an Ingress only needs the Service’s pods', () => {
    const doc = addIngress(addService(bare()), 'svc-c', 'dedicated');
    expect(doc.topology.ingresses.at(-1)).toMatchObject({
      backend: 'svc-c',
      proxyService: 'ingress-c',
    });
  });
});
