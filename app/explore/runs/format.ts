/** A share as people read it: "14.3%", "0%", "0.020%" for the tiny shares of a big cluster. */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  if (share === 0) return '0%';
  const p = share * 100;
  if (p >= 0.1) return `${p.toFixed(1)}%`;
  return `${p.toPrecision(2)}%`;
}

const thousands = new Intl.NumberFormat('en-US');

/** A count with thousands separators, the same on every machine: "100,000". */
export const count = (n: number): string => thousands.format(n);

/** "1 request", "100,000 requests". */
export const requests = (n: number): string => `${count(n)} ${n === 1 ? 'request' : 'requests'}`;
