import { describe, it, expect } from 'vitest';
import type { AnyIp } from './address';
import { applyRewrite, applyRewrites, makePacket, reply, UNKNOWN } from './packet';
import type { Endpoint, ForwardedHost, Packet, Rewrite } from './packet';

const ep = (ip: string, port: number | null, host: string, portName: string | null): Endpoint => ({
  ip: ip as AnyIp,
  port,
  host,
  portName,
});
const fwd = (ip: string, host: string): ForwardedHost => ({ ip: ip as AnyIp, host });

const client = ep('1.2.3.4', 51234, 'client', null);
const node1Port = ep('10.240.0.1', 30093, 'node1', 'node-port');
const node1Snat = ep('10.240.0.1', 61012, 'node1', null);
const podC = ep('10.0.2.1', 8080, 'pod', 'pod-port');
const proxyFront = ep('198.51.100.7', 80, 'proxy', 'service-port');
const proxySrc = ep('198.51.100.7', 41000, 'proxy', null);

/** client → node1:node-port, as it arrives at Node1 in mode 2. */
const atNode: Packet = { src: client, dst: node1Port, protocol: 'tcp' };
/** client → proxy with the client already in X-Forwarded-For (an HTTP request). */
const httpAtProxy: Packet = {
  src: client,
  dst: proxyFront,
  protocol: 'http',
  xff: [fwd('1.2.3.4', 'client')],
};

