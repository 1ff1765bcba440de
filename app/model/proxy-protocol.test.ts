import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hexDump, proxyFields } from './proxy-dump';
import {
  asciiBytes,
  parseProxyV2,
  PROXY_V1_MAX,
  proxyHeaderBytes,
  proxyV1Line,
  proxyV2Bytes,
  type SocketAddress,
} from './proxy-protocol';
import { packetLines } from './format';
import { SERVICE_A, talkCluster } from './talk';
import { trace } from './trace';
import type { Scenario, Trace } from './trace-types';

// The PROXY protocol as bytes (HAProxy's doc/proxy-protocol.txt), for the talk's
// client 1.2.3.4:51234 reaching the proxy at 198.51.100.7:80.

const client: SocketAddress = { ip: '1.2.3.4', port: 51234 };
const proxy: SocketAddress = { ip: '198.51.100.7', port: 80 };
const hex = (b: Uint8Array) => Array.from(b, (v) => v.toString(16).padStart(2, '0')).join(' ');

const V2_TALK =
  '0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a 21 11 00 0c 01 02 03 04 c6 33 64 07 c8 22 00 50';

describe('PROXY protocol v1', () => {
  it('is one line, single spaces, CR LF: "PROXY TCP4 1.2.3.4 198.51.100.7 51234 80"', () => {
    expect(proxyV1Line(client, proxy)).toBe('PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\r\n');
  });

  it('stays within 107 bytes even at its longest', () => {
    const widest = { ip: '255.255.255.255', port: 65535 };
    const line = proxyV1Line(widest, widest);
    expect(line).toBe('PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n');
    expect(line.length).toBe(56);
    expect(line.length).toBeLessThanOrEqual(PROXY_V1_MAX);
  });

  it('says UNKNOWN where an address is not IPv4 or a port is out of range', () => {
    expect(proxyV1Line({ ip: '2001:db8::1', port: 1 }, proxy)).toBe('PROXY UNKNOWN\r\n');
    expect(proxyV1Line(client, { ip: '198.51.100.7', port: 70000 })).toBe('PROXY UNKNOWN\r\n');
  });

  it('labels every byte of the line for a hex dump', () => {
    const fields = proxyFields(asciiBytes(proxyV1Line(client, proxy)));
    const runs: string[] = [];
    for (const f of fields) if (runs.at(-1) !== f) runs.push(f);
    expect(runs).toEqual([
      'signature',
      'separator',
      'protocol',
      'separator',
      'source address',
      'separator',
      'destination address',
      'separator',
      'source port',
      'separator',
      'destination port',
      'end of line',
    ]);
    expect(fields.filter((f) => f === 'source address')).toHaveLength('1.2.3.4'.length);
  });
});

describe('PROXY protocol v2', () => {
  it('writes the 12-byte signature, 0x21, 0x11, length 12, then addresses and ports', () => {
    const bytes = proxyV2Bytes(client, proxy);
    expect(hex(bytes)).toBe(V2_TALK);
    expect(bytes.length).toBe(28);
  });

  it('reads its own header back, and says where the payload starts', () => {
    expect(parseProxyV2(proxyV2Bytes(client, proxy))).toEqual({
      ok: true,
      value: { protocol: 'tcp', src: client, dst: proxy, headerLength: 28 },
    });
  });

  it('writes family UNSPEC with no addresses where an address is not IPv4', () => {
    expect(hex(proxyV2Bytes({ ip: 'nope', port: 1 }, proxy))).toBe(
      '0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a 21 00 00 00',
    );
  });

  it.each<[string, number[], string]>([
    ['too short', [0x0d, 0x0a], 'A PROXY v2 header has at least 16 bytes; this has 2'],
    [
      'a v1 line',
      Array.from(asciiBytes('PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\r\n')),
      'Byte 0 is 0x50: not the PROXY v2 signature',
    ],
    [
      'version 1 in byte 12',
      [...proxyV2Bytes(client, proxy)].map((v, i) => (i === 12 ? 0x11 : v)),
      'Version 1 in byte 12 (0x11); expected 2',
    ],
    [
      'command LOCAL',
      [...proxyV2Bytes(client, proxy)].map((v, i) => (i === 12 ? 0x20 : v)),
      'Command LOCAL: the proxy speaks for itself (a health check), no client address',
    ],
    [
      'cut short',
      [...proxyV2Bytes(client, proxy)].slice(0, 20),
      'The header announces 12 bytes after the first 16; only 4 follow',
    ],
    [
      'TCP over IPv6',
      [...proxyV2Bytes(client, proxy)].map((v, i) => (i === 13 ? 0x21 : v)),
      'Family 0x21 in byte 13 is not TCP or UDP over IPv4 (0x11, 0x12)',
    ],
  ])('refuses %s with a message', (_name, bytes, message) => {
    expect(parseProxyV2(Uint8Array.from(bytes))).toEqual({ ok: false, error: message });
  });
});

