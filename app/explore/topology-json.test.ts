import fc from 'fast-check';
import { defaultDoc } from './from-slide';
import { describe, expect, it } from 'vitest';
import { talkCluster } from '../model';
import { docToJson, readDoc, readTopology, topologyToJson } from './topology-json';

/** The talk's cluster as a file would hold it: parsed JSON, free to change. */
const json = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(topologyToJson(talkCluster('shared-ingress'))));

/** The same JSON with one field set (a path such as "pods.3.ip"); undefined deletes it. */
function withField(path: string, value: unknown): Record<string, unknown> {
  const root = json();
  const keys = path.split('.');
  let at: Record<string, unknown> = root;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return root;
}

const refusal = (value: unknown) => {
  const r = readTopology(value);
  return r.ok ? 'accepted' : r.error;
};

describe('readTopology', () => {
  it('reads back what topologyToJson wrote, for every talk cluster', () => {
    for (const v of [
      'default',
      'imbalance',
      'shared-ingress',
      'dedicated-ingress',
      'in-cluster',
      'zones',
      'pod-a-terminating',
      'gateway',
    ] as const) {
      const t = talkCluster(v);
      expect(readTopology(JSON.parse(JSON.stringify(topologyToJson(t))))).toEqual({
        ok: true,
        value: t,
      });
    }
  });

  it.each([
    ['pods.3.ip', '10.0.2.999', 'pods[3].ip: "10.0.2.999" is not an IPv4 address: 999 is over 255'],
    ['pods.0.ip', 42, 'pods[0].ip: expected text, found number'],
    ['pods.0.id', '', 'pods[0].id: must not be empty'],
    ['pods.1.name', 'x'.repeat(300), 'pods[1].name: 300 characters is over the limit of 253'],
    ['pods.0.ready', 'yes', 'pods[0].ready: expected true or false, found string'],
    ['pods.2.terminating', 1, 'pods[2].terminating: expected true or false, found number'],
    ['pods.0.labels', ['app'], 'pods[0].labels: expected an object, found a list'],
    ['pods.0.labels.app', 5, 'pods[0].labels.app: expected text, found number'],
    ['pods.0.node', undefined, 'pods[0].node: expected text, found undefined'],
    ['pods', {}, 'pods: expected a list of pods, found an object'],
    [
      'clusterCidr',
      '10.0.0.1/16',
      'clusterCidr: "10.0.0.1/16" has host bits set: the block starts at 10.0.0.0/16',
    ],
    [
      'nodes.1.ip',
      '10.240.0',
      'nodes[1].ip: "10.240.0" is not an IPv4 address (expected four numbers like 10.0.1.1)',
    ],
    ['nodes.0.podCidr', 5, 'nodes[0].podCidr: expected text, found number'],
    ['nodes.0', null, 'nodes[0]: expected an object, found null'],
    [
      'services.0.type',
      'External',
      'services[0].type: expected one of ClusterIP, NodePort, LoadBalancer, found "External"',
    ],
    [
      'services.0.port',
      0,
      'services[0].port: 0 is not a port: a port is a whole number from 1 to 65535',
    ],
    [
      'services.1.targetPort',
      '80x',
      'services[1].targetPort: 80x is not a port: a port is a whole number from 1 to 65535',
    ],
    [
      'services.0.nodePort',
      8080,
      'services[0].nodePort: node port 8080 is outside the NodePort range 30000–32767',
    ],
    [
      'services.2.healthCheckNodePort',
      true,
      'services[2].healthCheckNodePort: expected a port number, found boolean',
    ],
    [
      'services.1.externalTrafficPolicy',
      'local',
      'services[1].externalTrafficPolicy: expected one of Cluster, Local, found "local"',
    ],
    [
      'services.0.vip',
      '1.2.3',
      'services[0].vip: "1.2.3" is not an IPv4 address (expected four numbers like 10.0.1.1)',
    ],
    ['services.0.selector', 'app=a', 'services[0].selector: expected an object, found string'],
    ['ingresses.0.backend', undefined, 'ingresses[0].backend: expected text, found undefined'],
    ['ingresses.1.proxyService', 7, 'ingresses[1].proxyService: expected text, found number'],
    [
      'client.port',
      70000,
      'client.port: 70000 is not a port: a port is a whole number from 1 to 65535',
    ],
    ['client', 'me', 'client: expected an object, found string'],
    ['nodes.0.zone', 3, 'nodes[0].zone: expected text, found number'],
    ['pods.0.serving', 'yes', 'pods[0].serving: expected true or false, found string'],
    [
      'services.0.clusterIp',
      '10.96.0.300',
      'services[0].clusterIp: "10.96.0.300" is not an IPv4 address: 300 is over 255',
    ],
    [
      'services.0.internalTrafficPolicy',
      'Node',
      'services[0].internalTrafficPolicy: expected one of Cluster, Local, found "Node"',
    ],
    [
      'services.0.trafficDistribution',
      'PreferRegion',
      'services[0].trafficDistribution: expected one of PreferClose, PreferSameZone, PreferSameNode, found "PreferRegion"',
    ],
    ['services.0.ipMode', 'vip', 'services[0].ipMode: expected one of VIP, Proxy, found "vip"'],
    [
      'services.0.lbPrivateIp',
      'nlb',
      'services[0].lbPrivateIp: "nlb" is not an IPv4 address (expected four numbers like 10.0.1.1)',
    ],
  ])('names the first bad field: %s = %j', (path, value, message) => {
    expect(refusal(withField(path, value))).toBe(message);
  });

  it('reads a port written as digits, and leaves out optional fields written as null', () => {
    const r = readTopology(withField('services.0.vip', null));
    expect(r.ok && r.value.services[0]).not.toHaveProperty('vip');
    const p = readTopology(withField('services.0.port', '8081'));
    expect(p.ok && p.value.services[0]?.port).toBe(8081);
  });

  it('refuses more nodes and pods than the explorer takes, before reading them', () => {
    expect(refusal({ ...json(), nodes: new Array(5001).fill(null) })).toBe(
      'nodes: 5,001 nodes is more than the explorer takes (5,000)',
    );
    expect(refusal({ ...json(), pods: new Array(100_001).fill(null) })).toBe(
      'pods: 100,001 pods is more than the explorer takes (100,000)',
    );
    const labels = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v']));
    expect(refusal(withField('pods.0.labels', labels))).toBe(
      'pods[0].labels: 65 labels is more than the explorer takes (64)',
    );
  });

  it('says what a non-topology is', () => {
    expect(refusal(null)).toBe('expected an object, found null');
    expect(refusal([1])).toBe('expected an object, found a list');
    expect(refusal({ apiVersion: 'v1', kind: 'List', items: [] })).toBe(
      'this looks like kubectl output, not an explorer topology: import it from kubectl instead',
    );
  });

  it('keeps a label key like __proto__ as a label', () => {
    const r = readTopology(withField('pods.0.labels', JSON.parse('{"__proto__":"x","app":"a"}')));
    expect(r.ok && Object.keys(r.value.pods[0]?.labels ?? {})).toEqual(['__proto__', 'app']);
    expect(r.ok && Object.getPrototypeOf(r.value.pods[0]?.labels)).toBe(Object.prototype);
  });

  it('never throws, whatever it is given', () => {
    const paths = [
      'clusterCidr',
      'nodes.0',
      'nodes.1.ip',
      'pods.2',
      'pods.4.labels',
      'services.1',
      'client',
    ];
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.jsonValue()),
        fc.constantFrom(...paths),
        (value, path) => {
          expect(() => readTopology(value)).not.toThrow();
          expect(() => readTopology(withField(path, value))).not.toThrow();
        },
      ),
      { seed: 20, numRuns: 500 },
    );
  });
});

