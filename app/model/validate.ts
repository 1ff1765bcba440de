import {
  cidrContains,
  cidrsOverlap,
  cidrSize,
  clipInput,
  ipToNumber,
  NODE_PORT_MAX,
  NODE_PORT_MIN,
  numberToIp,
} from './address';
import { selects, type Topology } from './topology';

export type ProblemCode =
  | 'bad-address'
  | 'duplicate-id'
  | 'duplicate-ip'
  | 'pod-range-outside-cluster'
  | 'pod-ranges-overlap'
  | 'node-ip-in-cluster'
  | 'pod-on-unknown-node'
  | 'pod-ip-outside-range'
  | 'pod-ip-reserved'
  | 'node-port-out-of-range'
  | 'node-port-clash'
  | 'empty-selector'
  | 'selector-matches-nothing'
  | 'lb-without-address'
  | 'unknown-service'
  | 'client-inside-cluster'
  | 'node-port-on-cluster-ip'
  | 'lb-address-without-lb'
  | 'health-check-port-misplaced'
  | 'health-check-port-missing'
  | 'cluster-ip-in-pod-network'
  | 'ip-mode-without-lb';

/** The thing a problem is about, so a screen can show it next to that thing. */
export interface ProblemRef {
  readonly kind: 'cluster' | 'client' | 'node' | 'pod' | 'service' | 'ingress';
  /** The node's, pod's, Service's or Ingress's id; empty for the cluster and the client. */
  readonly id: string;
}

export interface Problem {
  readonly code: ProblemCode;
  /** An error makes the topology unusable; a warning is worth showing but traces still run. */
  readonly severity: 'error' | 'warning';
  /** Which thing is wrong, e.g. "Pod-c" or "Service A". */
  readonly subject: string;
  readonly message: string;
  readonly ref: ProblemRef;
}

