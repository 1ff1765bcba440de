import { describe, expect, it } from 'vitest';
import { exactShares, SERVICE_A, talkCluster, type ClusterIp } from '../model';
import { traceOf } from './derive';
import { withOption, type ExplorerDoc } from './doc';
import { podState, removePod, setPodState, setSinceField, setType, setZone } from './edit';
import { docOf } from './edit/test-doc';
import { runRequests } from './runs/sample';
import { switchesFor } from './since-switches';
import { createExplorerStore } from './store';

const zoned = (): ExplorerDoc => ({
  ...docOf(talkCluster('zones'), '2'),
  entryNode: null,
  options: { client: { kind: 'pod', pod: 'client-pod' }, target: 'cluster-ip' },
});

describe('the request’s since-2020 switches in the doc', () => {
  it('set, replace and take away one switch; none left is no options at all', () => {
    const doc = docOf(talkCluster('default'), '2');
    const dsr = withOption(doc, 'dataplane', 'dsr');
    expect(dsr.options).toEqual({ dataplane: 'dsr' });
    expect(withOption(dsr, 'dataplane', 'dsr')).toBe(dsr);
    const both = withOption(dsr, 'weighting', 'by-pods');
    expect(both.options).toEqual({ dataplane: 'dsr', weighting: 'by-pods' });
    const back = withOption(withOption(both, 'dataplane', undefined), 'weighting', undefined);
    expect(back).toEqual(doc);
    expect('options' in back).toBe(false);
    expect(withOption(doc, 'dataplane', undefined)).toBe(doc);
    // null is a value: trafficDistribution "not set", over a Service that sets it.
    expect(withOption(doc, 'trafficDistribution', null).options).toEqual({
      trafficDistribution: null,
    });
  });

  it('are edits: undo and redo take them back and forth, with their words', () => {
    const store = createExplorerStore(docOf(talkCluster('default'), '2'));
    store.getState().edit('dataplane dsr', (d) => withOption(d, 'dataplane', 'dsr'));
    store
      .getState()
      .edit('PROXY protocol v2', (d) =>
        withOption(withOption(d, 'proxyProtocol', true), 'proxyProtocolVersion', 2),
      );
    expect(store.getState().doc.options).toEqual({
      dataplane: 'dsr',
      proxyProtocol: true,
      proxyProtocolVersion: 2,
    });
    store.getState().undo();
    expect(store.getState().doc.options).toEqual({ dataplane: 'dsr' });
    expect(store.getState().drawn.options).toEqual({ dataplane: 'dsr' });
    expect(store.getState().said).toBe('Undone: PROXY protocol v2');
    store.getState().undo();
    expect(store.getState().doc.options).toBeUndefined();
    store.getState().redo();
    expect(store.getState().doc.options).toEqual({ dataplane: 'dsr' });
  });

  it('go on being drawn while the cluster has an error', () => {
    const store = createExplorerStore(docOf(talkCluster('default'), '2'));
    store.getState().edit('Break Pod-c', (d) => ({
      ...d,
      topology: {
        ...d.topology,
        pods: d.topology.pods.map((p) =>
          p.id === 'pod-c' ? { ...p, ip: '10.0.1.1' as never } : p,
        ),
      },
    }));
    store.getState().edit('dataplane dsr', (d) => withOption(d, 'dataplane', 'dsr'));
    const s = store.getState();
    expect(s.drawn.topology).not.toBe(s.doc.topology);
    expect(s.drawn.options).toEqual({ dataplane: 'dsr' });
  });

  it('send from outside again when the client pod is removed', () => {
    const doc = zoned();
    expect(removePod(doc, 'client-pod').options).toBeUndefined();
    expect(removePod(doc, 'pod-c').options).toEqual(doc.options);
  });
});

describe('the one request with the switches', () => {
  it('DSR on mode 2: the pod sees the client, and the reply leaves Node2 for the client', () => {
    const doc: ExplorerDoc = {
      ...docOf(talkCluster('default'), '2'),
      options: { dataplane: 'dsr' },
    };
    const plain = traceOf({ ...doc, options: undefined });
    const dsr = traceOf(doc);
    expect(plain.ok && plain.value.podSees?.ip).toBe('10.240.0.1');
    expect(dsr.ok && dsr.value.podSees?.ip).toBe('1.2.3.4');
    expect(dsr.ok && dsr.value.back.map((h) => [h.from, h.to])).toEqual([
      ['pod:pod-c', 'node:node2'],
      ['node:node2', 'client'],
    ]);
    expect(dsr.ok && dsr.value.back[1]?.packet.src).toMatchObject({
      ip: '10.240.0.1',
      port: 30093,
    });
    expect(traceOf(doc)).toBe(dsr);
  });

  it('a pod dialing the cluster IP: Client pod to 10.96.0.10:80', () => {
    const t = traceOf(zoned());
    expect(t.ok && t.value.forward[0]?.packet.dst).toMatchObject({ ip: '10.96.0.10', port: 80 });
    expect(t.ok && t.value.forward[0]?.packet.src.ip).toBe('10.0.1.1');
  });
});

