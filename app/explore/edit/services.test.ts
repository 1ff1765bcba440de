import { describe, expect, it } from 'vitest';
import {
  expect as unwrap,
  offeredModes,
  parseNodePort,
  parsePort,
  SERVICE_A,
  SERVICE_B,
  type Service,
} from '../../model';
import { validate } from '../../model/validate';
import { newEmptyCluster } from './cluster';
import { addPod } from './pods';
import {
  addService,
  removeService,
  removeServiceLabel,
  setNodePort,
  setPolicy,
  setPort,
  setProxy,
  setSelector,
  setTargetPort,
  setType,
  tryRenameService,
} from './services';
import { pickPods } from './pick';
import { docOf, errorsOf } from './test-doc';

const svc = (doc: ReturnType<typeof docOf>, id: string) =>
  doc.topology.services.find((s) => s.id === id) as Service;

describe('adding a Service', () => {
  it('is ClusterIP, Service C, port 80 to 8080, selecting app=c', () => {
    const doc = addService(docOf());
    expect(svc(doc, 'svc-c')).toEqual({
      id: 'svc-c',
      name: 'Service C',
      type: 'ClusterIP',
      selector: { app: 'c' },
      port: 80,
      targetPort: 8080,
      externalTrafficPolicy: 'Cluster',
    });
  });

  it('of type LoadBalancer gets a free nodePort and the next free VIP', () => {
    const doc = addService(docOf(), 'LoadBalancer');
    expect(svc(doc, 'svc-c')).toMatchObject({ nodePort: 30000, vip: '203.0.113.12' });
    expect(svc(doc, 'svc-c').proxyIp).toBeUndefined();
    const proxied = addService(docOf(), 'LoadBalancer', true);
    expect(svc(proxied, 'svc-c').proxyIp).toBe('198.51.100.10');
  });

  it('in an empty cluster starts at Service A and becomes the one explored', () => {
    const empty = { ...newEmptyCluster(docOf()), service: 'gone' };
    const doc = addService(empty);
    expect(doc.topology.services.map((s) => s.name)).toEqual(['Service A']);
    expect(doc.service).toBe('svc-a');
    expect(doc.mode).toBe('1');
  });
});

