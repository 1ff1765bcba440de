import { describe, expect, it } from 'vitest';
import {
  backendServices,
  CLIENT,
  deviceId,
  deviceRef,
  isInCluster,
  isLoadBalancer,
  isNode,
  isPod,
  nodeDevice,
  nodeOf,
  podDevice,
  podOf,
  PROXY,
  serviceRoles,
  VIP,
} from './device';
import { SERVICE_A, SERVICE_B, talkCluster } from './talk';
import { trace } from './trace';

describe('device ids', () => {
  it('reads what it writes, for every kind', () => {
    for (const ref of [
      { kind: 'client' },
      { kind: 'vip' },
      { kind: 'proxy' },
      { kind: 'node', node: 'node1' },
      { kind: 'pod', pod: 'pod-c' },
    ] as const)
      expect(deviceRef(deviceId(ref))).toEqual(ref);
  });

  it('keeps a node and a pod with the same id apart', () => {
    expect(nodeDevice('x')).not.toBe(podDevice('x'));
    expect(nodeOf(podDevice('x'))).toBeNull();
    expect(podOf(podDevice('x'))).toBe('x');
  });

  it('answers the questions the drawing asks', () => {
    expect([isNode('node:node1'), isPod('node:node1'), isInCluster('node:node1')]).toEqual([
      true,
      false,
      true,
    ]);
    expect([isLoadBalancer(VIP), isLoadBalancer(PROXY), isLoadBalancer(CLIENT)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isNode(null), isPod(undefined), deviceRef('router')]).toEqual([false, false, null]);
  });

  it('names every device of a trace the way the trace does', () => {
    const r = trace({ topology: talkCluster(), service: SERVICE_A, mode: '3a', pod: 'pod-c' });
    if (!r.ok) throw new Error(r.error);
    for (const [id, device] of Object.entries(r.value.devices))
      expect(deviceRef(id)?.kind).toBe(device.kind);
    expect(r.value.forward.map((h) => h.to)).toEqual([
      VIP,
      nodeDevice('node1'),
      podDevice('pod-c'),
    ]);
  });
});

describe('Service roles', () => {
  it('the packet’s Service, the other one, and the ingress proxies’', () => {
    const roles = serviceRoles(talkCluster('shared-ingress'), SERVICE_B);
    expect([...roles]).toEqual([
      [SERVICE_A, 'other'],
      [SERVICE_B, 'packet'],
      ['ingress-nginx', 'ingress'],
    ]);
    expect(backendServices(talkCluster('shared-ingress'), SERVICE_A).map((s) => s.id)).toEqual([
      SERVICE_A,
      SERVICE_B,
    ]);
  });
});
