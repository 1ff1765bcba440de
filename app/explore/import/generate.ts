// A big, realistic `kubectl get nodes,pods,services,endpointslices -A -o json`
// for the tests and the bench: full objects as kubectl prints them (4-space
// indented, no managedFields), the same for the same arguments.
import { seededRandom } from '../../model/random';
import { node, pod, service, slice } from './generate-objects';

const ALPHANUM = 'bcdfghjklmnpqrstvwxz2456789';

interface Shape {
  readonly nodes: number;
  readonly podsPerNode: number;
  readonly services: number;
}

/**
 * `nodes` nodes (worker-001…, 172.20.x.y, pod ranges 10.64.0.0/24…), each with
 * `podsPerNode` workload pods spread over `services` Services in four
 * namespaces, plus one kube-proxy pod per node on the host network (skipped on
 * import, as in every real dump). Services: the first is a LoadBalancer with
 * externalTrafficPolicy Local (ipMode VIP), the second a LoadBalancer behind a
 * proxy (ipMode Proxy), then NodePort and ClusterIP in turn; named targetPorts;
 * EndpointSlices of up to 100 endpoints as the controller cuts them; about 2% of
 * pods not ready.
 */
export function generateDump(
  nodes: number,
  podsPerNode: number,
  services: number,
  seed = 1,
): string {
  const shape: Shape = {
    nodes: Math.max(0, Math.floor(nodes)),
    podsPerNode: Math.max(0, Math.floor(podsPerNode)),
    services: Math.max(0, Math.floor(services)),
  };
  const random = seededRandom(seed);
  const suffix = (n: number) =>
    Array.from({ length: n }, () => ALPHANUM[Math.floor(random() * ALPHANUM.length)]).join('');
  const uid = () =>
    [8, 4, 4, 4, 12]
      .map((n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join(''))
      .join('-');
  const items: unknown[] = [];

  const nodeName = (i: number) => `worker-${String(i + 1).padStart(3, '0')}`;
  const nodeIp = (i: number) => `172.20.${Math.floor(i / 250)}.${(i % 250) + 2}`;
  const podBase = (i: number) => `10.${64 + Math.floor(i / 256)}.${i % 256}`;
  const zone = (i: number) => `europe-west1-${'bcd'[i % 3]}`;
  for (let i = 0; i < shape.nodes; i++)
    items.push(node(nodeName(i), nodeIp(i), podBase(i), zone(i), uid()));

  const svcName = (k: number) =>
    `shop-${['web', 'api', 'cart', 'search', 'auth', 'media'][k % 6]}-${k}`;
  const svcNs = (k: number) => ['storefront', 'payments', 'catalog', 'identity'][k % 4] as string;
  const members: {
    pod: string;
    ns: string;
    ip: string;
    node: number;
    ready: boolean;
    uid: string;
  }[][] = Array.from({ length: shape.services }, () => []);
  const templateHash = Array.from({ length: shape.services }, () => suffix(10));

  for (let i = 0; i < shape.nodes; i++) {
    // kube-proxy: a DaemonSet pod on the host network, as on every node.
    const proxyName = `kube-proxy-${suffix(5)}`;
    items.push(
      pod({
        name: proxyName,
        ns: 'kube-system',
        labels: {
          'k8s-app': 'kube-proxy',
          'controller-revision-hash': suffix(10),
          'pod-template-generation': '1',
        },
        node: nodeName(i),
        ip: nodeIp(i),
        hostIp: nodeIp(i),
        ready: true,
        hostNetwork: true,
        uid: uid(),
        container: { name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.33.1', ports: [] },
      }),
    );
    for (let j = 0; j < shape.podsPerNode; j++) {
      const k = shape.services ? (i * shape.podsPerNode + j) % shape.services : -1;
      const app = k >= 0 ? svcName(k) : `batch-${i}`;
      const ns = k >= 0 ? svcNs(k) : 'default';
      const name = `${app}-${k >= 0 ? templateHash[k] : suffix(10)}-${suffix(5)}`;
      const ip = `${podBase(i)}.${j + 2}`;
      const ready = random() > 0.02;
      const id = uid();
      items.push(
        pod({
          name,
          ns,
          labels: { app, 'pod-template-hash': k >= 0 ? (templateHash[k] as string) : suffix(10) },
          node: nodeName(i),
          ip,
          hostIp: nodeIp(i),
          ready,
          hostNetwork: false,
          uid: id,
          container: {
            name: 'app',
            image: `registry.example.com/${app.replace(/-\d+$/, '')}:1.${k % 7}.0`,
            ports: [
              { containerPort: 8080, name: 'http', protocol: 'TCP' },
              { containerPort: 9090, name: 'metrics', protocol: 'TCP' },
            ],
          },
        }),
      );
      if (k >= 0) members[k]?.push({ pod: name, ns, ip, node: i, ready, uid: id });
    }
  }

  for (let k = 0; k < shape.services; k++) {
    const type = k === 0 || k === 1 ? 'LoadBalancer' : k % 2 === 0 ? 'NodePort' : 'ClusterIP';
    const name = svcName(k);
    const ns = svcNs(k);
    items.push(service(name, ns, type, k, uid()));
    const list = members[k] ?? [];
    for (let start = 0; start < Math.max(1, list.length); start += 100)
      items.push(
        slice(
          name,
          ns,
          k % 3 === 1,
          list.slice(start, start + 100),
          suffix(5),
          uid(),
          nodeName,
          zone,
        ),
      );
  }

  return JSON.stringify(
    { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } },
    null,
    4,
  );
}
