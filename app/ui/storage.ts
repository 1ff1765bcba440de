/**
 * The browser's memory for this deck (theme, last position, presenter timer).
 * Storage can be missing, full or forbidden (private windows, policies): then
 * the deck simply does not remember, and never fails because of it.
 */
export const KEYS = {
  theme: 'inbound:theme',
  last: 'inbound:last-position',
  timer: 'inbound:presenter-timer',
  sync: 'inbound:sync',
} as const;

export function recall(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered this time; nothing else depends on it.
  }
}
