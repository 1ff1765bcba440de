import { describe, expect, it } from 'vitest';
import { memoryBus, type SyncMessage } from '../store';
import { noticingOthers } from './sync-transport';

describe('noticingOthers', () => {
  it('tells a window when another has spoken, and still hands every message on', () => {
    const bus = memoryBus();
    let heard = 0;
    const mine = noticingOthers(bus(), () => heard++);
    const other = bus();
    const got: SyncMessage[] = [];
    mine.listen((m) => got.push(m));
    mine.post({ kind: 'hello', from: 'me' });
    expect(heard).toBe(0);
    other.post({ kind: 'hello', from: 'deck' });
    expect(heard).toBe(1);
    expect(got).toEqual([{ kind: 'hello', from: 'deck' }]);
  });
});
