import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLIDES, topologyOf, traceFor } from '../../deck';
import { trace, type AddressView, type Trace } from '../../model';
import type { FlightPlan } from './flight';
import { frameOf, type Frame, type HopRef } from './frame';
import { overlaps, type Point } from './geometry';
import { layoutDiagram, type DiagramLayout } from './layout';
import { labelBoxes } from './spots';
import { hopPath } from './routes';
import { samplePath } from './sample-path';
import { bigSpecArb, bigTopology } from './test-topologies';
import { arrivalOf, tell, type Shown } from './telling';

/** Where the plan has the card (its top-left) `t` seconds in. */
function cardAt(plan: FlightPlan, t: number): Point {
  const u = plan.duration === 0 ? 1 : Math.min(1, Math.max(0, t / plan.duration));
  for (let i = 1; i < plan.times.length; i++) {
    const t0 = plan.times[i - 1] as number;
    const t1 = plan.times[i] as number;
    if (u <= t1) {
      const k = t1 === t0 ? 1 : (u - t0) / (t1 - t0);
      const x0 = plan.x[i - 1] as number;
      const y0 = plan.y[i - 1] as number;
      return {
        x: x0 + ((plan.x[i] as number) - x0) * k,
        y: y0 + ((plan.y[i] as number) - y0) * k,
      };
    }
  }
  return { x: plan.x[plan.x.length - 1] as number, y: plan.y[plan.y.length - 1] as number };
}

const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) < 1;

interface Case {
  readonly where: string;
  readonly layout: DiagramLayout;
  readonly trace: Trace;
  readonly view: AddressView;
  readonly srcDstOnly: boolean;
}

// Every diagram step of the talk with a packet, under both policies, in words and in addresses.
const cases: Case[] = [];
for (const slide of SLIDES)
  slide.steps.forEach((step, k) => {
    const scene = step.scene;
    if (!scene?.mode) return;
    const layout = layoutDiagram(topologyOf(scene.variant), {
      nodePortServices: scene.nodePorts ? ['svc-a', 'svc-b'] : [],
    });
    for (const policy of ['Cluster', 'Local'] as const) {
      const t = traceFor(scene, policy);
      if (!t?.ok) continue;
      for (const view of ['talk', 'ip'] as const)
        cases.push({
          where: `${slide.n}/${k} ${policy} ${view}`,
          layout,
          trace: t.value,
          view,
          srcDstOnly: scene.srcDstOnly === true,
        });
    }
  });

/** Every hop of the trip in order: the request, then the reply. */
function trip(c: Case): Frame[] {
  const refs: HopRef[] = [
    ...c.trace.forward.map((_, index) => ({ dir: 'forward' as const, index })),
    ...c.trace.back.map((_, index) => ({ dir: 'return' as const, index })),
  ];
  return refs
    .map((ref) => frameOf(c.layout, c.trace, ref, { view: c.view, srcDstOnly: c.srcDstOnly }))
    .filter((f): f is Frame => f !== null);
}

const place = { run: 'r', policy: 'Cluster', view: 'talk', entries: 0 };
const shown = (frame: Frame | null): Shown => ({ place, frame });

