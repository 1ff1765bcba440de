import { PACKET_SERVICE, SLIDE_COUNT, slideAt, talkPolicy, topologyOf, type Scene } from '../deck';
import {
  findMode,
  findService,
  ingressFor,
  talkCluster,
  type ExternalTrafficPolicy,
  type ModeId,
  type Service,
  type ServiceId,
  type Topology,
} from '../model';
import type { ExplorerDoc, RequestOptions } from './doc';

/**
 * The talk's cluster as Kubernetes would hold it: a healthCheckNodePort only on
 * a LoadBalancer Service under Local. (The deck keeps one on every Service so
 * that a flip to Local on stage has it ready; the explorer allocates it as the
 * API server does, when the policy becomes Local.)
 */
export function asAllocated(t: Topology): Topology {
  const extra = (s: Service) =>
    s.healthCheckNodePort !== undefined &&
    !(s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local');
  if (!t.services.some(extra)) return t;
  return {
    ...t,
    services: t.services.map((s) => {
      if (!extra(s)) return s;
      const rest: { -readonly [K in keyof Service]: Service[K] } = { ...s };
      delete rest.healthCheckNodePort;
      return rest;
    }),
  };
}

/** Where the explorer opens when nothing says otherwise: the talk's cluster with its ingress, mode 2. */
export function defaultDoc(): ExplorerDoc {
  return {
    topology: asAllocated(talkCluster('shared-ingress')),
    service: PACKET_SERVICE,
    mode: '2',
    entryNode: null,
    requests: 10_000,
    seed: 1,
    view: 'talk',
  };
}

/**
 * The Service whose externalTrafficPolicy a mode obeys: the backend Service,
 * or, through an in-cluster ingress (4c, 4d), the proxies' own Service.
 */
export function policyServiceOf(t: Topology, service: ServiceId, mode: ModeId): ServiceId {
  if (findMode(mode)?.ingress === 'none') return service;
  return ingressFor(t, service)?.proxyService ?? service;
}

/** The topology with one Service's externalTrafficPolicy set, as `kubectl patch` would. */
export function withPolicy(t: Topology, id: ServiceId, policy: ExternalTrafficPolicy): Topology {
  const svc = findService(t, id);
  if (!svc || svc.externalTrafficPolicy === policy) return t;
  return {
    ...t,
    services: t.services.map((s) => (s.id === id ? { ...s, externalTrafficPolicy: policy } : s)),
  };
}

/**
 * The explorer on a slide of the deck: its cluster, its mode, the policy on
 * screen (the presenter's flip included) and the talk's Service, entering at
 * Node1 as the talk's pictures do (or where the scene says). A since-2020
 * slide's scene brings its switches (the request's options), under the slide's
 * own switch value when one is set (`alt`, the index `sw=` names). A slide
 * without a packet gives the default.
 */
export function docFromSlide(
  slide: number,
  step: number,
  policy: ExternalTrafficPolicy | null,
  alt = 0,
): ExplorerDoc {
  const n = Math.min(Math.max(Math.floor(slide) || 1, 1), SLIDE_COUNT);
  const steps = slideAt(n).steps;
  const at = steps[Math.min(Math.max(step, 0), steps.length - 1)];
  const scene: Scene | undefined = (alt > 0 ? at?.alts?.[alt - 1] : undefined) ?? at?.scene;
  const base = defaultDoc();
  if (!scene?.mode) return base;
  const mode = scene.mode;
  const topology = topologyOf(scene.variant);
  const policyService = policyServiceOf(topology, PACKET_SERVICE, mode);
  return {
    ...base,
    topology: asAllocated(withPolicy(topology, policyService, policy ?? talkPolicy(scene))),
    mode,
    entryNode: findMode(mode)?.front === 'pod' ? null : (scene.entryNode ?? 'node1'),
    ...optionsOf(scene),
  };
}

/** A scene's since-2020 options as the request's switches (none set: none at all). */
function optionsOf(scene: Scene): { options?: RequestOptions } {
  const o = scene.options;
  if (!o) return {};
  const out: { -readonly [K in keyof RequestOptions]?: RequestOptions[K] } = {};
  for (const key of Object.keys(o) as (keyof RequestOptions)[])
    if (o[key] !== undefined) Object.assign(out, { [key]: o[key] });
  return Object.keys(out).length > 0 ? { options: out } : {};
}

/** The hop a slide shows (the explorer opens there: a drop at the node it happens at). */
export function slideHop(slide: number, step: number, alt = 0): number {
  const steps = slideAt(Math.min(Math.max(Math.floor(slide) || 1, 1), SLIDE_COUNT)).steps;
  const at = steps[Math.min(Math.max(step, 0), steps.length - 1)];
  return ((alt > 0 ? at?.alts?.[alt - 1] : undefined) ?? at?.scene)?.hop ?? 0;
}

/** The index of a value of the slide's own switch, by the word `sw=` names it with (0: none such). */
export function switchAlt(slide: number, word: string | null): number {
  if (word === null) return 0;
  const n = Math.min(Math.max(Math.floor(slide) || 1, 1), SLIDE_COUNT);
  const i = slideAt(n).switch?.values.findIndex((v) => v.word === word.toLowerCase()) ?? -1;
  return Math.max(i, 0);
}
