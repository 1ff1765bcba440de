import fc from 'fast-check';
import { defaultDoc } from './from-slide';
import { describe, expect, it } from 'vitest';
import {
  MODES,
  numberToIp,
  parseCidr,
  talkCluster,
  type ClientPlace,
  type ClusterIp,
  type ClusterNode,
  type ExternalIp,
  type NodeIp,
  type NodePort,
  type Pod,
  type PodIp,
  type Port,
  type Service,
  type TalkVariant,
  type Topology,
} from '../model';
import { bigSpecArb, bigTopology } from '../scene/core/test-topologies';
import { MAX_REQUESTS, MIN_REQUESTS, type ExplorerDoc, type RequestOptions } from './doc';
import { decodeDoc, encodeDoc, encodePacked, MAX_LINK_CHARS, MESSAGES } from './link';
import { packDoc, successor } from './link-pack';
import { sampleCluster } from './sample-cluster';

const RUNS = { seed: 10, numRuns: 200 } as const;
const VARIANTS: TalkVariant[] = [
  'default',
  'pod-a-gone',
  'imbalance',
  'shared-ingress',
  'dedicated-ingress',
];

const ipArb = fc.nat({ max: 0xffffffff }).map((n): string => numberToIp(n));
const nameArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const idArb = fc.string({ minLength: 1, maxLength: 16 });
const labelsArb = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.string({ maxLength: 8 }),
  {
    maxKeys: 4,
  },
);
const nodePortArb = fc.integer({ min: 30000, max: 32767 }).map((n) => n as NodePort);
const portArb = fc.integer({ min: 1, max: 65535 }).map((n) => n as Port);

const baseArb: fc.Arbitrary<Topology> = fc.oneof(
  fc
    .record({ nodes: fc.integer({ min: 1, max: 12 }), seed: fc.nat() })
    .map(({ nodes, seed }) => sampleCluster(nodes, seed)),
  fc.constantFrom(...VARIANTS).map((v) => talkCluster(v)),
  bigSpecArb.map(bigTopology),
);

