import { MAX_REQUESTS, MIN_REQUESTS } from '../doc';

const MAX_SEED = 2 ** 32 - 1;

/** Why `n` is not a number of requests a run can send, or null when it is. */
export function validateRequests(n: number): string | null {
  if (!Number.isFinite(n)) return 'The number of requests must be a number';
  if (!Number.isInteger(n)) return 'The number of requests must be a whole number';
  if (n < MIN_REQUESTS || n > MAX_REQUESTS)
    return `The number of requests must be from ${MIN_REQUESTS.toLocaleString('en-US')} to ${MAX_REQUESTS.toLocaleString('en-US')}`;
  return null;
}

/**
 * What a person typed as N, read generously ("100,000", "100 000", "1e5"), or
 * why it is not a number of requests.
 */
export function parseRequests(text: string): { n: number } | { error: string } {
  const cleaned = text.trim().replace(/[,_\s]/g, '');
  if (cleaned === '') return { error: 'Type how many requests to send (1 to 1,000,000)' };
  if (!/^[0-9]*\.?[0-9]+(e[0-9]+)?$/i.test(cleaned))
    return { error: `"${text.trim().slice(0, 20)}" is not a number of requests` };
  const n = Number(cleaned);
  const bad = validateRequests(n);
  return bad ? { error: bad } : { n };
}

/** A seed typed by a person: a whole number from 0 to 4,294,967,295, or why not. */
export function parseSeed(text: string): { seed: number } | { error: string } {
  const cleaned = text.trim();
  if (!/^[0-9]{1,10}$/.test(cleaned))
    return { error: 'The seed must be a whole number from 0 to 4,294,967,295' };
  const seed = Number(cleaned);
  if (seed > MAX_SEED) return { error: 'The seed must be a whole number from 0 to 4,294,967,295' };
  return { seed };
}
