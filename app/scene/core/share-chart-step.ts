import { shareExtras, type Scene } from '../../deck';
import { exactShares, type ExternalTrafficPolicy, type Topology } from '../../model';
import type { Box } from './geometry';
import { shareChart, type ShareChartLayout } from './share-chart';

// The share chart of a step of the deck (since/6, since/11): its shares under
// the switch as it stands and as the slide opens, from the simulator, and its
// place in the left column.

/** A scene's shares of requests per pod, from the simulator (as the pods' labels have them). */
export function sceneShares(
  topology: Topology,
  service: string,
  scene: Scene,
  policy: ExternalTrafficPolicy,
): ReadonlyMap<string, number> | null {
  if (!scene.mode) return null;
  const r = exactShares({ ...shareExtras(scene), topology, service, mode: scene.mode, policy });
  return r.ok ? r.value.pods : null;
}

/** What the diagram knows of a step when it asks for its chart. */
export interface StepChartArgs {
  readonly scene: Scene;
  /**
   * The step under each value of the switch, the first as the slide opens: its
   * shares are the "was", and the scale reaches the largest share of any, so a
   * bar's height means the same whatever the switch and grows or shrinks when
   * it flips.
   */
  readonly scenes: readonly Scene[];
  readonly topology: Topology;
  readonly service: string;
  readonly policy: ExternalTrafficPolicy;
  /** The slide's switch: the value standing and the first value, by their names. */
  readonly value: string;
  readonly first: string;
  /** The bottom of the slide's heading: the chart goes under it. */
  readonly headingBottom: number;
}

/**
 * The chart of a step that shows shares, or null: the shares now and, where
 * the switch has moved, as the slide opened, both from the simulator. Null too
 * where its words do not fit at 28 (the pods' own labels still say it).
 */
export function stepChart(a: StepChartArgs): ShareChartLayout | null {
  if (!a.scene.shares) return null;
  const now = sceneShares(a.topology, a.service, a.scene, a.policy);
  if (!now) return null;
  const [opening] = a.scenes;
  const was =
    opening && opening !== a.scene ? sceneShares(a.topology, a.service, opening, a.policy) : null;
  const all = a.scenes.map((s) => sceneShares(a.topology, a.service, s, a.policy));
  const scaleTop = Math.max(...all.flatMap((m) => (m ? [...m.values()] : [])), 0);
  const chart = shareChart(
    {
      topology: a.topology,
      now: { label: a.value, shares: now },
      before: was ? { label: a.first, shares: was } : null,
      firstLabel: a.first,
      scaleTop,
    },
    chartRoom(a.headingBottom),
  );
  return chart.fits ? chart : null;
}

/**
 * The room for the chart: the left column from under the heading down to a
 * wire's lane over the client and the load balancer, clear of the lane beside
 * the cluster.
 */
export const chartRoom = (headingBottom: number): Box => ({
  x: 16,
  y: headingBottom + 10,
  w: 540,
  h: 496 - (headingBottom + 10),
});