/** Checks a topology and reports every problem at once, errors first. */
export function validate(t: Topology): Problem[] {
  const problems: Problem[] = [];
  // What is being checked: each loop below sets it before checking one thing.
  let about: ProblemRef = { kind: 'client', id: '' };
  const add = (
    code: ProblemCode,
    subject: string,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ code, severity, subject, message, ref: about });

  // Every address must be written exactly as the simulator writes it, and appear
  // once. The parser forgives spaces around an address; a topology may not, or
  // every trace would show them. A bad address gets no further checks: one
  // mistake, one problem.
  const owners = new Map<string, string>();
  const claim = (ip: string, owner: string): boolean => {
    const n = ipToNumber(ip);
    if (!n.ok) {
      add('bad-address', owner, `${owner}: ${n.error}`);
      return false;
    }
    // The parser rejects leading zeros, so spaces are the only way to differ.
    const canonical = numberToIp(n.value);
    if (ip !== canonical) {
      add(
        'bad-address',
        owner,
        `${owner}: "${clipInput(String(ip))}" has spaces around it; write the address as ${canonical}`,
      );
      return false;
    }
    const other = owners.get(canonical);
    if (other) add('duplicate-ip', owner, `${owner} and ${other} both have the address ${ip}`);
    else owners.set(canonical, owner);
    return true;
  };
  // Ids are unique per kind: devices are named "node:…", "pod:…", so a pod may share a node's id.
  const uniqueIn = () => {
    const ids = new Set<string>();
    return (id: string, owner: string) => {
      if (ids.has(id))
        add('duplicate-id', owner, `${owner}: the id "${clipInput(id)}" is used twice`);
      ids.add(id);
    };
  };
  const uniqueNodeId = uniqueIn();
  const uniquePodId = uniqueIn();
  const uniqueServiceId = uniqueIn();
  const uniqueIngressId = uniqueIn();

  if (claim(t.client.ip, t.client.name) && cidrContains(t.clusterCidr, t.client.ip))
    add(
      'client-inside-cluster',
      t.client.name,
      `${t.client.name} ${t.client.ip} is inside the cluster range ${t.clusterCidr.text}: a client is outside the cluster`,
    );

  t.nodes.forEach((node, i) => {
    about = { kind: 'node', id: node.id };
    uniqueNodeId(node.id, node.name);
    if (claim(node.ip, node.name) && cidrContains(t.clusterCidr, node.ip))
      add(
        'node-ip-in-cluster',
        node.name,
        `${node.name}'s IP ${node.ip} is inside the pod network ${t.clusterCidr.text}`,
      );
    if (!cidrsOverlap(t.clusterCidr, node.podCidr) || node.podCidr.prefix < t.clusterCidr.prefix)
      add(
        'pod-range-outside-cluster',
        node.name,
        `${node.name}'s pod range ${node.podCidr.text} is not inside the cluster range ${t.clusterCidr.text}`,
      );
    for (const other of t.nodes.slice(0, i))
      if (cidrsOverlap(other.podCidr, node.podCidr))
        add(
          'pod-ranges-overlap',
          node.name,
          `${node.name}'s pod range ${node.podCidr.text} overlaps ${other.name}'s ${other.podCidr.text}`,
        );
  });

  for (const pod of t.pods) {
    about = { kind: 'pod', id: pod.id };
    uniquePodId(pod.id, pod.name);
    const wellFormed = claim(pod.ip, `${pod.name} (${pod.id})`);
    const node = t.nodes.find((n) => n.id === pod.node);
    if (!node) {
      add(
        'pod-on-unknown-node',
        pod.name,
        `${pod.name} is on "${clipInput(pod.node)}", which is not a node of this cluster`,
      );
      continue;
    }
    if (!wellFormed) continue;
    if (!cidrContains(node.podCidr, pod.ip)) {
      add(
        'pod-ip-outside-range',
        pod.name,
        `${pod.name}'s IP ${pod.ip} is outside ${node.name}'s pod range ${node.podCidr.text}`,
      );
    } else if (cidrSize(node.podCidr) >= 4) {
      const offset = (ipToNumber(pod.ip) as { value: number }).value - node.podCidr.base;
      if (offset === 0 || offset === cidrSize(node.podCidr) - 1)
        add(
          'pod-ip-reserved',
          pod.name,
          `${pod.name}'s IP ${pod.ip} is the ${offset === 0 ? 'network' : 'broadcast'} address of ${node.podCidr.text}`,
        );
    }
  }

  const nodePorts = new Map<number, string>();
  const claimNodePort = (port: number | undefined, what: string) => {
    if (port === undefined) return;
    if (!Number.isInteger(port) || port < NODE_PORT_MIN || port > NODE_PORT_MAX)
      return add(
        'node-port-out-of-range',
        what,
        `${what} ${port} is outside the NodePort range ${NODE_PORT_MIN}–${NODE_PORT_MAX}`,
      );
    const other = nodePorts.get(port);
    // Said both ways round: the one edited may be either of the two.
    if (other)
      add(
        'node-port-clash',
        what,
        `${other} and ${what} are both ${port}: a node port belongs to one Service`,
      );
    else nodePorts.set(port, what);
  };

  for (const svc of t.services) {
    about = { kind: 'service', id: svc.id };
    uniqueServiceId(svc.id, svc.name);
    // The type decides what a Service gets (as the API server enforces it).
    if (svc.nodePort !== undefined && svc.type === 'ClusterIP')
      add(
        'node-port-on-cluster-ip',
        svc.name,
        `${svc.name} is type ClusterIP, which has no node port: remove nodePort ${svc.nodePort} or make it NodePort or LoadBalancer`,
      );
    if (svc.type !== 'LoadBalancer' && (svc.vip || svc.proxyIp))
      add(
        'lb-address-without-lb',
        svc.name,
        `${svc.name} is type ${svc.type}, which gets no load balancer: only a LoadBalancer Service has a VIP or a proxy address`,
      );
    const local = svc.type === 'LoadBalancer' && svc.externalTrafficPolicy === 'Local';
    // A LoadBalancer under Cluster may keep one here: the deck flips the policy live.
    if (svc.healthCheckNodePort !== undefined && svc.type !== 'LoadBalancer')
      add(
        'health-check-port-misplaced',
        svc.name,
        `${svc.name} is type ${svc.type} but has healthCheckNodePort ${svc.healthCheckNodePort}, which Kubernetes gives only to a LoadBalancer Service with externalTrafficPolicy Local`,
      );
    if (local && svc.healthCheckNodePort === undefined)
      add(
        'health-check-port-missing',
        svc.name,
        `${svc.name} is a LoadBalancer with externalTrafficPolicy Local but has no healthCheckNodePort, so its load balancer cannot ask which nodes have a pod`,
        'warning',
      );
    claimNodePort(svc.nodePort, `${svc.name}'s nodePort`);
    claimNodePort(svc.healthCheckNodePort, `${svc.name}'s healthCheckNodePort`);
    if (svc.vip) claim(svc.vip, `${svc.name}'s VIP`);
    if (svc.proxyIp) claim(svc.proxyIp, `${svc.name}'s proxy`);
    // A cluster IP comes from the service range, which the API server keeps apart
    // from the pod network (--service-cluster-ip-range); the explorer takes any
    // address outside the pod network that no node, pod or other Service has.
    if (svc.clusterIp !== undefined) {
      const what = `${svc.name}'s cluster IP`;
      if (claim(svc.clusterIp, what) && cidrContains(t.clusterCidr, svc.clusterIp))
        add(
          'cluster-ip-in-pod-network',
          svc.name,
          `${what} ${svc.clusterIp} is inside the pod network ${t.clusterCidr.text}: a cluster IP comes from the service range, apart from pods and nodes`,
        );
    }
    if (svc.lbPrivateIp !== undefined)
      claim(svc.lbPrivateIp, `${svc.name}'s load balancer private address`);
    if (svc.ipMode !== undefined && svc.type !== 'LoadBalancer')
      add(
        'ip-mode-without-lb',
        svc.name,
        `${svc.name} is type ${svc.type}: ipMode ${svc.ipMode} belongs to a load balancer's address, so it changes nothing`,
        'warning',
      );
    if (svc.type === 'LoadBalancer' && !svc.vip && !svc.proxyIp)
      add(
        'lb-without-address',
        svc.name,
        `${svc.name} is type LoadBalancer but has neither a VIP nor a proxy address`,
      );
    if (Object.keys(svc.selector).length === 0)
      add('empty-selector', svc.name, `${svc.name} has an empty selector, so it selects no pods`);
    else if (!t.pods.some((p) => selects(svc.selector, p)))
      add(
        'selector-matches-nothing',
        svc.name,
        `${svc.name}'s selector ${Object.entries(svc.selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')} matches no pod`,
        'warning',
      );
  }

  for (const ing of t.ingresses) {
    about = { kind: 'ingress', id: ing.id };
    uniqueIngressId(ing.id, `Ingress ${ing.name}`);
    for (const ref of [ing.backend, ing.proxyService])
      if (ref !== undefined && !t.services.some((s) => s.id === ref))
        add(
          'unknown-service',
          `Ingress ${ing.name}`,
          `Ingress ${ing.name} names the Service "${ref}", which does not exist`,
        );
  }

  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
