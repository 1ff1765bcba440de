import type { ClientPlace, ModeId, PodId } from '../../model';
import type { Scene, SceneOptions } from '../scene';
import { talkPolicy, traceFor } from '../trace-cache';
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

/**
 * The same step under each switch value, where a value's trace has fewer hops
 * (a VIP captured on the client's own node skips the load balancer): the hop
 * is its last one, so the step still shows where the packet ends up.
 */
const within = (scenes: readonly Scene[]): readonly Scene[] =>
  scenes.map((scene) => {
    const t = traceFor(scene, talkPolicy(scene));
    const last = t?.ok ? t.value.forward.length - 1 : undefined;
    return last !== undefined && scene.hop !== undefined && scene.hop > last
      ? { ...scene, hop: last }
      : scene;
  });

/** Hops first to last of a mode, each under every switch value. */
const hops = (
  mode: ModeId,
  count: number,
  values: readonly SceneOptions[],
  extra: Partial<Scene> = {},
): (readonly Scene[])[] =>
  Array.from({ length: count }, (_, hop) => within(each(values)(at(mode, hop, extra))));

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
const internalPolicies: readonly SceneOptions[] = [
  { internalPolicy: 'Cluster' },
  { internalPolicy: 'Local' },
];
const distributions: readonly SceneOptions[] = [
  { trafficDistribution: null },
  { trafficDistribution: 'PreferSameZone' },
  { trafficDistribution: 'PreferSameNode' },
];

/** A client inside the cluster: Pod-b on Node1 (or another pod). */
const fromPod = (pod: string): ClientPlace => ({ kind: 'pod', pod });
/** Pod-b dials Service A's cluster IP. */
const toClusterIp = (pod = 'pod-b'): SceneOptions => ({
  client: fromPod(pod),
  target: 'cluster-ip',
});
const inCluster: Partial<Scene> = { variant: 'in-cluster' };

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
  'ipmode-inside': {
    steps: hops('3a', 3, ipModes, { ...inCluster, options: { client: fromPod('pod-b') } }),
    switch: { name: 'ipMode', values: values(['vip', 'VIP'], ['proxy', 'Proxy']) },
  },
  'cluster-ip': {
    steps: [
      [at('2', 0, { ...inCluster, options: toClusterIp() })],
      [at('2', 1, { ...inCluster, options: toClusterIp() })],
      // Hairpin: Pod-a through its own Service, back to itself.
      [at('2', 1, { ...inCluster, pod: 'pod-a' as PodId, options: toClusterIp('pod-a') })],
    ],
  },
  'internal-policy': {
    steps: [
      each(internalPolicies)(at('2', 1, { ...inCluster, options: toClusterIp() })),
      each(internalPolicies)(
        at('2', 1, { variant: 'in-cluster-pod-a-gone', options: toClusterIp() }),
      ),
      // A pod dialling the load balancer's address: externalTrafficPolicy Local does not hold.
      each(internalPolicies)(
        at('3a', 1, { ...inCluster, policy: 'Local', options: { client: fromPod('pod-b') } }),
      ),
    ].map(within),
    switch: {
      name: 'internalTrafficPolicy',
      values: values(['cluster', 'Cluster'], ['local', 'Local']),
    },
  },
  'traffic-distribution': {
    steps: [
      each(distributions)({
        ...base,
        variant: 'zones',
        rows: 2,
        mode: '2',
        shares: true,
        options: toClusterIp('client-pod'),
      }),
      each(distributions)(
        at('2', 1, { variant: 'zones', rows: 2, options: toClusterIp('client-pod') }),
      ),
    ],
    switch: {
      name: 'trafficDistribution',
      values: values(
        ['none', 'off'],
        ['prefersamezone', 'PreferSameZone'],
        ['prefersamenode', 'PreferSameNode'],
      ),
    },
  },
  terminating: {
    steps: [
      // The load balancer health-checks Node1 (503: no ready pod) and sends to Node2.
      [at('3a', 1, { variant: 'pod-a-terminating', policy: 'Local', health: true })],
      // A client that picks Node1 itself is served by the terminating Pod-a.
      [
        at('2', 1, {
          variant: 'pod-a-terminating',
          policy: 'Local',
          pod: 'pod-a' as PodId,
          nodePorts: true,
        }),
      ],
      [at('3a', 1, { variant: 'pod-a-terminating', policy: 'Local', health: true })],
    ],
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
    switch: { name: 'client IP kept', values: values(['on', 'on'], ['off', 'off']) },
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
    switch: { name: 'weighting', values: values(['equal', 'equal'], ['by-pods', 'by pods']) },
  },
  gateway: {
    steps: [0, 1, 2, 3].map((hop) => [
      at('4d', hop, { variant: 'gateway', ingressPod: 'gateway-a1' as PodId }),
    ]),
  },
};