describe('runs with the switches', () => {
  it('trafficDistribution moves the shares to the exact ones: PreferSameZone all to Pod-c', () => {
    const query = (o: ExplorerDoc) => ({
      topology: o.topology,
      service: o.service,
      mode: o.mode,
      ...(o.options ? { options: o.options } : {}),
    });
    const none = runRequests(query(zoned()), 3000, 1);
    const zone = runRequests(
      query(withOption(zoned(), 'trafficDistribution', 'PreferSameZone')),
      3000,
      1,
    );
    const expected = (r: typeof none) =>
      r.ok ? Object.fromEntries(r.value.pods.map((p) => [p.id, p.expected])) : null;
    expect(expected(none)).toEqual({ 'pod-c': 1 / 3, 'pod-e': 1 / 3, 'pod-f': 1 / 3 });
    expect(expected(zone)).toEqual({ 'pod-c': 1, 'pod-e': 0, 'pod-f': 0 });
    expect(zone.ok && zone.value.pods.find((p) => p.id === 'pod-c')?.count).toBe(3000);
    const exact = exactShares({
      topology: zoned().topology,
      service: SERVICE_A,
      mode: '2',
      client: { kind: 'pod', pod: 'client-pod' },
      target: 'cluster-ip',
      trafficDistribution: 'PreferSameZone',
    });
    expect(exact.ok && [...exact.value.pods.entries()]).toEqual([['pod-c', 1]]);
    expect(zone.ok && zone.value.clientIp).toEqual({
      l3: 3000,
      xff: 0,
      'proxy-protocol': 0,
      lost: 0,
    });
  });

  it('weighting by pods under Local gives each of slide 39’s pods an equal share', () => {
    const doc: ExplorerDoc = {
      ...docOf(talkCluster('imbalance'), '3a'),
      options: { weighting: 'by-pods' },
    };
    const r = runRequests(
      {
        topology: doc.topology,
        service: doc.service,
        mode: doc.mode,
        policy: 'Local',
        options: doc.options!,
      },
      7000,
      3,
    );
    expect(r.ok && r.value.pods.map((p) => p.expected)).toEqual(Array(7).fill(1 / 7));
  });
});

describe('which switches mean something', () => {
  it('mode 2 from outside: no cluster IP, no ipMode, the dataplane yes', () => {
    const why = switchesFor(docOf(talkCluster('default'), '2'));
    expect(why.client).toBeNull();
    expect(why.dataplane).toBeNull();
    expect(why.trafficDistribution).toBeNull();
    expect(why.target).toBe(
      'Only a client inside the cluster (a pod or a node’s process) can dial a cluster IP',
    );
    expect(why.ipMode).toBe(
      'ipMode belongs to a load balancer’s address: this way in has no load balancer',
    );
    expect(why.proxyProtocol).not.toBeNull();
    expect(why.clientIpPreservation).not.toBeNull();
  });

  it('3c writes PROXY lines; 3b keeps or loses the client; 3a’s load balancer weights nodes', () => {
    expect(switchesFor(docOf(talkCluster('default'), '3c')).proxyProtocol).toBeNull();
    expect(switchesFor(docOf(talkCluster('default'), '3b')).clientIpPreservation).toBeNull();
    // The Requests tab sends under Local too, so a load balancer choosing nodes weights them.
    expect(switchesFor(docOf(talkCluster('imbalance'), '3a')).weighting).toBeNull();
    expect(switchesFor(docOf(talkCluster('imbalance'), '2')).weighting).not.toBeNull();
  });

  it('a pod dialing a cluster IP: internalTrafficPolicy yes, the dataplane and ipMode no', () => {
    const why = switchesFor(zoned());
    expect(why.target).toBeNull();
    expect(why.internalPolicy).toBeNull();
    expect(why.ipMode).not.toBeNull();
    expect(why.dataplane).not.toBeNull();
  });

  it('a Service without a cluster IP says so', () => {
    const doc: ExplorerDoc = {
      ...docOf(talkCluster('default'), '2'),
      options: { client: { kind: 'pod', pod: 'pod-b' } },
    };
    expect(switchesFor(doc).target).toBe(
      'Service A has no cluster IP: give it one in the Cluster tab',
    );
  });
});

describe('editing the since-2020 fields', () => {
  it('zones: set, trimmed, and taken away with a blank', () => {
    const doc = docOf();
    const z = setZone(doc, 'node1', ' zone-a ');
    expect(z.topology.nodes[0]).toMatchObject({ id: 'node1', zone: 'zone-a' });
    expect(setZone(z, 'node1', 'zone-a')).toBe(z);
    expect('zone' in (setZone(z, 'node1', '').topology.nodes[0] ?? {})).toBe(false);
  });

  it('a pod terminating and still serving, and back to ready', () => {
    const t = setPodState(docOf(), 'pod-a', 'terminating-serving');
    const pod = t.topology.pods.find((p) => p.id === 'pod-a');
    expect(pod).toMatchObject({ ready: false, terminating: true, serving: true });
    expect(podState(pod!)).toBe('terminating-serving');
    const ready = setPodState(t, 'pod-a', 'ready').topology.pods.find((p) => p.id === 'pod-a');
    expect(ready && ['terminating' in ready, 'serving' in ready, ready.ready]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('a Service’s cluster IP and policies, set and taken away; ipMode goes with the load balancer', () => {
    const doc = docOf();
    const ip = setSinceField(doc, SERVICE_A, 'clusterIp', '10.96.0.10' as ClusterIp);
    expect(ip.topology.services[0]?.clusterIp).toBe('10.96.0.10');
    expect(setSinceField(ip, SERVICE_A, 'clusterIp', '10.96.0.10' as ClusterIp)).toBe(ip);
    const proxy = setSinceField(ip, SERVICE_A, 'ipMode', 'Proxy');
    expect(proxy.topology.services[0]?.ipMode).toBe('Proxy');
    const nodePort = setType(proxy, SERVICE_A, 'NodePort');
    expect(nodePort.topology.services[0]?.ipMode).toBeUndefined();
    expect(nodePort.topology.services[0]?.clusterIp).toBe('10.96.0.10');
    const gone = setSinceField(ip, SERVICE_A, 'clusterIp', undefined);
    expect('clusterIp' in (gone.topology.services[0] ?? {})).toBe(false);
  });
});
