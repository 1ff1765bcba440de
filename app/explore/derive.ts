import {
  findMode,
  findService,
  modesFor,
  trace,
  type ExternalTrafficPolicy,
  type ModeOffer,
  type Result,
  type Topology,
  type Trace,
} from '../model';
import { optionsKey, scenarioOptions, type ExplorerDoc } from './doc';
import { policyServiceOf } from './from-slide';

const traces = new WeakMap<Topology, Map<string, Result<Trace>>>();

/**
 * The one request on screen: the simulator's trace for a doc, the same object
 * for the same inputs (so the stage's frames are computed once per cluster).
 */
export function traceOf(doc: ExplorerDoc): Result<Trace> {
  const key = `${doc.service}|${doc.mode}|${doc.entryNode ?? ''}|${doc.seed}|${optionsKey(doc.options)}`;
  let byKey = traces.get(doc.topology);
  if (!byKey) {
    byKey = new Map();
    traces.set(doc.topology, byKey);
  }
  let r = byKey.get(key);
  if (!r) {
    r = trace({
      topology: doc.topology,
      service: doc.service,
      mode: doc.mode,
      seed: doc.seed,
      ...scenarioOptions(doc.options),
      ...(doc.entryNode !== null && entersAtNode(doc) ? { entryNode: doc.entryNode } : {}),
    });
    byKey.set(key, r);
  }
  return r;
}

/**
 * Whether the mode sends to a node first, so the entry node means something. A
 * client inside the cluster dialing the cluster IP enters at its own node.
 */
export function entersAtNode(doc: Pick<ExplorerDoc, 'mode' | 'options'>): boolean {
  const mode = findMode(doc.mode);
  const o = doc.options;
  if (o?.target === 'cluster-ip' && o.client && o.client.kind !== 'outside') return false;
  return !!mode && (mode.front === 'node' || mode.frontTo === 'node');
}

/** The externalTrafficPolicy in force for the doc's mode: its policy Service's own. */
export function policyOf(doc: ExplorerDoc): ExternalTrafficPolicy {
  const id = policyServiceOf(doc.topology, doc.service, doc.mode);
  return findService(doc.topology, id)?.externalTrafficPolicy ?? 'Cluster';
}

const offers = new WeakMap<Topology, Map<string, ModeOffer[]>>();

/** The modes the doc's Service offers (cached per cluster). */
export function offersOf(t: Topology, service: string): ModeOffer[] {
  let byService = offers.get(t);
  if (!byService) {
    byService = new Map();
    offers.set(t, byService);
  }
  let list = byService.get(service);
  if (!list) {
    list = modesFor(t, service);
    byService.set(service, list);
  }
  return list;
}
