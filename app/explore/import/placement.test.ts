import { describe, expect, it } from 'vitest';
import { validate } from '../../model/validate';
import { importText } from './import-text';
import type { ImportSuccess } from './map';
import { covering, freeBlock, rangeForPods } from './ranges';
import { parseCidr, ipToNumber } from '../../model';

const n = (ip: string) => (ipToNumber(ip) as { value: number }).value;
const cidr = (text: string) => {
  const c = parseCidr(text);
  if (!c.ok) throw new Error(c.error);
  return c.value;
};

const node = (name: string, ip: string, podCIDR?: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {},
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pod = (name: string, nodeName: string, ip: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { nodeName, containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
});
const web = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
};

function load(items: unknown[]): ImportSuccess {
  const r = importText([
    { name: 'c.json', text: JSON.stringify({ kind: 'List', items: [...items, web] }) },
  ]);
  if (!r.ok) throw new Error(r.error);
  expect(validate(r.topology).filter((p) => p.severity === 'error')).toEqual([]);
  return r;
}
const notes = (r: ImportSuccess, kind: string, id: string) =>
  r.report.items.find((i) => i.kind === kind && i.id === id)?.notes;

describe('address blocks', () => {
  it('covers a span with the smallest block', () => {
    expect(covering(n('10.244.0.0'), n('10.244.2.255')).text).toBe('10.244.0.0/22');
    expect(covering(n('10.0.0.7'), n('10.0.0.7')).text).toBe('10.0.0.7/32');
  });

  it('tells a range from pods with none on its network or broadcast address', () => {
    expect(rangeForPods([n('10.1.0.4'), n('10.1.0.9')])?.text).toBe('10.1.0.0/28');
    // 10.1.0.4–7 alone would make .4 the network and .7 the broadcast address.
    expect(rangeForPods([n('10.1.0.4'), n('10.1.0.7')])?.text).toBe('10.1.0.0/28');
    expect(rangeForPods([])).toBeNull();
  });

  it('finds a free block, or none', () => {
    const within = cidr('10.0.0.0/22');
    expect(freeBlock(within, 24, [cidr('10.0.0.0/24'), cidr('10.0.1.0/24')], [])?.text).toBe(
      '10.0.2.0/24',
    );
    expect(freeBlock(within, 24, [cidr('10.0.0.0/23'), cidr('10.0.2.0/23')], [])).toBeNull();
  });
});