/** One change a person (or an import) could make to a cluster. */
type Edit = (t: Topology) => Topology;
const at = <T>(list: readonly T[], i: number) => list[i % Math.max(1, list.length)];
const replace = <T>(list: readonly T[], i: number, f: (x: T) => T): T[] =>
  list.map((x, k) => (k === i % Math.max(1, list.length) ? f(x) : x));

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ i: fc.nat(), name: nameArb }).map(({ i, name }): Edit => (t) => ({
    ...t,
    nodes: replace(t.nodes, i, (n) => ({ ...n, name })),
  })),
  fc
    .record({ i: fc.nat(), ip: ipArb, prefix: fc.integer({ min: 8, max: 32 }) })
    .map(({ i, ip, prefix }): Edit => (t) => {
      const block = parseCidr(`${numberToIp(0x0a000000 + i * 2 ** (32 - prefix))}/${prefix}`);
      return {
        ...t,
        nodes: replace(t.nodes, i, (n) => ({
          ...n,
          ip: ip as NodeIp,
          ...(block.ok ? { podCidr: block.value } : {}),
        })),
      };
    }),
  fc
    .record({
      i: fc.nat(),
      id: fc.option(idArb, { nil: undefined }),
      name: fc.option(nameArb, { nil: undefined }),
      ip: fc.option(ipArb, { nil: undefined }),
      node: fc.option(fc.oneof(fc.nat(), idArb), { nil: undefined }),
      labels: fc.option(labelsArb, { nil: undefined }),
      ready: fc.boolean(),
      terminating: fc.constantFrom(undefined, true, false),
    })
    .map((e): Edit => (t) => ({
      ...t,
      pods: replace(t.pods, e.i, (p): Pod => {
        const rest = { id: p.id, name: p.name, ip: p.ip, node: p.node, labels: p.labels };
        const node = typeof e.node === 'number' ? at(t.nodes, e.node)?.id : e.node;
        return {
          ...rest,
          ...(e.id !== undefined ? { id: e.id } : {}),
          ...(e.name !== undefined ? { name: e.name } : {}),
          ...(e.ip !== undefined ? { ip: e.ip as PodIp } : {}),
          ...(node !== undefined ? { node } : {}),
          ...(e.labels !== undefined ? { labels: e.labels } : {}),
          ready: e.ready,
          ...(e.terminating !== undefined ? { terminating: e.terminating } : {}),
        };
      }),
    })),
  fc
    .nat()
    .map((i): Edit => (t) => ({ ...t, pods: t.pods.filter((_, k) => k !== i % t.pods.length) })),
  fc
    .record({
      i: fc.nat(),
      type: fc.constantFrom<Service['type']>('ClusterIP', 'NodePort', 'LoadBalancer'),
      policy: fc.constantFrom('Cluster', 'Local' as const),
      selector: labelsArb,
      port: portArb,
      targetPort: portArb,
      nodePort: fc.option(nodePortArb, { nil: undefined }),
      health: fc.option(nodePortArb, { nil: undefined }),
      vip: fc.option(ipArb, { nil: undefined }),
      proxyIp: fc.option(ipArb, { nil: undefined }),
    })
    .map((e): Edit => (t) => ({
      ...t,
      services: replace(t.services, e.i, (s): Service => ({
        id: s.id,
        name: s.name,
        type: e.type,
        selector: e.selector,
        port: e.port,
        targetPort: e.targetPort,
        externalTrafficPolicy: e.policy,
        ...(e.nodePort !== undefined ? { nodePort: e.nodePort } : {}),
        ...(e.health !== undefined ? { healthCheckNodePort: e.health } : {}),
        ...(e.vip !== undefined ? { vip: e.vip as ExternalIp } : {}),
        ...(e.proxyIp !== undefined ? { proxyIp: e.proxyIp as ExternalIp } : {}),
      })),
    })),
  fc
    .record({
      id: idArb,
      name: nameArb,
      host: nameArb,
      backend: idArb,
      proxy: fc.option(idArb, { nil: undefined }),
    })
    .map((g): Edit => (t) => ({
      ...t,
      ingresses: [
        ...t.ingresses,
        {
          id: g.id,
          name: g.name,
          host: g.host,
          backend: g.backend,
          ...(g.proxy ? { proxyService: g.proxy } : {}),
        },
      ],
    })),
  fc.record({ name: nameArb, ip: ipArb, port: portArb }).map((c): Edit => (t) => ({
    ...t,
    client: { name: c.name, ip: c.ip as ExternalIp, port: c.port },
  })),
  fc.integer({ min: 8, max: 24 }).map((prefix): Edit => (t) => {
    const c = parseCidr(`10.0.0.0/${prefix}`);
    return c.ok ? { ...t, clusterCidr: c.value } : t;
  }),
  fc.constant<Edit>((t) => ({ ...t, nodes: [...t.nodes].reverse() })),
  // Since 2020: zones on nodes, serving pods, a Service's cluster IP and its new fields.
  fc
    .record({
      i: fc.nat(),
      zone: fc.option(
        nameArb.filter((z) => z.length > 0),
        { nil: undefined },
      ),
    })
    .map(({ i, zone }): Edit => (t) => ({
      ...t,
      nodes: replace(t.nodes, i, (n): ClusterNode => {
        const rest = { id: n.id, name: n.name, ip: n.ip, podCidr: n.podCidr };
        return zone === undefined ? rest : { ...rest, zone };
      }),
    })),
  fc
    .record({ i: fc.nat(), serving: fc.constantFrom(undefined, true, false) })
    .map(({ i, serving }): Edit => (t) => ({
      ...t,
      pods: replace(t.pods, i, (p): Pod => {
        const rest: { -readonly [K in keyof Pod]?: Pod[K] } = { ...p };
        delete rest.serving;
        return (serving === undefined ? rest : { ...rest, serving }) as Pod;
      }),
    })),
  fc
    .record({
      i: fc.nat(),
      clusterIp: fc.option(ipArb, { nil: undefined }),
      internal: fc.constantFrom(undefined, 'Cluster' as const, 'Local' as const),
      distribution: fc.constantFrom(
        undefined,
        'PreferClose' as const,
        'PreferSameZone' as const,
        'PreferSameNode' as const,
      ),
      ipMode: fc.constantFrom(undefined, 'VIP' as const, 'Proxy' as const),
      lbPrivateIp: fc.option(ipArb, { nil: undefined }),
    })
    .map((e): Edit => (t) => ({
      ...t,
      services: replace(t.services, e.i, (s): Service => ({
        id: s.id,
        name: s.name,
        type: s.type,
        selector: s.selector,
        port: s.port,
        targetPort: s.targetPort,
        externalTrafficPolicy: s.externalTrafficPolicy,
        ...(s.nodePort !== undefined ? { nodePort: s.nodePort } : {}),
        ...(s.vip !== undefined ? { vip: s.vip } : {}),
        ...(e.clusterIp !== undefined ? { clusterIp: e.clusterIp as ClusterIp } : {}),
        ...(e.internal !== undefined ? { internalTrafficPolicy: e.internal } : {}),
        ...(e.distribution !== undefined ? { trafficDistribution: e.distribution } : {}),
        ...(e.ipMode !== undefined ? { ipMode: e.ipMode } : {}),
        ...(e.lbPrivateIp !== undefined ? { lbPrivateIp: e.lbPrivateIp as NodeIp } : {}),
      })),
    })),
);

