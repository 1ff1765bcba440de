// Kubernetes objects → a Topology and its report. A generator, so a caller can
// run it in one go (a worker, Node) or a slice at a time (the main thread).
import {
  cidrContains,
  endpointsOf,
  modesFor,
  type ClusterNode,
  type ExternalIp,
  type NodeIp,
  type Pod,
  type Port,
  type Service,
} from '../../model';
import { finishPod, leaveOutErrors, type Verdict } from './finish';
import { asString, counted, NAMESPACE_LABEL, pluralKind, shown, type KubeItem } from './kube';
import { readNode, type NodeDraft } from './nodes';
import { place } from './placement';
import { readPod, type PodDraft, type PodSpecInfo } from './pods';
import type { ReportBuilder } from './report';
import { readService, type ServiceContext, type ServiceDraft } from './services';
import { readSlice, type SliceDraft } from './slices';
import type { ImportedService, ImportFailure, ImportResult, Progress } from './types';

export type {
  ImportedService,
  ImportFailure,
  ImportResult,
  ImportSuccess,
  Progress,
} from './types';

const KNOWN_KINDS = new Set(['Node', 'Pod', 'Service', 'EndpointSlice']);
/** Yield to the caller every this many objects. */
const BATCH = 2000;

/** The talk's client; another documentation address when the cluster holds that one. */
const CLIENT_ADDRESSES = ['1.2.3.4', '192.0.2.1', '192.0.2.2', '192.0.2.3', '198.51.100.250'];