describe('placing nodes and pods', () => {
  it("derives a node's range from its pods when its podCIDR does not hold them (Calico IPAM)", () => {
    const r = load([
      node('a', '172.18.0.2', '10.244.0.0/24'),
      pod('p1', 'a', '192.168.12.66'),
      pod('p2', 'a', '192.168.12.70'),
    ]);
    expect(r.topology.nodes[0]?.podCidr.text).toBe('192.168.12.64/29');
    expect(notes(r, 'Node', 'a')).toEqual([
      "Node a's spec.podCIDR 10.244.0.0/24 does not hold its pods' addresses (its network plugin assigns its own); Inbound uses 192.168.12.64/29, the smallest range covering its 2 pods",
    ]);
  });

  it('leaves out a node whose range overlaps another', () => {
    const r = load([
      node('a', '172.18.0.2', '10.244.0.0/24'),
      node('b', '172.18.0.3', '10.244.0.0/25'),
      pod('p1', 'a', '10.244.0.5'),
    ]);
    expect(r.topology.nodes.map((x) => x.id)).toEqual(['a']);
    expect(notes(r, 'Node', 'b')).toEqual([
      "Its pod range 10.244.0.0/25 overlaps node a's 10.244.0.0/24",
    ]);
  });

  it('gives a node with no range and no pods a free block of the usual size', () => {
    const r = load([
      node('a', '172.18.0.2', '10.244.0.0/24'),
      node('b', '172.18.0.3', '10.244.2.0/24'),
      node('c', '172.18.0.4'),
      pod('p1', 'a', '10.244.0.5'),
    ]);
    expect(r.topology.nodes.map((x) => [x.id, x.podCidr.text])).toEqual([
      ['a', '10.244.0.0/24'],
      ['b', '10.244.2.0/24'],
      ['c', '10.244.1.0/24'],
    ]);
    expect(notes(r, 'Node', 'c')).toEqual([
      'Node c has no spec.podCIDR and no pods; Inbound gives it the free range 10.244.1.0/24',
    ]);
  });

  it("leaves out the node whose outlying range stretches the cluster's range over node addresses", () => {
    const r = load([
      node('a', '10.0.0.2', '10.0.4.0/24'),
      node('b', '10.0.0.3', '10.0.5.0/24'),
      node('c', '10.0.0.4'),
      pod('p1', 'a', '10.0.4.5'),
      pod('p2', 'c', '10.0.0.130'), // an address in the nodes' own subnet
    ]);
    expect(r.topology.nodes.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r.topology.clusterCidr.text).toBe('10.0.4.0/23');
    expect(notes(r, 'Node', 'c')).toEqual([
      'Node c has no spec.podCIDR; Inbound uses 10.0.0.130/32, the smallest range covering its pod',
      "Its pod range 10.0.0.130/32 stretches the cluster's range to 10.0.0.0/21, over the address of node a, node b and this node: left out so the rest can be drawn",
    ]);
    expect(notes(r, 'Pod', 'default/p2')).toEqual(['It runs on node c, which was left out']);
  });

  it("leaves out a node whose own address is inside the pods' range", () => {
    const r = load([
      node('a', '172.18.0.2', '10.0.0.0/24'),
      node('b', '10.0.1.200', '10.0.2.0/24'),
      pod('p1', 'a', '10.0.0.5'),
    ]);
    expect(r.topology.nodes.map((x) => x.id)).toEqual(['a']);
    expect(notes(r, 'Node', 'b')).toEqual([
      "Its IP 10.0.1.200 is inside the cluster's pod range 10.0.0.0/22: Inbound keeps node addresses outside the pod network",
    ]);
  });

  it('skips a pod on the network address of its range, and a second pod with the same IP', () => {
    const r = load([
      node('a', '172.18.0.2', '10.244.0.0/24'),
      pod('p0', 'a', '10.244.0.0'),
      pod('p1', 'a', '10.244.0.5'),
      pod('p2', 'a', '10.244.0.5'),
    ]);
    expect(r.topology.pods.map((p) => p.id)).toEqual(['default/p1']);
    expect(notes(r, 'Pod', 'default/p0')).toEqual([
      "Its IP 10.244.0.0 is the network address of its node's range 10.244.0.0/24",
    ]);
    expect(notes(r, 'Pod', 'default/p2')).toEqual(["Its IP 10.244.0.5 is also pod default/p1's"]);
  });

  it('moves the client off 1.2.3.4 when the cluster holds it', () => {
    const r = load([node('a', '172.18.0.2', '1.2.3.0/24'), pod('p1', 'a', '1.2.3.9')]);
    expect(r.topology.client.ip).toBe('192.0.2.1');
    expect(r.report.notes).toContain(
      '1.2.3.4 is inside the cluster or taken, so the client is the documentation address 192.0.2.1',
    );
  });

  it('reads core kinds only: a Knative Service is another kind, counted', () => {
    const r = load([
      node('a', '172.18.0.2', '10.244.0.0/24'),
      pod('p1', 'a', '10.244.0.5'),
      {
        apiVersion: 'serving.knative.dev/v1',
        kind: 'Service',
        metadata: { name: 'hello' },
        spec: {},
      },
      {
        apiVersion: 'serving.knative.dev/v1',
        kind: 'Service',
        metadata: { name: 'bye' },
        spec: {},
      },
    ]);
    expect(r.report.otherKinds).toEqual({ 'Service (serving.knative.dev/v1)': 2 });
    expect(r.report.items.find((i) => i.kind === 'Service (serving.knative.dev/v1)')).toMatchObject(
      {
        id: '2 Services (serving.knative.dev/v1)',
        outcome: 'skipped',
        count: 2,
      },
    );
  });

  it('fails with a message when no node can be drawn, or no Service', () => {
    const none = importText([
      {
        name: 'c.json',
        text: JSON.stringify({ kind: 'List', items: [pod('p', 'a', '10.0.0.5'), web] }),
      },
    ]);
    expect(none).toMatchObject({
      ok: false,
      error:
        'The dump has no Nodes Inbound can draw: run kubectl get nodes,pods,services,endpointslices -A -o json',
    });
    const noService = importText([
      {
        name: 'c.json',
        text: JSON.stringify({ kind: 'List', items: [node('a', '172.18.0.2', '10.0.0.0/24')] }),
      },
    ]);
    expect(noService).toMatchObject({
      ok: false,
      error:
        'The dump has no Services: run kubectl get nodes,pods,services,endpointslices -A -o json',
    });
    expect(noService.ok ? null : noService.report?.counts).toEqual({
      taken: 1,
      changed: 0,
      skipped: 0,
    });
  });
});
