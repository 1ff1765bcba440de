import { describe, expect, it } from 'vitest';
import { asksForExplorer, findSlides } from './GoTo';
import { commandFor, KEY_BINDINGS } from './keys';

describe('keys', () => {
  it('the keys a presenter presses reach the command the help lists them under', () => {
    const cases: [key: string, shift: boolean, command: string][] = [
      ['ArrowRight', false, 'next'],
      ['ArrowDown', false, 'next'],
      [' ', false, 'next'],
      ['PageDown', false, 'next'],
      ['n', false, 'next'],
      ['N', true, 'next'],
      ['ArrowLeft', false, 'prev'],
      [' ', true, 'prev'],
      ['p', false, 'prev'],
      ['Home', false, 'first'],
      ['End', false, 'last'],
      ['g', false, 'goto'],
      ['o', false, 'overview'],
      ['E', true, 'policy'],
      ['a', false, 'addresses'],
      ['r', false, 'return'],
      ['s', false, 'presenter'],
      ['f', false, 'fullscreen'],
      ['b', false, 'blackout'],
      ['.', false, 'blackout'],
      ['t', false, 'theme'],
      ['?', true, 'help'],
      ['Escape', false, 'close'],
    ];
    for (const [key, shift, command] of cases) {
      expect(commandFor(key, shift), JSON.stringify(key)).toBe(command);
      const row = KEY_BINDINGS.find((b) => b.command === command);
      expect(row?.keys.some((k) => k.presses.includes(key))).toBe(true);
    }
  });

  it('the help names the keys as the README does', () => {
    const shown = Object.fromEntries(
      KEY_BINDINGS.map((b) => [b.command, b.keys.map((k) => k.shows)]),
    );
    expect(shown.next).toEqual(['→', '↓', 'Space', 'PageDown', 'N']);
    expect(shown.prev).toEqual(['←', '↑', 'Shift+Space', 'PageUp', 'P']);
    expect(shown.blackout).toEqual(['B', '.']);
    expect(shown.close).toEqual(['Esc']);
    expect(shown.number).toEqual(['27 Enter']);
  });

  it('X (either case) opens the explorer on the slide', () => {
    expect(commandFor('x', false)).toBe('explore');
    expect(commandFor('X', true)).toBe('explore');
  });

  it('keys that mean nothing give nothing', () => {
    for (const key of ['z', 'Tab', 'Enter', 'F5', '1', 'Shift', 'Space', 'Esc'])
      expect(commandFor(key, false), key).toBeNull();
  });
});

describe('go to', () => {
  it('words that name the explorer find it, and slide words do not', () => {
    for (const q of ['expl', 'Explorer', 'kubectl', 'import', 'my cluster', 'your own cluster'])
      expect(asksForExplorer(q), q).toBe(true);
    for (const q of ['', 'ex', 'cluster', 'proxy 1-hop', '66', 'ingress'])
      expect(asksForExplorer(q), q).toBe(false);
  });

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
