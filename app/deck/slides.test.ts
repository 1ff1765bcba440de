import { describe, expect, it } from 'vitest';
import { MODES } from '../model';
import { TALK_SLIDE_COUNT, TALK_SLIDES as SLIDES, spokenLines, startsSentence } from './slides';
import talk from './talk.json';
import { TALK_SCENES } from './scenes';

describe('the talk as slides', () => {
  it('has all 124 slides, in order, with the talk’s words', () => {
    expect(TALK_SLIDE_COUNT).toBe(124);
    expect(SLIDES.map((s) => s.n)).toEqual(Array.from({ length: 124 }, (_, i) => i + 1));
    SLIDES.forEach((s, i) => expect(s.lines).toEqual(talk[i]?.lines));
  });

  it('gives every slide that draws the cluster a scene, and no other', () => {
    const drawsCluster = talk
      .filter((s) => s.lines.some((l) => l.startsWith('Cluster: ')))
      .map((s) => s.n);
    expect(SLIDES.filter((s) => s.kind === 'diagram').map((s) => s.n)).toEqual(drawsCluster);
    for (const n of drawsCluster) expect(SLIDES[n - 1]?.steps[0]?.scene).toBe(TALK_SCENES[n]);
  });

  it('builds the cluster up as the talk does (slides 3–10)', () => {
    expect([3, 4, 5, 6, 10].map((n) => TALK_SCENES[n]?.build)).toEqual([
      'cluster',
      'nodes',
      'ranges',
      'pods',
      'client',
    ]);
    expect(TALK_SCENES[10]?.clientUnknown).toBe(true);
  });

  it('classifies the talk’s kinds of slide', () => {
    const kind = (n: number) => SLIDES[n - 1]?.kind;
    expect(kind(1)).toBe('title');
    expect([13, 18, 24, 45, 61, 63, 76, 86, 96, 105, 111, 117, 122].map(kind)).toEqual(
      Array(13).fill('section'),
    );
    expect([32, 40, 55, 60, 70, 75, 81, 93, 102, 110, 116, 121].map(kind)).toEqual(
      Array(12).fill('proscons'),
    );
    expect([2, 7, 28, 31, 33, 123].map(kind)).toEqual(Array(6).fill('statement'));
  });

  it('introduces every mode on the slide its catalog names', () => {
    for (const mode of MODES)
      expect(SLIDES[mode.titleSlide - 1]?.lines[0], mode.id).toBe(mode.title);
  });

  it('draws 3b and 4d, which the talk only names, as extra steps marked hypothetical', () => {
    const s62 = SLIDES[61]?.steps ?? [];
    const s124 = SLIDES[123]?.steps ?? [];
    expect(s62.map((s) => s.scene?.mode)).toEqual([undefined, '3b', '3b']);
    expect(s124.map((s) => s.scene?.mode)).toEqual([undefined, '4d', '4d', '4d', '4d']);
    for (const step of [...s62, ...s124].slice(1))
      if (step.scene) expect(step.scene.hypothetical).toBe(true);
  });

  it('tells where the talk starts a new sentence on a statement slide', () => {
    const slide = (n: number) => SLIDES[n - 1]?.lines ?? [];
    const starts = (n: number) => slide(n).map((_, i) => startsSentence(slide(n), i));
    expect(starts(25)).toEqual([false, false, true, false]);
    expect(starts(104)).toEqual([false, false, false, true, false]);
    expect(starts(12)).toEqual([false, false, false]); // "APIs to bring traffic…" goes on
    expect(spokenLines(slide(25))).toBe(
      'A port on each node will forward traffic to your service. We know which service by which port',
    );
  });

  it('keeps X-Forwarded-For off the card until the talk says what it is, then shows it as an extra step', () => {
    for (const n of [88, 89, 91, 99, 100]) expect(TALK_SCENES[n]?.srcDstOnly, `${n}`).toBe(true);
    for (const n of [106, 109, 115, 120])
      expect(TALK_SCENES[n]?.srcDstOnly, `${n}`).toBeUndefined();
    for (const [n, from] of [
      [92, 91],
      [101, 100],
    ] as const) {
      const [, extra] = SLIDES[n - 1]?.steps ?? [];
      expect(extra?.scene).toEqual({ ...TALK_SCENES[from], srcDstOnly: undefined });
      expect(extra?.scene?.srcDstOnly).toBeUndefined();
      expect(extra?.caption).toMatch(/header/);
    }
  });

  it('sends each mode’s packet to one pod from its first hop on, so a reply played early comes from the pod the next slides show', () => {
    const scenes = Object.entries(TALK_SCENES)
      .map(([n, scene]) => ({ n: Number(n), scene }))
      .filter(({ scene }) => scene.mode && scene.hop !== undefined)
      .sort((a, b) => a.n - b.n);
    const differ: string[] = [];
    scenes.forEach(({ n, scene }, i) => {
      const next = scenes[i + 1];
      if (!next) return;
      const sameRun =
        next.scene.mode === scene.mode &&
        next.scene.variant === scene.variant &&
        next.scene.policy === scene.policy;
      if (sameRun && (next.scene.hop ?? 0) > (scene.hop ?? 0) && next.scene.pod !== scene.pod)
        differ.push(`${n} → ${next.n}`);
    });
    expect(differ).toEqual([]);
    expect(TALK_SCENES[26]?.pod).toBe('pod-a');
  });
});
