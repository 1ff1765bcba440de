import { describe, expect, it } from 'vitest';
import { findSlides } from './GoTo';
import { commandFor, KEY_BINDINGS } from './keys';

describe('keys', () => {
  it('every command the help lists has a key that reaches it, and the keys agree', () => {
    const toKey: Record<string, string> = {
      '→': 'ArrowRight',
      '↓': 'ArrowDown',
      '←': 'ArrowLeft',
      '↑': 'ArrowUp',
      Space: ' ',
      Esc: 'Escape',
    };
    for (const b of KEY_BINDINGS) {
      if (b.command === 'number') continue; // digits then Enter: the keyboard handler's buffer
      for (const shown of b.keys) {
        const shift = shown.startsWith('Shift+');
        const name = shift ? shown.slice(6) : shown;
        const key = toKey[name] ?? name;
        expect(commandFor(key, shift), shown).toBe(b.command);
        if (/^[A-Z]$/.test(key))
          expect(commandFor(key.toLowerCase(), false), shown).toBe(b.command);
      }
    }
  });

  it('keys that mean nothing give nothing', () => {
    for (const key of ['x', 'Tab', 'Enter', 'F5', '1']) expect(commandFor(key, false)).toBeNull();
  });
});

describe('go to', () => {
  it('a number finds that slide first', () => {
    expect(findSlides('66')[0]?.n).toBe(66);
    expect(findSlides(' 1 ')[0]?.n).toBe(1);
  });

  it('words find titles first, the phrase before scattered words, punctuation ignored', () => {
    expect(findSlides('proxy-like 1 hop')[0]?.n).toBe(76);
    expect(findSlides('PROXY LIKE, 1-HOP')[0]?.n).toBe(76);
    expect(findSlides('4c.2')[0]?.title).toMatch(/^4c\.2\)/);
  });

  it('whole words outrank pieces of words: "proxy 1-hop" is 3d, not 3c’s "2-hops: hop 1"', () => {
    const titles = findSlides('proxy 1-hop').map((s) => s.title);
    expect(titles[0]).toMatch(/^3d\) Proxy-like, 1-hop/);
    expect(titles.slice(0, 4).every((t) => !t.includes('2-hops'))).toBe(true);
  });

  it('slides with the same words are told apart by their section', () => {
    const found = findSlides('externalTrafficPolicy = Local').slice(0, 4);
    expect(found.map((s) => s.section)).toEqual([
      '2) Service NodePort',
      '3a) VIP-like, 2-hops',
      '3c) Proxy-like, 2-hops',
      '4a) External, 2-hops',
    ]);
  });

  it('finds words in the text of a slide, and nothing for nonsense or nothing', () => {
    expect(findSlides('source IP change').map((s) => s.n)).toContain(28);
    expect(findSlides('qwertyuiop')).toEqual([]);
    expect(findSlides('   ')).toEqual([]);
    expect(findSlides('node').length).toBeLessThanOrEqual(8);
  });
});
