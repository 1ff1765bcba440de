// Address blocks the dump does not state: the cluster's range (the smallest
// block covering every node's pod range), a node's range told from its pods,
// and a free block for a node with neither.
import { cidrsOverlap, cidrSize, numberToIp, parseCidr, type Cidr } from '../../model';

const mask = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** The block of this prefix that holds `ip`. */
export function blockOf(ip: number, prefix: number): Cidr {
  const base = (ip & mask(prefix)) >>> 0;
  const cidr = parseCidr(`${numberToIp(base)}/${prefix}`);
  if (!cidr.ok) throw new Error(cidr.error); // unreachable: the base is masked
  return cidr.value;
}

export const lastAddress = (c: Cidr) => c.base + cidrSize(c) - 1;

/** The smallest block holding every address from `lo` to `hi`. */
export function covering(lo: number, hi: number): Cidr {
  let prefix = 32;
  while (prefix > 0 && (lo & mask(prefix)) >>> 0 !== (hi & mask(prefix)) >>> 0) prefix--;
  return blockOf(lo, prefix);
}

/** The smallest block holding every block given (none given: null). */
export function coveringAll(blocks: readonly Cidr[]): Cidr | null {
  if (blocks.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of blocks) {
    lo = Math.min(lo, b.base);
    hi = Math.max(hi, lastAddress(b));
  }
  return covering(lo, hi);
}

/**
 * The smallest block holding these pod addresses in which none of them is the
 * network or broadcast address (which pod IPAM never hands out, and validate
 * refuses), or null when there are none.
 */
export function rangeForPods(ips: readonly number[]): Cidr | null {
  if (ips.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const ip of ips) {
    lo = Math.min(lo, ip);
    hi = Math.max(hi, ip);
  }
  let block = covering(lo, hi);
  const clashes = (b: Cidr) =>
    cidrSize(b) >= 4 && ips.some((ip) => ip === b.base || ip === lastAddress(b));
  while (block.prefix > 0 && clashes(block)) block = blockOf(lo, block.prefix - 1);
  return block;
}

/**
 * The first block of `prefix` inside `within` that overlaps none of `taken`
 * and holds none of `avoid`, or null when the cluster's range is full.
 */
export function freeBlock(
  within: Cidr,
  prefix: number,
  taken: readonly Cidr[],
  avoid: readonly number[],
): Cidr | null {
  if (prefix < within.prefix) return null;
  const step = 2 ** (32 - prefix);
  const count = Math.min(2 ** (prefix - within.prefix), 65536);
  for (let i = 0; i < count; i++) {
    const candidate = blockOf(within.base + i * step, prefix);
    if (taken.some((t) => cidrsOverlap(t, candidate))) continue;
    if (avoid.some((ip) => ip >= candidate.base && ip <= lastAddress(candidate))) continue;
    return candidate;
  }
  return null;
}
