import { describe, expect, it } from 'vitest';
import { MODES, type ModeId } from './modes';
import { modesFor, offeredModes } from './service-type';
import { SERVICE_A, talkCluster } from './talk';
import type { Service, Topology } from './topology';
import { trace } from './trace';
import { validate } from './validate';

const withServiceA = (t: Topology, change: Partial<Service>): Topology => ({
  ...t,
  services: t.services.map((s) => (s.id === SERVICE_A ? { ...s, ...change } : s)),
});

/** Service A as Kubernetes would have it for each type: what the type gives, nothing more. */
const asType = (type: Service['type'], variant: 'default' | 'shared-ingress' = 'default') => {
  const talk = talkCluster(variant);
  if (type === 'LoadBalancer') return talk;
  return withServiceA(talk, {
    type,
    nodePort: type === 'NodePort' ? talk.services[0]?.nodePort : undefined,
    healthCheckNodePort: undefined,
    vip: undefined,
    proxyIp: undefined,
  });
};

const ALL = MODES.map((m) => m.id);

describe('a Service offers the modes its type allows', () => {
  it('LoadBalancer (the talk’s Service A with its shared ingress) offers every mode', () => {
    expect(offeredModes(asType('LoadBalancer', 'shared-ingress'), SERVICE_A)).toEqual(ALL);
    // Without an in-cluster ingress, 4c and 4d have nowhere to go.
    expect(offeredModes(asType('LoadBalancer'), SERVICE_A)).toEqual(
      ALL.filter((m) => !m.startsWith('4c') && m !== '4d'),
    );
  });

  it('NodePort offers a pod IP, the node port, and the in-cluster ingress in front of it', () => {
    expect(offeredModes(asType('NodePort', 'shared-ingress'), SERVICE_A)).toEqual<ModeId[]>([
      '1',
      '2',
      '4c.1',
      '4c.2',
      '4c.3',
      '4d',
    ]);
  });

  it('ClusterIP offers a pod IP, and in-cluster ingress (whose own Service is the LoadBalancer)', () => {
    expect(offeredModes(asType('ClusterIP', 'shared-ingress'), SERVICE_A)).toEqual<ModeId[]>([
      '1',
      '4c.1',
      '4c.2',
      '4c.3',
      '4d',
    ]);
    const refused = modesFor(asType('ClusterIP'), SERVICE_A).find((o) => o.mode.id === '2');
    expect(refused?.refusal).toBe(
      'Service A is type ClusterIP, so it has no node port: mode 2 needs type NodePort or LoadBalancer',
    );
  });
});

describe('a mode the type does not offer never delivers', () => {
  // The bug this fixes: a ClusterIP Service that kept a nodePort and a VIP was
  // routed as a NodePort and as a load balancer.
  const stale = withServiceA(talkCluster(), { type: 'ClusterIP' });

  it('validate says a ClusterIP Service may not have a nodePort or a load balancer', () => {
    const codes = validate(stale).map((p) => p.code);
    expect(codes).toContain('node-port-on-cluster-ip');
    expect(codes).toContain('lb-address-without-lb');
    expect(codes).toContain('health-check-port-misplaced');
    const p = validate(stale).find((x) => x.code === 'node-port-on-cluster-ip');
    expect(p?.ref).toEqual({ kind: 'service', id: SERVICE_A });
    expect(p?.severity).toBe('error');
  });

  it.each<ModeId>(['2', '3a', '3b', '3c', '3d', '4a'])('mode %s refuses to trace', (mode) => {
    const r = trace({ topology: stale, service: SERVICE_A, mode });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Service A is type ClusterIP/);
  });

  it('a NodePort Service gets no load balancer: 3a refuses, 2 still delivers', () => {
    const np = withServiceA(talkCluster(), { type: 'NodePort', healthCheckNodePort: undefined });
    const lb = trace({ topology: np, service: SERVICE_A, mode: '3a' });
    expect(lb.ok ? 'delivered' : lb.error).toBe(
      'Service A is type NodePort, so it gets no load balancer: mode 3a needs type LoadBalancer',
    );
    const two = trace({ topology: np, service: SERVICE_A, mode: '2' });
    expect(two.ok && two.value.outcome.kind).toBe('delivered');
  });

  it('a LoadBalancer under Local without a healthCheckNodePort is warned about', () => {
    const t = withServiceA(talkCluster(), {
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: undefined,
    });
    expect(validate(t).map((p) => [p.code, p.severity])).toEqual([
      ['health-check-port-missing', 'warning'],
    ]);
  });
});
