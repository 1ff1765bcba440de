import { describe, expect, it } from 'vitest';
import { packetLines } from '../model';
import { NOTES } from './notes';
import { noteFor, STEP_NOTES } from './step-notes';
import { TALK_SLIDE_COUNT, TALK_SLIDES } from './slides';
import { talkPolicy, traceFor } from './trace-cache';

describe('speaker notes', () => {
  it('there is a note for every slide, a few sentences long', () => {
    expect(NOTES).toHaveLength(TALK_SLIDE_COUNT);
    for (const [i, note] of NOTES.entries()) {
      const sentences = note.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '');
      expect(sentences.length, `slide ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(note.length, `slide ${i + 1}`).toBeLessThan(700);
    }
  });

  it('every step beyond the talk has a note of its own', () => {
    const extra = TALK_SLIDES.flatMap((s) => s.steps.slice(1).map((_, i) => `${s.n}/${i + 1}`));
    expect(Object.keys(STEP_NOTES).sort()).toEqual(extra.sort());
    for (const key of extra) {
      const [n, k] = key.split('/').map(Number) as [number, number];
      expect(noteFor(n, k), key).not.toBe(NOTES[n - 1]);
    }
  });

  it('on every step with a packet, the note names what the card shows', () => {
    for (const [slide, k, scene] of TALK_SLIDES.flatMap((s) =>
      s.steps.map((st, k) => [s, k, st.scene] as const),
    )) {
      if (scene?.hop === undefined) continue;
      const t = traceFor(scene, talkPolicy(scene));
      if (!t?.ok) continue;
      const hop = t.value.forward[scene.hop];
      if (!hop) continue;
      const note = noteFor(slide.n, k);
      // The note quotes the card's source or destination, as the talk words it or as an address.
      const fields = [...packetLines(hop.packet, 'talk'), ...packetLines(hop.packet, 'ip')]
        .slice(0, 4)
        .map((l) => l.replace(/^(Src|Dst): /, ''))
        .map((v) => v.replace(/:\d+$/, ''));
      expect(
        fields.some((f) => note.includes(f)),
        `slide ${slide.n}/${k}: ${fields.join(' | ')}`,
      ).toBe(true);
    }
  });

  it('notes on the policy slides say what externalTrafficPolicy changes', () => {
    for (const n of [30, 37, 39, 53]) expect(NOTES[n - 1]).toMatch(/Local|externalTrafficPolicy/);
  });
});