describe('hexDump', () => {
  it('prints the talk’s v2 header as hexdump -C would, each byte named by its field', () => {
    const rows = hexDump(proxyV2Bytes(client, proxy));
    expect(rows.map((r) => [r.label, r.hex, r.ascii])).toEqual([
      ['0000', '0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a 21 11 00 0c', '.......QUIT.!...'],
      ['0010', '01 02 03 04 c6 33 64 07 c8 22 00 50', '.....3d..".P'],
    ]);
    const fields = rows.flatMap((r) => r.bytes.map((b) => b.field));
    expect(fields).toEqual([
      ...Array(12).fill('signature'),
      'version-command',
      'family',
      'length',
      'length',
      ...Array(4).fill('source address'),
      ...Array(4).fill('destination address'),
      'source port',
      'source port',
      'destination port',
      'destination port',
    ]);
  });

  it('names what follows a header as payload, and anything else as payload too', () => {
    const v2 = proxyV2Bytes(client, proxy);
    const withGet = Uint8Array.from([...v2, ...asciiBytes('GET /')]);
    expect(proxyFields(withGet).slice(28)).toEqual(Array(5).fill('payload'));
    expect(proxyFields(asciiBytes('GET / HTTP/1.1'))).toEqual(Array(14).fill('payload'));
  });

  it('shows every byte once, in rows of the width asked for, on any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: 1, max: 32 }), (b, w) => {
        const rows = hexDump(b, w);
        const bytes = rows.flatMap((r) => r.bytes);
        expect(bytes.map((x) => x.value)).toEqual([...b]);
        expect(bytes.map((x) => x.offset)).toEqual([...b.keys()]);
        for (const r of rows) expect(r.bytes.length).toBeLessThanOrEqual(w);
      }),
    );
  });
});

const endpointArb: fc.Arbitrary<SocketAddress> = fc.record({
  ip: fc.ipV4(),
  port: fc.integer({ min: 0, max: 65535 }),
});

describe('PROXY protocol properties', () => {
  it('parseProxyV2(proxyV2Bytes(a, b)) gives back a and b', () => {
    fc.assert(
      fc.property(endpointArb, endpointArb, (a, b) => {
        const parsed = parseProxyV2(proxyV2Bytes(a, b));
        expect(parsed).toEqual({
          ok: true,
          value: { protocol: 'tcp', src: a, dst: b, headerLength: 28 },
        });
      }),
    );
  });

  it('a v1 line splits back into the same addresses and stays within 107 bytes', () => {
    fc.assert(
      fc.property(endpointArb, endpointArb, (a, b) => {
        const line = proxyV1Line(a, b);
        expect(line.length).toBeLessThanOrEqual(PROXY_V1_MAX);
        expect(line.endsWith('\r\n')).toBe(true);
        expect(line.slice(0, -2).split(' ')).toEqual([
          'PROXY',
          'TCP4',
          a.ip,
          b.ip,
          String(a.port),
          String(b.port),
        ]);
      }),
    );
  });

  it('parseProxyV2 never throws, on garbage or on a signature followed by garbage', () => {
    const signature = proxyV2Bytes(client, proxy).slice(0, 12);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }).map((tail) => Uint8Array.from([...signature, ...tail])),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        const r = parseProxyV2(bytes);
        if (r.ok) expect(r.value.headerLength).toBeLessThanOrEqual(bytes.length);
        else expect(r.error.length).toBeGreaterThan(0);
        expect(() => hexDump(bytes)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('a trace with PROXY protocol version 2', () => {
  const run = (scenario: Partial<Scenario>): Trace => {
    const r = trace({ topology: talkCluster(), service: SERVICE_A, mode: '3c', ...scenario });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('marks the line version 2 and its bytes are the binary header', () => {
    const tr = run({ proxyProtocol: true, proxyProtocolVersion: 2, entryNode: 'node1' });
    const line = tr.forward[1]?.packet.proxyLine;
    expect(line).toMatchObject({ version: 2, src: { ip: '1.2.3.4' }, dst: { ip: '198.51.100.7' } });
    expect(hex(proxyHeaderBytes(line!))).toBe(V2_TALK);
    expect(packetLines(tr.forward[1]!.packet, 'ip').at(-1)).toBe(
      'PROXY v2 1.2.3.4:51234 → 198.51.100.7:80',
    );
    expect(packetLines(tr.forward[1]!.packet, 'talk').at(-1)).toBe(
      'PROXY v2 client proxy:service-port',
    );
    expect(tr.clientIp).toBe('proxy-protocol');
  });

  it('version 1 (asked for or not) is the text line, with no version field', () => {
    const v1 = run({ proxyProtocol: true, proxyProtocolVersion: 1 });
    expect(v1).toEqual(run({ proxyProtocol: true }));
    const line = v1.forward[1]?.packet.proxyLine;
    expect(line && 'version' in line).toBe(false);
    expect(new TextDecoder().decode(proxyHeaderBytes(line!))).toBe(
      'PROXY TCP4 1.2.3.4 198.51.100.7 51234 80\r\n',
    );
  });
});