describe('changing the type', () => {
  it('ClusterIP → NodePort allocates a free nodePort in 30000–32767', () => {
    const doc = setType(addService(docOf()), 'svc-c', 'NodePort');
    expect(svc(doc, 'svc-c')).toMatchObject({ type: 'NodePort', nodePort: 30000 });
    expect(svc(doc, 'svc-c').vip).toBeUndefined();
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('skips node ports other Services hold', () => {
    let doc = addService(docOf());
    doc = setNodePort(setType(doc, 'svc-c', 'NodePort'), 'svc-c', unwrap(parseNodePort(30001)));
    doc = setType(addService(doc), 'svc-d', 'NodePort');
    doc = setType(addService(doc), 'svc-e', 'NodePort');
    expect([svc(doc, 'svc-d').nodePort, svc(doc, 'svc-e').nodePort]).toEqual([30000, 30002]);
  });

  it('ClusterIP → LoadBalancer → ClusterIP ends with no nodePort, VIP or health check, and validates clean', () => {
    let doc = setPolicy(addService(docOf(), 'LoadBalancer', true), 'svc-c', 'Local');
    expect(svc(doc, 'svc-c')).toMatchObject({
      nodePort: 30000,
      healthCheckNodePort: 32000,
      vip: '203.0.113.12',
      proxyIp: '198.51.100.10',
    });
    doc = setType(doc, 'svc-c', 'ClusterIP');
    expect(svc(doc, 'svc-c')).toEqual({
      id: 'svc-c',
      name: 'Service C',
      type: 'ClusterIP',
      selector: { app: 'c' },
      port: 80,
      targetPort: 8080,
      externalTrafficPolicy: 'Cluster',
    });
    expect(
      validate(doc.topology).filter((p) => p.ref.id === 'svc-c' && p.severity === 'error'),
    ).toEqual([]);
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('LoadBalancer → NodePort keeps the nodePort and drops the load balancer', () => {
    const doc = setType(setPolicy(docOf(), SERVICE_A, 'Local'), SERVICE_A, 'NodePort');
    expect(svc(doc, SERVICE_A)).toMatchObject({ type: 'NodePort', nodePort: 30093 });
    expect(svc(doc, SERVICE_A).vip).toBeUndefined();
    expect(svc(doc, SERVICE_A).proxyIp).toBeUndefined();
    expect(svc(doc, SERVICE_A).healthCheckNodePort).toBeUndefined();
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('moves the mode to one the new type offers', () => {
    const doc = setType(docOf(), SERVICE_A, 'ClusterIP');
    expect(doc.mode).toBe('1');
    expect(offeredModes(doc.topology, SERVICE_A)).toContain('1');
    const nodePort = setType(docOf(undefined, '2'), SERVICE_A, 'NodePort');
    expect(nodePort.mode).toBe('2');
  });

  it('changes nothing when the type is the same', () => {
    const doc = docOf();
    expect(setType(doc, SERVICE_A, 'LoadBalancer')).toBe(doc);
  });
});

describe('externalTrafficPolicy', () => {
  it('LoadBalancer + Local gets a healthCheckNodePort that clashes with no other port', () => {
    let doc = addService(docOf(), 'LoadBalancer');
    // Someone already holds 32000, where svc-c's health check would sit (nodePort + 2000).
    doc = setType(addService(doc), 'svc-d', 'NodePort');
    doc = setNodePort(doc, 'svc-d', unwrap(parseNodePort(32000)));
    doc = setPolicy(doc, 'svc-c', 'Local');
    const hc = svc(doc, 'svc-c').healthCheckNodePort;
    expect(hc).toBe(30001);
    const taken = doc.topology.services.flatMap((s) =>
      s.id === 'svc-c' ? [s.nodePort] : [s.nodePort, s.healthCheckNodePort],
    );
    expect(taken).not.toContain(hc);
    expect(errorsOf(doc.topology)).toEqual([]);
  });

  it('switching back to Cluster releases it; Local again gets it back', () => {
    const local = setPolicy(docOf(), SERVICE_A, 'Local');
    expect(svc(local, SERVICE_A).healthCheckNodePort).toBe(32093);
    const cluster = setPolicy(local, SERVICE_A, 'Cluster');
    expect(svc(cluster, SERVICE_A).healthCheckNodePort).toBeUndefined();
    expect(svc(setPolicy(cluster, SERVICE_A, 'Local'), SERVICE_A).healthCheckNodePort).toBe(32093);
  });

  it('a NodePort Service under Local gets no health check port; a ClusterIP one keeps Cluster', () => {
    const doc = setPolicy(setType(addService(docOf()), 'svc-c', 'NodePort'), 'svc-c', 'Local');
    expect(svc(doc, 'svc-c').externalTrafficPolicy).toBe('Local');
    expect(svc(doc, 'svc-c').healthCheckNodePort).toBeUndefined();
    const clusterIp = addService(docOf());
    expect(setPolicy(clusterIp, 'svc-c', 'Local')).toBe(clusterIp);
  });
});

describe('ports, selector, proxy, name and removal', () => {
  it('sets port, targetPort and a hand-picked nodePort; validate flags a clash', () => {
    let doc = setPort(docOf(), SERVICE_A, unwrap(parsePort(443)));
    doc = setTargetPort(doc, SERVICE_A, unwrap(parsePort(9000)));
    expect(svc(doc, SERVICE_A)).toMatchObject({ port: 443, targetPort: 9000 });
    doc = setNodePort(doc, SERVICE_A, unwrap(parseNodePort(30076)));
    expect(errorsOf(doc.topology)).toEqual([
      "Service A's nodePort and Service B's nodePort are both 30076: a node port belongs to one Service",
    ]);
  });

  it('selects by labels', () => {
    const doc = setSelector(docOf(), SERVICE_B, { app: 'a' });
    expect(svc(doc, SERVICE_B).selector).toEqual({ app: 'a' });
    expect(setSelector(doc, SERVICE_B, { app: 'a' })).toBe(doc);
  });

  it('picks pods: labels them serves-<name>=yes and selects that label', () => {
    let doc = pickPods(docOf(), SERVICE_B, ['pod-a', 'pod-d']);
    expect(svc(doc, SERVICE_B).selector).toEqual({ 'serves-b': 'yes' });
    expect(
      doc.topology.pods.filter((p) => p.labels['serves-b'] === 'yes').map((p) => p.id),
    ).toEqual(['pod-a', 'pod-d']);
    expect(doc.topology.pods[0]?.labels).toEqual({ app: 'a', 'serves-b': 'yes' });
    doc = pickPods(doc, SERVICE_B, ['pod-d']);
    expect(doc.topology.pods[0]?.labels).toEqual({ app: 'a' });
    expect(pickPods(doc, SERVICE_B, ['pod-d'])).toBe(doc);
  });

  it('adds and removes a proxy-like load balancer', () => {
    const doc = setProxy(docOf(), SERVICE_A, false);
    expect(svc(doc, SERVICE_A).proxyIp).toBeUndefined();
    expect(svc(setProxy(doc, SERVICE_A, true), SERVICE_A).proxyIp).toBe('198.51.100.10');
  });

  it('renames, refusing a blank name or another Service’s', () => {
    const doc = docOf();
    const r = tryRenameService(doc, SERVICE_A, 'web');
    expect(r.ok && svc(r.value, SERVICE_A).name).toBe('web');
    expect(tryRenameService(doc, SERVICE_A, ' ')).toEqual({
      ok: false,
      error: 'A Service needs a name',
    });
    expect(tryRenameService(doc, SERVICE_A, 'Service B')).toEqual({
      ok: false,
      error: 'Another Service is already called Service B',
    });
  });

  it('removes a Service with its Ingress, and the doc explores another', () => {
    const doc = docOf();
    expect(removeServiceLabel(doc.topology, SERVICE_A)).toBe(
      'Remove Service A and its Ingress app-a',
    );
    const after = removeService(doc, SERVICE_A);
    expect(after.topology.services.map((s) => s.id)).toEqual([SERVICE_B]);
    expect(after.topology.ingresses.map((i) => i.id)).toEqual(['ing-b']);
    expect(after.service).toBe(SERVICE_B);
    expect(after.mode).toBe('3a');
    expect(errorsOf(after.topology)).toEqual([]);
  });

  it('a new pod for a picked Service carries its label', () => {
    const doc = addPod(pickPods(docOf(), SERVICE_B, ['pod-a']), 'node2', SERVICE_B);
    expect(doc.topology.pods.at(-1)?.labels).toEqual({ 'serves-b': 'yes' });
  });
});