/** The request's since-2020 switches, any of them set (a client pod or node the cluster has). */
const optionsArb = (t: Topology): fc.Arbitrary<RequestOptions | undefined> =>
  fc
    .record(
      {
        client: fc.oneof(
          fc.nat().map((i): ClientPlace | undefined => {
            const p = at(t.pods, i);
            return p ? { kind: 'pod', pod: p.id } : undefined;
          }),
          fc.nat().map((i): ClientPlace | undefined => {
            const n = at(t.nodes, i);
            return n ? { kind: 'node', node: n.id } : undefined;
          }),
        ),
        target: fc.constant('cluster-ip' as const),
        ipMode: fc.constantFrom('VIP' as const, 'Proxy' as const),
        internalPolicy: fc.constantFrom('Cluster' as const, 'Local' as const),
        trafficDistribution: fc.constantFrom(
          null,
          'PreferClose' as const,
          'PreferSameZone' as const,
          'PreferSameNode' as const,
        ),
        dataplane: fc.constantFrom('kube-proxy' as const, 'dsr' as const, 'ipvs-2020' as const),
        clientIpPreservation: fc.boolean(),
        proxyProtocol: fc.boolean(),
        proxyProtocolVersion: fc.constantFrom(1 as const, 2 as const),
        weighting: fc.constantFrom('equal' as const, 'by-pods' as const),
      },
      { requiredKeys: [] },
    )
    .map((o): RequestOptions | undefined => {
      const out: { -readonly [K in keyof RequestOptions]?: RequestOptions[K] } = { ...o };
      if (out.client === undefined) {
        delete out.client;
        delete out.target;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    });

const docArb: fc.Arbitrary<ExplorerDoc> = fc
  .record({
    base: baseArb,
    edits: fc.array(editArb, { maxLength: 8 }),
    service: fc.nat(),
    mode: fc.constantFrom(...MODES.map((m) => m.id)),
    entry: fc.option(fc.nat(), { nil: null }),
    requests: fc.integer({ min: MIN_REQUESTS, max: MAX_REQUESTS }),
    seed: fc.oneof(fc.integer(), fc.constant(1)),
    view: fc.constantFrom('talk' as const, 'ip' as const),
  })
  .chain((g) => {
    const topology = g.edits.reduce((t, edit) => edit(t), g.base);
    return optionsArb(topology).map((options): ExplorerDoc => ({
      topology,
      service: at(topology.services, g.service)?.id ?? 'svc-a',
      mode: g.mode,
      entryNode: g.entry === null ? null : (at(topology.nodes, g.entry)?.id ?? null),
      requests: g.requests,
      seed: g.seed,
      view: g.view,
      ...(options ? { options } : {}),
    }));
  });

/** The address bar's whole text for a link, as the issue measures it. */
const urlOf = (link: string) => `http://localhost:4173/#/explore?s=${link}`;

describe('encodeDoc and decodeDoc', () => {
  it('give back an equal doc for random clusters and edits', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const link = encodeDoc(doc);
        expect(link).toMatch(/^2\.[A-Za-z0-9_-]+$/);
        const back = decodeDoc(link);
        expect(back).toEqual({ ok: true, value: doc });
      }),
      RUNS,
    );
  });

  it('give back every talk cluster exactly, pods named, on their nodes, at their addresses', () => {
    for (const variant of VARIANTS) {
      const doc: ExplorerDoc = { ...defaultDoc(), topology: talkCluster(variant) };
      expect(decodeDoc(encodeDoc(doc))).toEqual({ ok: true, value: doc });
    }
  });

  it('open links made before version 2 exactly as they opened then', () => {
    // Written by the version 1 Inbound: the talk's cluster (mode 2), slide 39's
    // cluster on 3a entering at Node2 (seed 42, N 500, addresses), a sample cluster on 3c.
    const v1 = [
      '1.hNWiUHWRy66CMBCGX-Vk1rXpQI5id7pz7dK4AGyURAHFEE3Td3emKDdx1bn1__5OLdxBW8hB76wT1u0FlBxDBhqy_HgzVTVDEDwBmyanLAYdCjiDDuiSny2LwyxuOug7ijt0Ip_FZLXPCL4YXp38VK2fqk49g-e25lZnqflbNZMW4pKME975F0RKwJUPDogeKrUkxzWNBCqUSiKGEhVdflIJl5H8R8qVXJBAR0tGtPWQlvymLeZfNF7jiBa1tM8e8mOWP97Uca1HHrZGLhoP6N0MPQQTL6Yar5lMdN_erploPj5xLM0jvpRnI9PiQrWk9yVTnjq1zxpZjWNWS36ocX9Cbe_cCw',
      '1.dV_UX4WPS24CMRBErxLV2rHa46CAdzlDlhELZ2IlIzGMA2gAWb471eazZeXqdvu9dsEBoWCL8FWqKXVtkDVrB3n6gcEGQXilHTGYENy9enqStm-0gbT93L9G8pT8mXbz0KeXjyu_IGZqEVGbf0nRvx4aaPQiK2_wx9S1NHO4E2_FOuetE2LObLnV0i4ca7HvUDu9N_uw_X3YKWuZPESbTnHMm2T7aWTv-7FpXXOZkaXX2cR_t9cL4U47hLfO4KjgjHoB',
      '1.eJ0nWHVSy26DMBD8lWrPYNlAG8KtvfVWqccqBx5uihQeDRVKhfLv3cFAsEskJNa7w8x4loF-KBmopuRjuHrzc_CoRYdKSqhtCj_0FXlA0RtOKR8aSgKPTpRI_uI2ysg65oxkjLKahY3RBmPzfI6YWT-y9KNJP_zPHWUO2Wt9POuu86PQDAILXWxIR5oQQLcE0PW5D0UA3vW5L3P98Gw-HChtOSlK2S0ii6VH33ihgEMp9-zyi6tgrHoGBzIUUigVCiWZ5pdbah-LR8VnKXbLxaGL66x1X2xdpH1Hd_c066JydJGmoxsvuuUUWX0s68uk7_ZWHuyR48e4UaMv4waV7SbYSIF7WALbmZbAKssSWHesmZBSoS9p1Z60yJuKe9lqYVvubmxztGBDDbbsDhvmG2wHvm3Fbf7Nr38',
    ];
    const docs: ExplorerDoc[] = [
      defaultDoc(),
      {
        ...defaultDoc(),
        topology: talkCluster('imbalance'),
        mode: '3a',
        entryNode: 'node2',
        seed: 42,
        requests: 500,
        view: 'ip',
      },
      { ...defaultDoc(), topology: sampleCluster(4, 7), mode: '3c' },
    ];
    v1.forEach((link, i) => {
      expect(link.startsWith('1.')).toBe(true);
      expect(decodeDoc(link)).toEqual({ ok: true, value: docs[i] });
    });
    // A version 1 link never carries the request's switches: a key written into one is not read.
    const packed = { ...packDoc(defaultDoc()), o: { dataplane: 'dsr' } };
    const old = `1.${encodePacked(packed).slice(2)}`;
    expect(decodeDoc(old)).toEqual({ ok: true, value: defaultDoc() });
    expect(decodeDoc(encodePacked(packed))).toEqual({
      ok: true,
      value: { ...defaultDoc(), options: { dataplane: 'dsr' } },
    });
  });

  it('carry the since-2020 fields and the request’s switches', () => {
    const doc: ExplorerDoc = {
      ...defaultDoc(),
      topology: talkCluster('zones'),
      service: 'svc-a',
      options: {
        client: { kind: 'pod', pod: 'client-pod' },
        target: 'cluster-ip',
        trafficDistribution: 'PreferSameZone',
        dataplane: 'dsr',
        proxyProtocol: true,
        proxyProtocolVersion: 2,
        weighting: 'by-pods',
      },
    };
    const link = encodeDoc(doc);
    expect(link.startsWith('2.')).toBe(true);
    expect(decodeDoc(link)).toEqual({ ok: true, value: doc });
    const packed = packDoc(doc) as {
      t: { n: Record<string, unknown>[]; s: Record<string, unknown>[] };
    };
    expect(packed.t.n.map((n) => n.z)).toEqual(['zone-a', 'zone-a', 'zone-b']);
    expect(packed.t.s[0]?.c).toBe('10.96.0.10');
    const terminating = { ...defaultDoc(), topology: talkCluster('pod-a-terminating') };
    expect(decodeDoc(encodeDoc(terminating))).toEqual({ ok: true, value: terminating });
  });

  it('guess the next name the way people number things', () => {
    const next = ['node9', 'Pod-a', 'pod-1-09', 'Ingress', 'pod', 'Pod-z', 'x', '', 'a1234567899'];
    expect(next.map(successor)).toEqual([
      'node10',
      'Pod-b',
      'pod-1-10',
      'Ingress',
      'pod',
      'Pod-z',
      'x',
      '',
      'a1234567900',
    ]);
  });

  it('leave out what follows from what came before', () => {
    const packed = packDoc(defaultDoc()) as { t: { n: unknown[]; p: unknown[] } };
    // Node1 and Node2 at 10.240.0.1–2 with 10.0.1.0/24 and 10.0.2.0/24: nothing to write.
    expect(packed.t.n).toEqual([{}, {}]);
    // Pod-b follows Pod-a on Node1 at the next address, ready; only its labels change.
    expect(packed.t.p[2]).toEqual({ l: 1 });
  });

  it('fit an 8-node, 30-pod cluster with the talk’s Services in a 2,000-character URL', () => {
    const t = sampleCluster(8, 4);
    expect(t.pods.length).toBeGreaterThanOrEqual(30);
    const pods = t.pods.slice(0, 30);
    const doc: ExplorerDoc = { ...defaultDoc(), topology: { ...t, pods } };
    expect(doc.topology.nodes).toHaveLength(8);
    expect(doc.topology.pods).toHaveLength(30);
    expect(doc.topology.services.map((s) => s.name)).toEqual([
      'Service A',
      'Service B',
      'ingress-nginx',
    ]);
    const url = urlOf(encodeDoc(doc));
    expect(url.length).toBeLessThanOrEqual(2000);
    expect(decodeDoc(encodeDoc(doc))).toEqual({ ok: true, value: doc });
  });

  it('fit a messy 8-node, 30-pod cluster (kubectl-style names, odd addresses) in 2,000 characters', () => {
    const random = fc.sample(
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
        minLength: 5,
        maxLength: 5,
      }),
      { seed: 3, numRuns: 60 },
    );
    const nodes: ClusterNode[] = Array.from({ length: 8 }, (_, i) => ({
      id: `gke-pool-${random[i]}`,
      name: `gke-pool-${random[i]}`,
      ip: `10.128.${i}.${17 + i * 3}` as NodeIp,
      podCidr: (parseCidr(`10.4.${i * 4}.0/22`) as { ok: true; value: ClusterNode['podCidr'] })
        .value,
    }));
    const pods: Pod[] = Array.from({ length: 30 }, (_, k) => {
      const node = nodes[k % 8] as ClusterNode;
      return {
        id: `default/web-7d4b9c8f6-${random[8 + k]}`,
        name: `web-7d4b9c8f6-${random[8 + k]}`,
        ip: numberToIp(node.podCidr.base + 2 + ((k * 7) % 50)) as string as PodIp,
        node: node.id,
        labels: (k % 3 ? { app: 'a' } : { app: 'b', tier: 'web' }) as Record<string, string>,
        ready: k % 5 !== 0,
      };
    });
    const talk = talkCluster('shared-ingress');
    const doc: ExplorerDoc = {
      ...defaultDoc(),
      topology: { ...talk, nodes, pods },
      entryNode: nodes[3]?.id ?? null,
      seed: 8123,
    };
    const url = urlOf(encodeDoc(doc));
    expect(url.length).toBeLessThanOrEqual(2000);
    expect(decodeDoc(encodeDoc(doc))).toEqual({ ok: true, value: doc });
  });
});

