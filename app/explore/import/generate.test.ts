import { describe, expect, it } from 'vitest';
import { endpointsOf } from '../../model';
import { validate } from '../../model/validate';
import { generateDump } from './generate';
import { importText } from './import-text';

describe('generateDump', () => {
  it('is the same for the same arguments, and a kubectl List', () => {
    const a = generateDump(3, 2, 2);
    expect(generateDump(3, 2, 2)).toBe(a);
    const list = JSON.parse(a) as { kind: string; items: { kind: string }[] };
    expect(list.kind).toBe('List');
    const kinds = list.items.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'Node')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'Pod')).toHaveLength(3 * 2 + 3); // + kube-proxy per node
    expect(kinds.filter((k) => k === 'Service')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'EndpointSlice')).toHaveLength(2);
  });

  it('500 nodes × 10 pods import with no validation error', () => {
    const r = importText([{ name: 'big.json', text: generateDump(500, 10, 50) }]);
    if (!r.ok) throw new Error(r.error);
    const t = r.topology;
    expect(t.nodes).toHaveLength(500);
    expect(t.pods).toHaveLength(5000);
    expect(t.services).toHaveLength(50);
    expect(validate(t).filter((p) => p.severity === 'error')).toEqual([]);
    // Every kube-proxy pod (host network) skipped, nothing else.
    expect(r.report.counts.skipped).toBe(500);
    expect(r.report.counts.taken).toBe(500 + 5000 + 50 + 50);
    // Readiness comes from the slices: about 2% not ready.
    const ready = t.pods.filter((p) => p.ready).length;
    expect(ready).toBeGreaterThan(4800);
    expect(ready).toBeLessThan(5000);
    const lb = t.services[0];
    expect(lb).toMatchObject({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32000,
      vip: '34.77.10.20',
      targetPort: 8080,
    });
    expect(t.services[1]).toMatchObject({ proxyIp: '35.190.4.8' });
    expect(r.defaultService).toBe(lb?.id);
    expect(endpointsOf(t, lb!).length).toBeGreaterThan(90);
  });
});
