import { describe, expect, it } from 'vitest';
import { SERVICE_A, SERVICE_B } from '../model';
import { defaultDoc, docFromSlide, slideHop, switchAlt } from './from-slide';

const hcnp = (doc: ReturnType<typeof defaultDoc>, id: string) =>
  doc.topology.services.find((s) => s.id === id)?.healthCheckNodePort;

describe('the explorer on a slide of the deck', () => {
  it('slide 27: the talk’s cluster, mode 2, Node1, Cluster, and no healthCheckNodePort under Cluster', () => {
    const doc = docFromSlide(27, 0, null);
    expect([doc.mode, doc.service, doc.entryNode]).toEqual(['2', SERVICE_A, 'node1']);
    expect(doc.topology.services.find((s) => s.id === SERVICE_A)?.externalTrafficPolicy).toBe(
      'Cluster',
    );
    // Kubernetes allocates one only for a LoadBalancer under Local.
    expect(hcnp(doc, SERVICE_A)).toBeUndefined();
    expect(hcnp(doc, SERVICE_B)).toBeUndefined();
  });

  it('slide 37 is under Local: Service A keeps its healthCheckNodePort, and opens at the drop', () => {
    const doc = docFromSlide(37, 0, null);
    expect(doc.topology.services.find((s) => s.id === SERVICE_A)?.externalTrafficPolicy).toBe(
      'Local',
    );
    expect(hcnp(doc, SERVICE_A)).toBe(32093);
    expect(hcnp(doc, SERVICE_B)).toBeUndefined();
    expect(slideHop(37, 0)).toBe(1);
  });

  it('the presenter’s flip to Local comes along; a slide without a packet opens the default', () => {
    expect(
      docFromSlide(27, 0, 'Local').topology.services.find((s) => s.id === SERVICE_A)
        ?.externalTrafficPolicy,
    ).toBe('Local');
    expect(docFromSlide(2, 0, null)).toEqual(defaultDoc());
    expect(slideHop(2, 0)).toBe(0);
  });

  it('a since slide brings its switches: #/since/8/1 (DSR) under each value of its switch', () => {
    const n = 124 + 8;
    expect(switchAlt(n, 'dsr')).toBe(1);
    expect(switchAlt(n, 'DSR')).toBe(1);
    expect(switchAlt(n, 'kube-proxy')).toBe(0);
    expect(switchAlt(n, 'warp')).toBe(0);
    expect(switchAlt(n, null)).toBe(0);
    const dsr = docFromSlide(n, 1, null, 1);
    expect([dsr.mode, dsr.entryNode, dsr.options]).toEqual(['2', 'node1', { dataplane: 'dsr' }]);
    expect(docFromSlide(n, 1, null).options).toEqual({ dataplane: 'kube-proxy' });
    expect(slideHop(n, 1, 1)).toBe(1);
  });

  it('a since slide with a client inside: Pod-b dials Service A’s cluster IP on the in-cluster cluster', () => {
    const doc = docFromSlide(124 + 4, 0, null);
    expect(doc.options).toEqual({ client: { kind: 'pod', pod: 'pod-b' }, target: 'cluster-ip' });
    expect(doc.topology.services.find((s) => s.id === SERVICE_A)?.clusterIp).toBe('10.96.0.10');
  });
});