describe('readDoc', () => {
  const doc = () => JSON.parse(JSON.stringify(docToJson(defaultDoc()))) as Record<string, unknown>;
  const docRefusal = (patch: Record<string, unknown>) => {
    const r = readDoc({ ...doc(), ...patch });
    return r.ok ? 'accepted' : r.error;
  };

  it('reads back a whole doc', () => {
    expect(readDoc(doc())).toEqual({ ok: true, value: defaultDoc() });
  });

  it.each([
    [{ mode: '5' }, 'mode: "5" is not one of the talk\'s modes'],
    [{ mode: 3 }, "mode: 3 is not one of the talk's modes"],
    [{ requests: 0 }, 'requests: 0 is outside 1–1,000,000'],
    [{ requests: 1_000_001 }, 'requests: 1,000,001 is outside 1–1,000,000'],
    [{ requests: 1.5 }, 'requests: expected a whole number, found number 1.5'],
    [{ seed: '1' }, 'seed: expected a whole number, found string'],
    [{ view: 'pretty' }, 'view: expected one of talk, ip, found "pretty"'],
    [{ service: undefined }, 'service: expected text, found undefined'],
    [{ entryNode: 4 }, 'entryNode: expected text, found number'],
    [
      { topology: withField('pods.3.ip', '10.0.2.999') },
      'topology.pods[3].ip: "10.0.2.999" is not an IPv4 address: 999 is over 255',
    ],
    [{ options: 'dsr' }, 'options: expected an object, found string'],
    [
      { options: { dataplane: 'ebpf' } },
      'options.dataplane: expected one of kube-proxy, dsr, ipvs-2020, found "ebpf"',
    ],
    [{ options: { turbo: true } }, 'options.turbo: is not one of the request’s switches'],
    [
      { options: { proxyProtocolVersion: 3 } },
      'options.proxyProtocolVersion: expected 1 or 2, found 3',
    ],
    [
      { options: { client: { kind: 'vm' } } },
      'options.client.kind: expected one of outside, pod, node, found "vm"',
    ],
    [
      { options: { client: { kind: 'pod', pod: 'pod-a' }, target: 'node-port' } },
      'options.target: expected one of cluster-ip, found "node-port"',
    ],
    [
      { options: { weighting: 'pods' } },
      'options.weighting: expected one of equal, by-pods, found "pods"',
    ],
  ])('names the bad field: %j', (patch, message) => {
    expect(docRefusal(patch)).toBe(message);
  });

  it('reads the request’s switches, and sends from outside when the client pod is gone', () => {
    const options = {
      client: { kind: 'pod', pod: 'pod-b' },
      target: 'cluster-ip',
      trafficDistribution: null,
      dataplane: 'dsr',
      clientIpPreservation: false,
      proxyProtocol: true,
      proxyProtocolVersion: 2,
      weighting: 'by-pods',
      ipMode: 'Proxy',
      internalPolicy: 'Local',
    };
    expect(readDoc({ ...doc(), options })).toEqual({
      ok: true,
      value: { ...defaultDoc(), options },
    });
    const gone = readDoc({
      ...doc(),
      options: { client: { kind: 'pod', pod: 'pod-z' }, target: 'cluster-ip' },
    });
    expect(gone).toEqual({ ok: true, value: defaultDoc() });
    const node = readDoc({ ...doc(), options: { client: { kind: 'node', node: 'node2' } } });
    expect(node.ok && node.value.options).toEqual({ client: { kind: 'node', node: 'node2' } });
  });

  it('opens on the first Service, and lets the load balancer choose, when they are gone', () => {
    const r = readDoc({ ...doc(), service: 'svc-gone', entryNode: 'node9' });
    expect(r.ok && [r.value.service, r.value.entryNode]).toEqual(['svc-a', null]);
    const kept = readDoc({ ...doc(), service: 'svc-b', entryNode: 'node2' });
    expect(kept.ok && [kept.value.service, kept.value.entryNode]).toEqual(['svc-b', 'node2']);
  });
});
