import { describe, expect, it } from 'vitest';
import { SLIDES, talkPolicy, traceFor, type Scene } from '../../deck';
import { frameMade } from './frame';
import { cachedLayout, currentRef, prepareStep, stepGeometry } from './diagram-geometry';
import { layoutDiagram } from './layout';

const diagramScenes = SLIDES.flatMap((s) => s.steps.flatMap((st) => (st.scene ? [st.scene] : [])));
const sinceScene = (k: number, step = 0) =>
  SLIDES.find((s) => s.since && s.n === 124 + k)?.steps[step]?.scene as Scene;

describe('a step laid out ahead of the key press', () => {
  it('is the very layout the diagram then draws, for every diagram step of the deck', () => {
    for (const scene of diagramScenes) {
      const trace = traceFor(scene, talkPolicy(scene));
      const input = { scene, trace, policy: talkPolicy(scene), returnHop: null };
      expect(stepGeometry(input).layout).toBe(stepGeometry({ ...input }).layout);
    }
  });

  it('lays out the hop on screen, so drawing it later finds the frame made', () => {
    const scene = sinceScene(10, 1); // PROXY protocol: the bytes beside the card, under a heading
    const trace = traceFor(scene, talkPolicy(scene));
    const heading = { title: 'PROXY protocol', badge: '2010 · HAProxy · PROXY v2' };
    const input = { scene, trace, policy: talkPolicy(scene), returnHop: null, heading };
    const t = trace?.ok ? trace.value : null;
    const ref = currentRef(t, scene, null);
    expect(ref).not.toBeNull();
    if (!t || !ref) return;
    const options = { view: 'talk', srcDstOnly: false } as const;
    expect(frameMade(stepGeometry(input).layout, t, ref, options)).toBe(false);
    prepareStep(input, 'talk');
    const { layout, dump, headingBox } = stepGeometry(input);
    expect(headingBox?.box.y).toBe(22);
    // Laid out by the preparation: drawing the step only looks the frame up.
    expect(frameMade(layout, t, ref, options)).toBe(true);
    // Not in the other address view, which nobody asked for.
    expect(frameMade(layout, t, ref, { ...options, view: 'ip' })).toBe(false);
    expect(dump).not.toBeNull();
    // The bytes' panel is kept clear in the layout (the same layout as laid out directly).
    if (dump)
      expect(layout.cluster).toEqual(
        layoutDiagram(stepGeometry(input).topology, {
          nodePortServices: [],
          panel: dump.box,
          ...(headingBox ? { heading: headingBox.box } : {}),
        }).cluster,
      );
  });

  it('is laid out afresh when what shapes it differs (a heading, rows)', () => {
    const scene = sinceScene(6);
    const topology = stepGeometry({
      scene,
      trace: null,
      policy: 'Cluster',
      returnHop: null,
    }).topology;
    const plain = cachedLayout(topology, { nodePortServices: [] });
    const headed = cachedLayout(topology, {
      nodePortServices: [],
      heading: { x: 28, y: 22, w: 500, h: 200 },
    });
    const rows = cachedLayout(topology, { nodePortServices: [], rows: 2 });
    expect(headed).not.toBe(plain);
    expect(rows).not.toBe(plain);
    expect(cachedLayout(topology, { nodePortServices: [], rows: 2 })).toBe(rows);
    expect(rows.nodes.map((n) => n.box)).toEqual(
      layoutDiagram(topology, { nodePortServices: [], rows: 2 }).nodes.map((n) => n.box),
    );
  });
});
