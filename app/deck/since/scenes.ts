import type { ModeId, PodId } from '../../model';
import type { Scene, SceneOptions } from '../scene';
import type { SlideSwitch } from './slides';
import type { SinceId } from './words-types';

/** A diagram slide of the section: per step, its scene under each value of the switch. */
export interface SincePlan {
  readonly steps: readonly (readonly Scene[])[];
  readonly switch?: SlideSwitch;
}

const base: Scene = { build: 'client', variant: 'default' };

/** A packet on forward hop `hop` of `mode`, with since-2020 options. */
const at = (mode: ModeId, hop: number, extra: Partial<Scene> = {}): Scene => ({
  ...base,
  mode,
  hop,
  pod: 'pod-c' as PodId,
  ...extra,
});

/** One scene per switch value: the same scene with each value's options laid over it. */
const each =
  (values: readonly SceneOptions[]) =>
  (scene: Scene): readonly Scene[] =>
    values.map((o) => ({ ...scene, options: { ...scene.options, ...o } }));

/** Hops first to last of a mode, each under every switch value. */
const hops = (
  mode: ModeId,
  count: number,
  values: readonly SceneOptions[],
  extra: Partial<Scene> = {},
): (readonly Scene[])[] =>
  Array.from({ length: count }, (_, hop) => each(values)(at(mode, hop, extra)));

const ipModes: readonly SceneOptions[] = [{ ipMode: 'VIP' }, { ipMode: 'Proxy' }];
const dataplanes: readonly SceneOptions[] = [{ dataplane: 'kube-proxy' }, { dataplane: 'dsr' }];
const preservation: readonly SceneOptions[] = [
  { clientIpPreservation: true },
  { clientIpPreservation: false },
];
const proxyVersions: readonly SceneOptions[] = [
  { proxyProtocol: true, proxyProtocolVersion: 1 },
  { proxyProtocol: true, proxyProtocolVersion: 2 },
];
const weightings: readonly SceneOptions[] = [{ weighting: 'equal' }, { weighting: 'by-pods' }];

/** A switch's values as the bar and the link name them. */
const values = (...pairs: [word: string, label: string][]) =>
  pairs.map(([word, label]) => ({ word, label }));

/** The section's diagrams, by slide. Slides not named here are words only. */
export const SINCE_SCENES: Partial<Record<SinceId, SincePlan>> = {
  ipmode: {
    steps: hops('3a', 3, ipModes),
    switch: {
      name: 'ipMode',
      values: [
        { word: 'vip', label: 'VIP' },
        { word: 'proxy', label: 'Proxy' },
      ],
    },
  },
  dsr: {
    // The request's two hops, then the reply arriving at the client (twice: the last step
    // says where kube-proxy's own modes stand over the same picture).
    steps: [
      ...hops('2', 2, dataplanes, { nodePorts: true }),
      ...hops('2', 1, dataplanes, { nodePorts: true, replyHop: -1 }).map((s) =>
        s.map((scene) => ({ ...scene, hop: 1 })),
      ),
      ...hops('2', 1, dataplanes, { nodePorts: true, replyHop: -1 }).map((s) =>
        s.map((scene) => ({ ...scene, hop: 1 })),
      ),
    ],
    switch: { name: 'dataplane', values: values(['kube-proxy', 'kube-proxy'], ['dsr', 'DSR']) },
  },
  'lb-to-pods': {
    steps: hops('3b', 2, preservation),
    switch: {
      name: 'client IP preservation',
      values: values(['on', 'on'], ['off', 'off']),
    },
  },
  'proxy-protocol': {
    steps: hops('3c', 3, proxyVersions, { nodePorts: true, bytes: true }),
    switch: { name: 'PROXY protocol', values: values(['v1', 'v1'], ['v2', 'v2']) },
  },
  weighted: {
    steps: [
      each(weightings)({
        ...base,
        variant: 'imbalance',
        mode: '3a',
        policy: 'Local',
        shares: true,
      }),
    ],
    switch: {
      name: 'load balancer weighting',
      values: values(['equal', 'equal per node'], ['by-pods', 'by pods per node']),
    },
  },
  gateway: {
    steps: [0, 1, 2, 3].map((hop) => [
      at('4d', hop, { variant: 'gateway', ingressPod: 'gateway-a1' as PodId }),
    ]),
  },
};