describe('applyRewrite', () => {
  it.each<[string, Packet, Rewrite, Packet]>([
    [
      'dnat rewrites only the destination',
      atNode,
      { type: 'dnat', to: podC },
      { src: client, dst: podC, protocol: 'tcp' },
    ],
    [
      'snat rewrites only the source',
      { src: client, dst: podC, protocol: 'tcp' },
      { type: 'snat', to: node1Snat },
      { src: node1Snat, dst: podC, protocol: 'tcp' },
    ],
    [
      'unnat puts back both ends',
      { src: podC, dst: node1Snat, protocol: 'tcp' },
      { type: 'unnat', src: node1Port, dst: client },
      { src: node1Port, dst: client, protocol: 'tcp' },
    ],
    [
      'an http proxy opens a new connection and keeps X-Forwarded-For',
      httpAtProxy,
      { type: 'proxy', src: proxySrc, dst: podC, protocol: 'http' },
      { src: proxySrc, dst: podC, protocol: 'http', xff: [fwd('1.2.3.4', 'client')] },
    ],
    [
      'a tcp proxy opens a new connection and drops X-Forwarded-For',
      httpAtProxy,
      { type: 'proxy', src: proxySrc, dst: node1Port, protocol: 'tcp' },
      { src: proxySrc, dst: node1Port, protocol: 'tcp' },
    ],
    [
      'a proxy does not carry an earlier PROXY protocol line onto its new connection',
      {
        src: client,
        dst: proxyFront,
        protocol: 'tcp',
        proxyLine: { src: client, dst: proxyFront },
      },
      { type: 'proxy', src: proxySrc, dst: podC, protocol: 'http' },
      { src: proxySrc, dst: podC, protocol: 'http' },
    ],
    [
      'xff appends a host to an empty header',
      { src: client, dst: proxyFront, protocol: 'http' },
      { type: 'xff', add: fwd('1.2.3.4', 'client') },
      { src: client, dst: proxyFront, protocol: 'http', xff: [fwd('1.2.3.4', 'client')] },
    ],
    [
      'xff appends after the hosts already there',
      httpAtProxy,
      { type: 'xff', add: fwd('10.240.0.1', 'node1') },
      {
        src: client,
        dst: proxyFront,
        protocol: 'http',
        xff: [fwd('1.2.3.4', 'client'), fwd('10.240.0.1', 'node1')],
      },
    ],
    [
      'proxy-protocol prepends a line naming the original client and destination',
      { src: proxySrc, dst: node1Port, protocol: 'tcp' },
      { type: 'proxy-protocol', src: client, dst: proxyFront },
      {
        src: proxySrc,
        dst: node1Port,
        protocol: 'tcp',
        proxyLine: { src: client, dst: proxyFront },
      },
    ],
    [
      'drop keeps the packet as it arrived, in the talk’s words stuck at the device (Dst ???)',
      atNode,
      { type: 'drop', at: node1Snat, reason: 'no local pod' },
      {
        src: { ...client, host: 'node1', portName: null },
        dst: { ...node1Port, host: '???', portName: null },
        protocol: 'tcp',
      },
    ],
    [
      'reject answers the sender with ICMP port unreachable, without ports',
      atNode,
      { type: 'reject', at: node1Snat, reason: 'no pods', answer: 'icmp-port-unreachable' },
      {
        src: { ...node1Snat, port: null, portName: null },
        dst: { ...client, port: null, portName: null },
        protocol: 'icmp',
        answer: 'icmp-port-unreachable',
      },
    ],
    [
      'an L4 proxy refuses with a TCP reset on the connection the client opened',
      { src: client, dst: proxyFront, protocol: 'tcp' },
      { type: 'reject', at: proxyFront, reason: 'no pods', answer: 'tcp-reset' },
      { src: proxyFront, dst: client, protocol: 'tcp', answer: 'tcp-reset' },
    ],
    [
      'an HTTP proxy refuses with 503 and no X-Forwarded-For',
      httpAtProxy,
      { type: 'reject', at: proxyFront, reason: 'no pods', answer: 'http-503' },
      { src: proxyFront, dst: client, protocol: 'http', answer: 'http-503' },
    ],
  ])('%s', (_name, packet, rewrite, expected) => {
    const before = structuredClone(packet);
    const after = applyRewrite(packet, rewrite);
    expect(after).toEqual(expected);
    expect(after).not.toBe(packet);
    // A reducer: the input is never mutated.
    expect(packet).toEqual(before);
  });

  it('gives every packet the same fields, in the same order, whatever made it', () => {
    const shape = Object.keys(makePacket(client, podC, 'tcp'));
    expect(shape).toEqual(['src', 'dst', 'protocol', 'xff', 'proxyLine', 'answer']);
    const rewrites: Rewrite[] = [
      { type: 'dnat', to: podC },
      { type: 'snat', to: node1Snat },
      { type: 'unnat', src: node1Port, dst: client },
      { type: 'proxy', src: proxySrc, dst: podC, protocol: 'http' },
      { type: 'xff', add: fwd('10.240.0.1', 'node1') },
      { type: 'proxy-protocol', src: client, dst: proxyFront },
      { type: 'drop', at: node1Snat, reason: 'x' },
      { type: 'reject', at: node1Snat, reason: 'x', answer: 'icmp-port-unreachable' },
      { type: 'reject', at: proxyFront, reason: 'x', answer: 'tcp-reset' },
      { type: 'reject', at: proxyFront, reason: 'x', answer: 'http-503' },
    ];
    for (const r of rewrites)
      expect(Object.keys(applyRewrite(httpAtProxy, r)), r.type).toEqual(shape);
    expect(Object.keys(reply(httpAtProxy))).toEqual(shape);
  });

  it('drop names the destination "???" in the talk’s words, and keeps every value that arrived', () => {
    const dropped = applyRewrite(httpAtProxy, { type: 'drop', at: proxyFront, reason: 'x' });
    expect(dropped.dst.host).toBe(UNKNOWN.host);
    expect([dropped.src.ip, dropped.src.port, dropped.dst.ip, dropped.dst.port]).toEqual([
      '1.2.3.4',
      51234,
      '198.51.100.7',
      80,
    ]);
    expect([dropped.protocol, dropped.xff]).toEqual(['http', httpAtProxy.xff]);
  });

  it.each<[string, Packet, Rewrite]>([
    ['route', atNode, { type: 'route' }],
    ['dnat to the endpoint already there', atNode, { type: 'dnat', to: { ...node1Port } }],
    ['snat to the source already there', atNode, { type: 'snat', to: { ...client } }],
    ['unnat to the same ends', atNode, { type: 'unnat', src: { ...client }, dst: node1Port }],
    ['xff adding the host already last', httpAtProxy, { type: 'xff', add: fwd('1.2.3.4', 'x') }],
    [
      'proxy-protocol with the same line',
      { src: proxySrc, dst: node1Port, protocol: 'tcp', proxyLine: { src: client, dst: podC } },
      { type: 'proxy-protocol', src: { ...client }, dst: { ...podC } },
    ],
  ])('returns the same object when nothing changes: %s', (_name, packet, rewrite) => {
    expect(applyRewrite(packet, rewrite)).toBe(packet);
  });

  it('treats an endpoint with the same address but another talk label as a change', () => {
    const relabelled = { ...node1Port, host: 'VIP' };
    expect(applyRewrite(atNode, { type: 'dnat', to: relabelled })).toEqual({
      ...atNode,
      dst: relabelled,
    });
  });
});

describe('applyRewrites and reply', () => {
  it('applies DNAT then SNAT in order, as kube-proxy on the entry node does', () => {
    const out = applyRewrites(atNode, [
      { type: 'dnat', to: podC },
      { type: 'snat', to: node1Snat },
    ]);
    expect(out).toEqual({ src: node1Snat, dst: podC, protocol: 'tcp' });
  });

  it('returns the same packet for no rewrites or only routes', () => {
    expect(applyRewrites(atNode, [])).toBe(atNode);
    expect(applyRewrites(atNode, [{ type: 'route' }, { type: 'route' }])).toBe(atNode);
  });

  it('swaps the ends of a reply and drops the headers', () => {
    expect(reply({ ...httpAtProxy, proxyLine: { src: client, dst: podC } })).toEqual({
      src: proxyFront,
      dst: client,
      protocol: 'http',
    });
  });
});
