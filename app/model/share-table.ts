/**
 * A read-only map kept as two parallel arrays. Building a real Map of 100,000
 * string keys costs tens of milliseconds; most callers only iterate, so the
 * lookup index is built the first time someone calls `get` or `has`.
 */
export class ShareTable<K extends string> implements ReadonlyMap<K, number> {
  private index: Map<K, number> | undefined;

  constructor(
    private readonly keyList: readonly K[],
    private readonly valueList: readonly number[],
  ) {}

  get size(): number {
    return this.keyList.length;
  }

  private lookup(): Map<K, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.keyList.length; i++)
        this.index.set(this.keyList[i] as K, this.valueList[i] as number);
    }
    return this.index;
  }

  get(key: K): number | undefined {
    return this.lookup().get(key);
  }

  has(key: K): boolean {
    return this.lookup().has(key);
  }

  forEach(fn: (value: number, key: K, map: ReadonlyMap<K, number>) => void): void {
    for (let i = 0; i < this.keyList.length; i++)
      fn(this.valueList[i] as number, this.keyList[i] as K, this);
  }

  *entries(): MapIterator<[K, number]> {
    for (let i = 0; i < this.keyList.length; i++)
      yield [this.keyList[i] as K, this.valueList[i] as number];
  }

  *keys(): MapIterator<K> {
    yield* this.keyList;
  }

  *values(): MapIterator<number> {
    yield* this.valueList;
  }

  [Symbol.iterator](): MapIterator<[K, number]> {
    return this.entries();
  }
}
