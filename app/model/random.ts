/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic pick from a list for a seed (the list must not be empty). */
export function seededPick<T>(items: readonly T[], seed: number): T {
  const index = Math.floor(seededRandom(seed)() * items.length);
  return items[index] as T;
}
