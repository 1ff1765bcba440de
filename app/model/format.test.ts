import { describe, it, expect } from 'vitest';
import type { AnyIp } from './address';
import { endpointLabel, packetLines } from './format';
import { makePacket } from './packet';
import type { Endpoint, RejectAnswer } from './packet';

const ep = (ip: string, port: number | null, host: string, portName: string | null): Endpoint => ({
  ip: ip as AnyIp,
  port,
  host,
  portName,
});
const client = ep('1.2.3.4', 51234, 'client', null);
const proxyFront = ep('198.51.100.7', 80, 'proxy', 'service-port');
const node1 = ep('10.240.0.1', null, 'node1', null);

describe('endpointLabel', () => {
  it.each<[Endpoint, string, string]>([
    [client, 'client', '1.2.3.4:51234'],
    [proxyFront, 'proxy:service-port', '198.51.100.7:80'],
    [node1, 'node1', '10.240.0.1'],
    [{ ip: null, port: null, host: '???', portName: null }, '???', '???'],
  ])('%j reads %s or %s', (e, talk, ip) => {
    expect([endpointLabel(e, 'talk'), endpointLabel(e, 'ip')]).toEqual([talk, ip]);
  });
});

describe('packetLines', () => {
  it.each<[RejectAnswer, Endpoint, Endpoint, string]>([
    ['icmp-port-unreachable', node1, { ...client, port: null }, 'ICMP port unreachable'],
    ['tcp-reset', proxyFront, client, 'TCP RST'],
    ['http-503', proxyFront, client, 'HTTP 503 Service Unavailable'],
  ])('names a refusal by %s as the device sent it', (answer, src, dst, line) => {
    const protocol = answer === 'http-503' ? 'http' : answer === 'tcp-reset' ? 'tcp' : 'icmp';
    const p = makePacket(src, dst, protocol, undefined, undefined, answer);
    expect(packetLines(p, 'talk')).toEqual([
      `Src: ${endpointLabel(src, 'talk')}`,
      `Dst: ${endpointLabel(dst, 'talk')}`,
      line,
    ]);
  });

  it('adds nothing to a packet that is not a refusal', () => {
    expect(packetLines(makePacket(client, proxyFront, 'tcp'), 'ip')).toEqual([
      'Src: 1.2.3.4:51234',
      'Dst: 198.51.100.7:80',
    ]);
  });

  it('shows X-Forwarded-For and a PROXY protocol line in either view', () => {
    const p = makePacket(node1, proxyFront, 'http', [{ ip: client.ip as AnyIp, host: 'client' }], {
      src: client,
      dst: proxyFront,
    });
    expect(packetLines(p, 'talk').slice(2)).toEqual([
      'X-Forwarded-For: client',
      'PROXY client proxy:service-port',
    ]);
    expect(packetLines(p, 'ip').slice(2)).toEqual([
      'X-Forwarded-For: 1.2.3.4',
      'PROXY TCP4 1.2.3.4 198.51.100.7 51234 80',
    ]);
  });
});