describe('a hop told in order', () => {
  it('covers the talk’s hops', () => {
    const hops = cases.reduce((n, c) => n + trip(c).length, 0);
    expect(hops).toBeGreaterThan(500);
  });

  it('arrives at the device with the headers it had, flips them there, then leaves with the new ones', () => {
    const wrong: string[] = [];
    let rewrites = 0;
    for (const c of cases) {
      const frames = trip(c);
      for (let i = 1; i < frames.length; i++) {
        const prev = frames[i - 1] as Frame;
        const cur = frames[i] as Frame;
        const told = tell(shown(prev), shown(cur), c.trace.forward.length, false);
        const where = `${c.where} ${cur.ref.dir} ${cur.ref.index}`;
        if (told?.arrival !== 'on') {
          wrong.push(`${where}: told as ${told?.arrival}`);
          continue;
        }
        const { plan } = told;
        // It sets off from where it rested and ends where this hop rests.
        if (!near(cardAt(plan, 0), prev.rest)) wrong.push(`${where}: does not start at its rest`);
        if (!near(cardAt(plan, plan.duration), cur.rest))
          wrong.push(`${where}: does not end at rest`);
        if (!cur.dock) continue;
        // Until the flip it shows what arrived (the hop before's card); at the flip it is at the device.
        expect(told.before?.lines).toEqual(prev.face.lines);
        if (plan.flipAt <= 0) wrong.push(`${where}: flips before it arrives`);
        if (!near(cardAt(plan, plan.flipAt), cur.dock))
          wrong.push(`${where}: flips away from the device`);
        if (plan.leaveAt < plan.flipAt) wrong.push(`${where}: leaves before the flip`);
        if (!near(cardAt(plan, plan.leaveAt), cur.dock))
          wrong.push(`${where}: leaves from elsewhere`);
        if (prev.face.lines.join() !== cur.face.lines.join()) rewrites++;
      }
    }
    expect(wrong).toEqual([]);
    expect(rewrites).toBeGreaterThan(100);
  });

  it('undoes it in reverse going back: along the wire to the device, the fields flip back there, then to the earlier rest', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const frames = trip(c);
      for (let i = 1; i < frames.length; i++) {
        const earlier = frames[i - 1] as Frame;
        const later = frames[i] as Frame;
        const told = tell(shown(later), shown(earlier), c.trace.forward.length, false);
        const where = `${c.where} back to ${earlier.ref.dir} ${earlier.ref.index}`;
        if (told?.arrival !== 'back') {
          wrong.push(`${where}: told as ${told?.arrival}`);
          continue;
        }
        const { plan } = told;
        expect(told.before?.lines).toEqual(later.face.lines);
        if (!near(cardAt(plan, 0), later.rest)) wrong.push(`${where}: does not start at its rest`);
        if (!near(cardAt(plan, plan.duration), earlier.rest))
          wrong.push(`${where}: ends elsewhere`);
        if (later.dock && !near(cardAt(plan, plan.flipAt), later.dock))
          wrong.push(`${where}: flips back away from the device`);
        if (later.badge && told.undoing?.badge !== later.badge)
          wrong.push(`${where}: the badge being undone is not the later hop's`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('27 in addresses too: the rewritten card rests inside the cluster by Pod-a, and leaves Node1 without doubling back', () => {
    for (const view of ['talk', 'ip'] as const) {
      const c = cases.find((x) => x.where === `27/0 Cluster ${view}`) as Case;
      const [f0, f1] = trip(c) as [Frame, Frame];
      expect(f1.rest.x).toBeGreaterThanOrEqual(c.layout.cluster.x);
      const told = tell(shown(f0), shown(f1), 2, false);
      const plan = told!.plan;
      const leaving = plan.times
        .map((t, i) => ({ t: t * plan.duration, x: plan.x[i] as number, y: plan.y[i] as number }))
        .filter((k) => k.t >= plan.leaveAt);
      // After the rewrite every keyframe brings it nearer its rest: it never doubles back.
      const gap = (p: Point) => Math.hypot(p.x - f1.rest.x, p.y - f1.rest.y);
      const start = gap(f1.dock as Point);
      expect(leaving.filter((k) => gap(k) > start + 1)).toEqual([]);
    }
  });

  it('waits at the device clear of the badge, on the stage', () => {
    const wrong: string[] = [];
    for (const c of cases)
      for (const f of trip(c)) {
        if (!f.dock) continue;
        const card = { ...f.dock, ...f.face.size };
        const where = `${c.where} ${f.ref.dir} ${f.ref.index}`;
        if (f.badgeBox && overlaps(card, f.badgeBox)) wrong.push(`${where}: covers the badge`);
        if (card.x < 0 || card.y < 0 || card.x + card.w > 1600 || card.y + card.h > 900)
          wrong.push(`${where}: leaves the stage`);
      }
    expect(wrong).toEqual([]);
  });

  it('hangs each badge clear of the wires on screen: the hop leaving the device, its arrowhead, and the route so far', () => {
    const covered: string[] = [];
    for (const c of cases)
      for (const f of trip(c)) {
        if (!f.badgeBox) continue;
        const b = f.badgeBox;
        const inBadge = (p: Point) =>
          p.x > b.x + 2 && p.x < b.x + b.w - 2 && p.y > b.y + 2 && p.y < b.y + b.h - 2;
        for (const route of f.routes)
          if (samplePath(hopPath(route)).some(inBadge))
            covered.push(`${c.where} ${f.ref.dir} ${f.ref.index}: ${f.badge?.text}`);
      }
    expect(covered).toEqual([]);
  });

  it('stops a dropped packet at the device as it arrived: no wire on, and in addresses no field changed', () => {
    const drops = cases.flatMap((c) =>
      trip(c)
        .filter((f) => f.hop.kind === 'drop')
        .map((f) => ({ c, f })),
    );
    // Slides 30 and 37 under Local drop at Node1, in words and in addresses.
    expect(drops.length).toBeGreaterThanOrEqual(4);
    for (const { c, f } of drops) {
      expect(f.wire).toEqual([]);
      expect(f.stop).not.toBeNull();
      expect(f.rest).toEqual(f.dock);
      if (c.view === 'ip') {
        expect(f.face.lines).toEqual(f.arrived?.lines);
        expect(f.face.changed.some(Boolean)).toBe(false);
      }
    }
    const slide37 = drops.find(({ c }) => c.where === '37/0 Local ip');
    expect(slide37?.f.face.lines.slice(0, 2)).toEqual([
      'Src: 1.2.3.4:51234',
      'Dst: 10.240.0.1:30093',
    ]);
  });
});

describe('how the card gets to a step', () => {
  const c = cases.find((x) => x.where === '27/0 Cluster talk') as Case;
  const [f0, f1] = trip(c) as [Frame, Frame];

  it('steps on and back between neighbouring hops, and jumps anywhere else', () => {
    expect(arrivalOf(shown(f0), shown(f1), 2)).toBe('on');
    expect(arrivalOf(shown(f1), shown(f0), 2)).toBe('back');
    expect(arrivalOf(shown(f1), shown(f1), 2)).toBe('jump');
    expect(arrivalOf(null, shown(f1), 2)).toBe('jump');
  });

  it('plays the hop afresh from its device after a text slide or a live policy flip, and in place for the addresses', () => {
    expect(arrivalOf(shown(f1), { place: { ...place, entries: 1 }, frame: f1 }, 2)).toBe('fresh');
    expect(arrivalOf(shown(f1), { place: { ...place, policy: 'Local' }, frame: f1 }, 2)).toBe(
      'fresh',
    );
    expect(arrivalOf(shown(f1), { place: { ...place, view: 'ip' }, frame: f1 }, 2)).toBe('jump');
  });

  it('shows the step as it ends, at once, with reduced motion', () => {
    const told = tell(shown(f0), shown(f1), 2, true);
    expect(told?.plan.duration).toBe(0);
    expect(told?.before).toBeNull();
    expect(cardAt(told!.plan, 0)).toEqual(f1.rest);
  });
});

describe('any cluster', () => {
  const modes = ['1', '2', '3a', '3b', '3c', '3d', '4a', '4b', '4c.1', '4c.2', '4c.3'] as const;

  it('rests and docks the card on the stage, on one side of the cluster’s border, covering no label and no badge; badges cover no label', () => {
    fc.assert(
      fc.property(bigSpecArb, fc.constantFrom(...modes), (spec, mode) => {
        const topology = bigTopology(spec);
        const t = trace({ topology, service: 'svc-0', mode, seed: 7 });
        if (!t.ok) return;
        const layout = layoutDiagram(topology, {
          nodePortServices: topology.services.map((s) => s.id),
        });
        // (Boxes that are themselves malformed are the layout's tests' business.)
        const labels = labelBoxes(layout).filter((l) => l.w > 0 && l.h > 0);
        const c = layout.cluster;
        const refs: HopRef[] = [
          ...t.value.forward.map((_, index) => ({ dir: 'forward' as const, index })),
          ...t.value.back.map((_, index) => ({ dir: 'return' as const, index })),
        ];
        for (const ref of refs)
          for (const view of ['talk', 'ip'] as const) {
            const f = frameOf(layout, t.value, ref, { view });
            if (!f) continue;
            // The badge and a drop's words, too, cover no label.
            for (const b of [f.badgeBox, f.stopLabel])
              if (b)
                expect(
                  labels.filter((l) => overlaps(b, l)),
                  `${mode} badge`,
                ).toEqual([]);
            for (const at of [f.rest, f.dock]) {
              if (!at) continue;
              const card = { ...at, ...f.face.size };
              const where = `${mode} ${ref.dir} ${ref.index} ${view}`;
              expect(
                labels.filter((l) => overlaps(card, l)),
                where,
              ).toEqual([]);
              if (f.badgeBox) expect(overlaps(card, f.badgeBox), where).toBe(false);
              expect(card.x >= 0 && card.y >= 0, where).toBe(true);
              expect(card.x + card.w <= 1600 && card.y + card.h <= 900, where).toBe(true);
              const outside = card.x + card.w <= c.x;
              const inside = card.x >= c.x && card.x + card.w <= c.x + c.w;
              expect(outside || inside, where).toBe(true);
            }
          }
      }),
      { seed: 9, numRuns: 80 },
    );
    // A property over whole traces measures nothing about time: room for a busy machine.
  }, 30_000);
});