export function* mapItems(
  items: readonly KubeItem[],
  report: ReportBuilder,
  from = 0,
  to = 1,
): Generator<Progress, ImportResult> {
  const at = (f: number, phase: string): Progress => ({ fraction: from + (to - from) * f, phase });
  const fail = (error: string): ImportFailure => ({ ok: false, error, report: report.build() });

  const byKind = { Node: [], Pod: [], Service: [], EndpointSlice: [] } as Record<
    string,
    KubeItem[]
  >;
  const others = new Map<string, KubeItem[]>();
  for (const item of items) {
    const api = asString(item.object.apiVersion);
    // A Knative Service is not a core one: the group must match the kind.
    const core =
      api === undefined ||
      (item.kind === 'EndpointSlice' ? api.startsWith('discovery.k8s.io/') : api === 'v1');
    if (KNOWN_KINDS.has(item.kind) && core) (byKind[item.kind] as KubeItem[]).push(item);
    else
      push(
        others,
        KNOWN_KINDS.has(item.kind) ? `${item.kind} (${shown(api, 40)})` : shown(item.kind, 40),
        item,
      );
  }
  const total = Math.max(1, items.length);
  let done = 0;

  // Nodes, each name once.
  yield at(0, 'Reading nodes');
  const nodes: NodeDraft[] = [];
  const nodeNames = new Set<string>();
  for (const item of byKind.Node as KubeItem[]) {
    const node = readNode(item, report);
    if (node && nodeNames.has(node.name)) node.line.skip(`Another Node is named ${node.name}`);
    else if (node) nodes.push(node);
    if (node) nodeNames.add(node.name);
    if (++done % BATCH === 0) yield at(done / total, 'Reading nodes');
  }
  const absentNodes = new Set(
    report.lines.filter((l) => l.kind === 'Node' && l.skipped).map((l) => l.id),
  );

  // Pods, each id once; every named pod's ports kept for named targetPorts.
  yield at(done / total, 'Reading pods');
  const drafts: PodDraft[] = [];
  const podIds = new Set<string>();
  const infos = new Map<string, PodSpecInfo[]>();
  for (const item of byKind.Pod as KubeItem[]) {
    const { info, draft } = readPod(item, report);
    if (info) push(infos, info.namespace, info);
    if (draft && podIds.has(draft.id)) draft.line.skip(`Another Pod has the id ${draft.id}`);
    else if (draft) drafts.push(draft);
    if (draft) podIds.add(draft.id);
    if (++done % BATCH === 0) yield at(done / total, 'Reading pods');
  }

  yield at(done / total, 'Placing pods in their nodes');
  const placed = place(nodes, drafts, absentNodes);
  if ('error' in placed) return fail(placed.error);

  // EndpointSlices, by Service.
  yield at(done / total, 'Reading EndpointSlices');
  const slices = new Map<string, SliceDraft[]>();
  for (const item of byKind.EndpointSlice as KubeItem[]) {
    const slice = readSlice(item, report);
    if (slice) push(slices, slice.service, slice);
    if (++done % BATCH === 0) yield at(done / total, 'Reading EndpointSlices');
  }

  // Services.
  yield at(done / total, 'Reading Services');
  const addresses = new Map<string, string>();
  for (const n of placed.nodes) addresses.set(n.draft.ip, `node ${n.draft.name}`);
  for (const p of placed.pods) addresses.set(p.ip, `pod ${p.id}`);
  const ctx: ServiceContext = {
    podsIn: (ns) => infos.get(ns) ?? [],
    slicesOf: (id) => slices.get(id) ?? [],
    claimAddress(ip, owner) {
      const holder = addresses.get(ip);
      if (holder !== undefined) return holder;
      addresses.set(ip, owner);
      return null;
    },
    documentationAddress(kind, owner) {
      const prefix = kind === 'proxy' ? '198.51.100.' : '203.0.113.';
      for (let i = 1; i < 255; i++)
        if (!addresses.has(`${prefix}${i}`) && !CLIENT_ADDRESSES.includes(`${prefix}${i}`)) {
          addresses.set(`${prefix}${i}`, owner);
          return `${prefix}${i}` as ExternalIp;
        }
      return `${prefix}254` as ExternalIp; // 254 Services without an address: validate will say so
    },
    nodePorts: new Map(),
  };
  const services: ServiceDraft[] = [];
  const serviceIds = new Set<string>();
  for (const item of byKind.Service as KubeItem[]) {
    const svc = readService(item, report, ctx);
    if (svc && serviceIds.has(svc.service.id))
      svc.line.skip(`Another Service has the id ${svc.service.id}`);
    else if (svc) services.push(svc);
    if (svc) serviceIds.add(svc.service.id);
    if (++done % BATCH === 0) yield at(done / total, 'Reading Services');
  }
  const keptServices = new Set(services.map((s) => s.service.id));
  const namedServices = new Set(report.lines.filter((l) => l.kind === 'Service').map((l) => l.id));

  // Readiness: the EndpointSlices of the Services taken decide; else the pod's Ready condition.
  yield at(done / total, 'Reading readiness');
  const verdicts = new Map<string, Verdict[]>();
  const podById = new Map(placed.pods.map((p) => [p.id, p]));
  const podByIp = new Map(placed.pods.map((p) => [p.ip as string, p]));
  for (const [service, list] of slices) {
    for (const slice of list) {
      if (!keptServices.has(service)) {
        slice.line.skip(
          `Its Service ${shown(service, 80)} ${namedServices.has(service) ? 'was left out' : 'is not in the dump'}`,
        );
        continue;
      }
      let strangers = 0;
      for (const e of slice.endpoints) {
        const pod = (e.pod && podById.get(e.pod)) || (e.ip ? podByIp.get(e.ip) : undefined);
        if (!pod) {
          strangers++;
          continue;
        }
        const list = verdicts.get(pod.id) ?? [];
        list.push({ service, ready: e.ready, terminating: e.terminating, serving: e.serving });
        verdicts.set(pod.id, list);
      }
      if (strangers)
        slice.line.note(
          `${counted(strangers, 'endpoint')} ${strangers === 1 ? 'is' : 'are'} not a pod Inbound drew (left out)`,
        );
    }
  }

  const pods: Pod[] = [];
  const podNames = countNames(placed.pods.map((p) => p.name));
  for (const draft of placed.pods) pods.push(finishPod(draft, verdicts.get(draft.id), podNames));
  const serviceNames = countNames(services.map((s) => s.shortName));
  const serviceList: Service[] = services.map((s) =>
    (serviceNames.get(s.shortName) ?? 0) > 1 ? { ...s.service, name: s.service.id } : s.service,
  );
  const nodeList: ClusterNode[] = placed.nodes.map((n) => ({
    id: n.draft.name,
    name: n.draft.name,
    ip: n.draft.ip as NodeIp,
    podCidr: n.range,
    ...(n.draft.zone !== undefined ? { zone: n.draft.zone } : {}),
  }));

  // Skipped kinds, counted, one line each.
  for (const [kind, list] of others) {
    report.otherKinds[kind] = list.length;
    report
      .add(
        kind,
        counted(list.length, kind, pluralKind(kind)),
        (list[0] as KubeItem).source,
        list.length,
      )
      .skip(
        kind === 'Endpoints'
          ? 'The older Endpoints API: Inbound reads EndpointSlices'
          : 'Not part of the way in: Inbound reads Nodes, Pods, Services and EndpointSlices',
      );
  }

  yield at(0.97, 'Checking the cluster');
  const clusterCidr = placed.clusterCidr;
  report.notes.push(
    `The cluster's range is ${clusterCidr.text}, the smallest block covering every node's pod range`,
  );
  const clientIp = (CLIENT_ADDRESSES.find(
    (ip) => !cidrContains(clusterCidr, ip) && !addresses.has(ip),
  ) ?? '192.0.2.4') as ExternalIp;
  if (clientIp !== CLIENT_ADDRESSES[0])
    report.notes.push(
      `1.2.3.4 is inside the cluster or taken, so the client is the documentation address ${clientIp}`,
    );
  const client = { name: 'Client', ip: clientIp, port: 51234 as Port };

  const lines = {
    node: new Map(placed.nodes.map((n) => [n.draft.name, n.draft.line])),
    pod: new Map(placed.pods.map((p) => [p.id, p.line])),
    service: new Map(services.map((s) => [s.service.id, s.line])),
  };
  // A cluster IP inside the pod range Inbound derived (the service range overlaps it) is
  // left out, not the whole Service: the request's other ways in do not need it.
  const servicesChecked = serviceList.map((svc) => {
    if (svc.clusterIp === undefined || !cidrContains(clusterCidr, svc.clusterIp)) return svc;
    lines.service
      .get(svc.id)
      ?.change(
        `Service ${svc.id}'s cluster IP ${svc.clusterIp} is inside the cluster's pod range ${clusterCidr.text}: left out`,
      );
    const rest: { -readonly [K in keyof Service]?: Service[K] } = { ...svc };
    delete rest.clusterIp;
    return rest as Service;
  });
  const checked = leaveOutErrors(
    { clusterCidr, nodes: nodeList, pods, services: servicesChecked, ingresses: [], client },
    lines,
  );
  if ('error' in checked) return fail(checked.error);
  const { topology, problems } = checked;

  if (topology.nodes.length === 0) return fail('No node could be imported: see the report');
  if (topology.services.length === 0)
    return fail(
      (byKind.Service as KubeItem[]).length === 0
        ? 'The dump has no Services: run kubectl get nodes,pods,services,endpointslices -A -o json'
        : 'No Service could be imported: see the report for why each was left out',
    );

  const imported: ImportedService[] = topology.services.map((svc) => {
    const offers = modesFor(topology, svc.id);
    return {
      id: svc.id,
      name: svc.name,
      namespace: svc.selector[NAMESPACE_LABEL] ?? '',
      type: svc.type,
      offers,
      offered: offers.filter((o) => o.refusal === null).map((o) => o.mode.id),
      readyEndpoints: endpointsOf(topology, svc).length,
    };
  });
  const first =
    imported.find((s) => s.type === 'LoadBalancer' && s.readyEndpoints > 0) ?? imported[0];
  yield at(1, 'Done');
  return {
    ok: true,
    topology,
    report: report.build(),
    services: imported,
    defaultService: (first as ImportedService).id,
    problems,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const countNames = (names: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
};
