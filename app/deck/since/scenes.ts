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
    steps: hops('2', 2, dataplanes, { nodePorts: true }),
    switch: {
      name: 'dataplane',
      values: [
        { word: 'kube-proxy', label: 'kube-proxy' },
        { word: 'dsr', label: 'DSR' },
      ],
    },
  },
};
