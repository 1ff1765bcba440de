import { describe, it, expect } from 'vitest';
import {
  cidrContains,
  cidrContainsCidr,
  cidrsOverlap,
  nextFreeIp,
  parseCidr,
  parseIpv4,
  parseNodePort,
  parsePort,
} from './address';
import type { Cidr } from './address';
import type { Result } from './result';

/** A block written in this test, known to be valid. */
const block = (text: string): Cidr => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const errorOf = <T>(r: Result<T>): string => {
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
};

describe('parseIpv4', () => {
  it.each([
    ['10.0.1.1', '10.0.1.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['  1.2.3.4 ', '1.2.3.4'],
    ['203.0.113.10', '203.0.113.10'],
  ])('accepts %j as %s', (text, expected) => {
    expect(parseIpv4(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['10.0.1.256', /256 is over 255/],
    ['300.1.1.1', /300 is over 255/],
    ['10.0.01.1', /leading zeros \(01\)/],
    ['010.0.0.1', /leading zeros \(010\)/],
    ['10.0.1', /not an IPv4 address/],
    ['10.0.1.1.1', /not an IPv4 address/],
    ['', /not an IPv4 address/],
    ['ten.zero.one.one', /not an IPv4 address/],
    ['10.0.1.-1', /not an IPv4 address/],
    ['10.0.1.1/24', /not an IPv4 address/],
    ['1234.0.0.1', /not an IPv4 address/],
  ])('rejects %j with a reason', (text, reason) => {
    expect(errorOf(parseIpv4(text))).toMatch(reason);
  });

  it('rejects a 10 kB string with a short, clear error instead of throwing', () => {
    const huge = '1.'.repeat(5000);
    const error = errorOf(parseIpv4(huge));
    expect(error).toMatch(/is not an IPv4 address \(expected four numbers like 10\.0\.1\.1\)/);
    expect(error.length).toBeLessThan(200);
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.1.0/24', '10.0.1.0/24', 0x0a000100, 24],
    ['10.0.0.0/16', '10.0.0.0/16', 0x0a000000, 16],
    ['0.0.0.0/0', '0.0.0.0/0', 0, 0],
    ['10.0.1.7/32', '10.0.1.7/32', 0x0a000107, 32],
    [' 192.168.0.0/30 ', '192.168.0.0/30', 0xc0a80000, 30],
  ])('parses %j', (text, normal, base, prefix) => {
    expect(parseCidr(text)).toEqual({ ok: true, value: { text: normal, base, prefix } });
  });

  it.each([
    ['10.0.1.5/24', /host bits set: the block starts at 10\.0\.1\.0\/24/],
    ['10.0.1.0/16', /host bits set: the block starts at 10\.0\.0\.0\/16/],
    ['10.0.1.0/33', /prefix length must be 0 to 32/],
    ['10.0.1.0/100', /prefix length must be 0 to 32/],
    ['10.0.1.0/', /prefix length must be 0 to 32/],
    ['10.0.1.0/-1', /prefix length must be 0 to 32/],
    ['10.0.1.0', /not a CIDR block \(expected a form like 10\.0\.1\.0\/24\)/],
    ['10.0.1.300/24', /300 is over 255/],
    ['garbage/8', /not a CIDR block: .*not an IPv4 address/],
  ])('rejects %j', (text, reason) => {
    expect(errorOf(parseCidr(text))).toMatch(reason);
  });

  it('clips a 10 kB prefix length in its message instead of echoing it whole', () => {
    const huge = `10.0.1.0/${'9'.repeat(10_000)}`;
    expect(errorOf(parseCidr(huge))).toBe(
      `"10.0.1.0/${'9'.repeat(31)}" is not a CIDR block: the prefix length must be 0 to 32`,
    );
  });

  it.each([
    `10.0.1.0/${'x'.repeat(10_000)}`,
    `${'1'.repeat(10_000)}/24`,
    `10.0.1.0${' /'.repeat(5000)}`,
    '1.'.repeat(5000),
  ])('keeps every message short for 10 kB of input (%#)', (huge) => {
    expect(errorOf(parseCidr(huge)).length).toBeLessThan(200);
  });
});

describe('cidrContains', () => {
  it.each([
    ['10.0.1.0/24', '10.0.1.0', true],
    ['10.0.1.0/24', '10.0.1.255', true],
    ['10.0.1.0/24', '10.0.2.0', false],
    ['10.0.1.0/24', '10.0.0.255', false],
    ['10.0.0.0/16', '10.0.200.7', true],
    ['10.0.0.0/16', '10.240.0.1', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['10.0.1.7/32', '10.0.1.7', true],
    ['10.0.1.7/32', '10.0.1.8', false],
    ['10.0.1.0/24', 'not an ip', false],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(cidrContains(block(cidr), ip)).toBe(expected);
  });
});

describe('cidrContainsCidr and cidrsOverlap', () => {
  it.each([
    // outer, inner, outer contains inner, overlap
    ['10.0.0.0/16', '10.0.1.0/24', true, true],
    ['10.0.1.0/24', '10.0.0.0/16', false, true],
    ['10.0.1.0/24', '10.0.1.0/24', true, true],
    ['10.0.1.0/24', '10.0.2.0/24', false, false],
    ['10.0.0.0/16', '10.1.0.0/24', false, false],
    ['0.0.0.0/0', '203.0.113.0/24', true, true],
    ['10.0.1.0/25', '10.0.1.128/25', false, false],
    ['10.0.1.0/24', '10.0.1.128/25', true, true],
  ])('%s vs %s', (a, b, contains, overlap) => {
    expect(cidrContainsCidr(block(a), block(b))).toBe(contains);
    expect(cidrsOverlap(block(a), block(b))).toBe(overlap);
    expect(cidrsOverlap(block(b), block(a))).toBe(overlap);
  });
});

describe('nextFreeIp', () => {
  it.each([
    ['10.0.1.0/24', [], '10.0.1.1'],
    ['10.0.1.0/24', ['10.0.1.1', '10.0.1.2'], '10.0.1.3'],
    ['10.0.1.0/24', ['10.0.1.1', '10.0.1.3'], '10.0.1.2'],
    ['10.0.1.0/24', ['10.0.1.0', 'junk', '10.0.2.1'], '10.0.1.1'],
    ['10.0.1.0/30', ['10.0.1.1'], '10.0.1.2'],
    // Blocks smaller than 4 have no network or broadcast address to skip.
    ['10.0.1.0/31', [], '10.0.1.0'],
    ['10.0.1.0/31', ['10.0.1.0'], '10.0.1.1'],
    ['10.0.1.9/32', [], '10.0.1.9'],
  ])('in %s with %j used gives %s', (cidr, used, expected) => {
    expect(nextFreeIp(block(cidr), used)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['10.0.1.0/30', ['10.0.1.1', '10.0.1.2']],
    ['10.0.1.0/31', ['10.0.1.0', '10.0.1.1']],
    ['10.0.1.9/32', ['10.0.1.9']],
  ])('reports %s with %j used as full', (cidr, used) => {
    expect(errorOf(nextFreeIp(block(cidr), used))).toBe(
      `${cidr} is full: no free address left for a new pod`,
    );
  });

  it('never hands out the broadcast address of a /24', () => {
    const used = Array.from({ length: 253 }, (_, i) => `10.0.1.${i + 1}`);
    expect(nextFreeIp(block('10.0.1.0/24'), used)).toEqual({ ok: true, value: '10.0.1.254' });
    expect(nextFreeIp(block('10.0.1.0/24'), [...used, '10.0.1.254']).ok).toBe(false);
  });
});

describe('parsePort', () => {
  it.each([
    [1, 1],
    [80, 80],
    [65535, 65535],
    ['8080', 8080],
    [' 443 ', 443],
    ['0080', 80],
    // A number is taken as it is, however it was written in the source.
    [1e3, 1000],
    [0x50, 80],
  ])('accepts %j', (value, expected) => {
    expect(parsePort(value)).toEqual({ ok: true, value: expected });
  });

  it.each([0, 65536, -1, 80.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'http', '80abc'])(
    'rejects %j',
    (value) => {
      expect(errorOf(parsePort(value))).toMatch(/a port is a whole number from 1 to 65535/);
    },
  );

  // Number() reads all of these as a port; a person did not type a port.
  it.each(['0x50', '80.0', '8e1', '+80', '0b1010', '0o120', '8_0', '80 80', '١٢٣', 'Infinity'])(
    'rejects %j, which is not plain decimal digits',
    (value) => {
      expect(errorOf(parsePort(value))).toBe(
        `${value} is not a port: a port is a whole number from 1 to 65535`,
      );
    },
  );
});

describe('parseNodePort', () => {
  it.each([30000, 30093, 32767, '31080'])('accepts %j', (value) => {
    expect(parseNodePort(value)).toEqual({ ok: true, value: Number(value) });
  });

  it.each([29999, 32768, 80, 65535])('rejects %j and names the range', (value) => {
    expect(errorOf(parseNodePort(value))).toBe(
      `node port ${value} is outside the NodePort range 30000–32767`,
    );
  });

  it('rejects something that is not a port at all with the port message', () => {
    expect(errorOf(parseNodePort('nodeport'))).toMatch(/not a port/);
  });

  it.each(['3e4', '30093.0', '0x7535'])(
    'rejects %j, which Number() would read as a node port',
    (value) => {
      expect(errorOf(parseNodePort(value))).toBe(
        `${value} is not a port: a port is a whole number from 1 to 65535`,
      );
    },
  );
});