describe('decodeDoc on links that are not good', () => {
  const link = encodeDoc({ ...defaultDoc(), topology: sampleCluster(6, 9), mode: '3a', seed: 77 });
  const good = decodeDoc(link);
  const messages = [
    MESSAGES.notALink,
    MESSAGES.cutShort,
    MESSAGES.damaged,
    MESSAGES.tooLong,
    MESSAGES.tooBig,
  ] as string[];

  it('never throw on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: fc.constantFrom(...'ABCxyz0189-_.') }).map((s) => `1.${s}`),
          fc.base64String().map((s) => `1.${s.replace(/[+/=]/g, 'A')}`),
        ),
        (text) => {
          const r = decodeDoc(text);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('say a cut link is cut short, at every length', () => {
    expect(good.ok).toBe(true);
    for (let n = 2; n < link.length; n++) {
      const r = decodeDoc(link.slice(0, n));
      // Cutting only the padding bits after the last block still reads the same doc.
      if (r.ok) expect(r).toEqual(good);
      else expect(r.error).toBe(MESSAGES.cutShort);
    }
  });

  it('never read a link with one character changed as a different cluster', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%+ ';
    fc.assert(
      fc.property(fc.nat(link.length - 1), fc.constantFrom(...alphabet), (i, c) => {
        const changed = link.slice(0, i) + c + link.slice(i + 1);
        const r = decodeDoc(changed);
        if (r.ok) expect(r).toEqual(good);
        else expect(r.error.length).toBeGreaterThan(10);
      }),
      { seed: 12, numRuns: 1000 },
    );
  });

  it('say which newer Inbound made a link', () => {
    const r = decodeDoc(`3${link.slice(1)}`);
    expect(r).toEqual({ ok: false, error: MESSAGES.newer('3') });
    expect(MESSAGES.newer('3')).toContain('made by a newer Inbound (version 3)');
  });

  it('say a foreign or empty text is not an explorer link', () => {
    for (const text of [
      '',
      'hello',
      '0.abc',
      '01.abc',
      'v1.abc',
      '{"t":{}}',
      'https://example.com/',
    ])
      expect(decodeDoc(text)).toEqual({ ok: false, error: MESSAGES.notALink });
  });

  it('refuse a link longer than it reads, and one that unpacks past the cap', () => {
    expect(decodeDoc(`1.${'A'.repeat(MAX_LINK_CHARS)}`)).toEqual({
      ok: false,
      error: MESSAGES.tooLong,
    });
    const bomb = encodePacked({ t: 'x'.repeat(20 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(40_000);
    expect(decodeDoc(bomb)).toEqual({ ok: false, error: MESSAGES.tooBig });
  });

  it('say what is wrong with a well-made link whose cluster cannot be used', () => {
    const packed = packDoc(defaultDoc()) as { t: { p: Record<string, unknown>[] } };
    const pods = packed.t.p.map((p, i) => (i === 3 ? { ...p, a: '10.0.2.999' } : p));
    const r = decodeDoc(encodePacked({ ...packed, t: { ...packed.t, p: pods } }));
    expect(r).toEqual({
      ok: false,
      error: MESSAGES.unusable(
        'topology.pods[3].ip: "10.0.2.999" is not an IPv4 address: 999 is over 255',
      ),
    });
    expect(decodeDoc(encodePacked({ ...packed, m: '9z' }))).toEqual({
      ok: false,
      error: MESSAGES.unusable('mode: "9z" is not one of the talk\'s modes'),
    });
    expect(decodeDoc(encodePacked([1, 2, 3]))).toEqual({
      ok: false,
      error: MESSAGES.unusable('the link is not an object'),
    });
  });

  it('never throw on well-made links of any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = decodeDoc(encodePacked(value));
        expect(r.ok).toBe(false);
        if (!r.ok)
          expect(messages.includes(r.error) || r.error.startsWith('This explorer link holds')).toBe(
            true,
          );
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
