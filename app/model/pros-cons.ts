import type { ModeId } from './modes';

// The talk's "Pro:" / "Con:" lists, per mode, word for word. No screen reads
// them (the talk's own slides show its words); proscons.test.ts holds the
// simulator to every claim they make. Kept out of modes.ts, which every page
// loads, and not re-exported by the model's index.

/** The talk's "Pro:" / "Con:" list for a mode, word for word, with its slide. */
export interface ProsCons {
  readonly slide: number;
  readonly pros: readonly string[];
  readonly cons: readonly string[];
}

const proxyPros = ['Proxy can prevent some classes of attacks', 'Proxy can add value (e.g. TLS)'];
const ingressCons = [
  'You manage and scale the in-cluster proxies',
  'Conflicts can arise between Ingress resources (e.g. use same hostname)',
  'Multiple hops',
];

/** Each mode's lists: for Cluster, and for Local where the talk gives one. */
export const PROS_CONS: Readonly<
  Record<ModeId, { readonly Cluster?: ProsCons; readonly Local?: ProsCons }>
> = {
  '1': {
    Cluster: {
      slide: 20,
      pros: [],
      cons: [
        'Requires a fully integrated network (flat IP space)',
        'Doesn’t work well for internet traffic',
        'Requires smart clients and service discovery (pod IPs change when pods move)',
      ],
    },
  },
  '2': {
    Cluster: {
      slide: 32,
      pros: ['No external infrastructure needed'],
      cons: [
        'Can’t use arbitrary ports',
        'Clients have to pick a node (nodes can be added and removed over time)',
        'SNAT loses client IP',
        'Two hops',
      ],
    },
    Local: {
      slide: 40,
      pros: ['No external infrastructure needed', 'Client IP is available'],
      cons: [
        'Can’t use arbitrary ports',
        'Clients have to pick a node with pods',
        'Two hops (but less impactful)',
      ],
    },
  },
  '3a': {
    Cluster: {
      slide: 55,
      pros: ['Stable VIP', 'Can use any port you want'],
      cons: ['Requires programmable infrastructure', 'SNAT loses client IP', 'Two hops'],
    },
    Local: {
      slide: 60,
      pros: ['Stable VIP', 'Can use any port you want', 'Client IP is available'],
      cons: ['Requires programmable infrastructure', 'Two hops (but less impactful)'],
    },
  },
  '3b': {},
  '3c': {
    Cluster: {
      slide: 70,
      pros: ['Stable IP', 'Can use any port you want', ...proxyPros],
      cons: [
        'Requires programmable infrastructure',
        'Two hops',
        'Loss of client IP (has to move in-band)',
      ],
    },
    Local: {
      slide: 75,
      pros: ['Stable IP', 'Can use any port you want', ...proxyPros],
      cons: [
        'Requires programmable infrastructure',
        'Two hops',
        'Loss of client IP (has to move in-band)',
      ],
    },
  },
  '3d': {
    Cluster: {
      slide: 81,
      pros: ['Stable IP', 'Can use any port you want', ...proxyPros, 'One hop'],
      cons: ['Requires programmable infrastructure', 'Loss of client IP (has to move in-band)'],
    },
  },
  '4a': {
    Cluster: {
      slide: 93,
      pros: [...proxyPros, 'Can offer HTTP semantics (e.g. URL maps)'],
      cons: ['Requires programmable infrastructure', 'Two hops'],
    },
  },
  '4b': {
    Cluster: {
      slide: 102,
      pros: [...proxyPros, 'Can offer HTTP semantics (e.g. URL maps)', 'One hop'],
      cons: ['Requires programmable infrastructure'],
    },
  },
  '4c.1': {
    Cluster: {
      slide: 110,
      pros: ['Cost effective (1 VIP)', 'Proxy can add value (e.g. TLS)', 'Flexible'],
      cons: ingressCons,
    },
  },
  '4c.2': {
    Cluster: {
      slide: 116,
      pros: [
        'Cost effective (1 proxy IP)',
        'Proxy can prevent some classes of attacks',
        'Proxies can add value (e.g. TLS)',
        'Flexible',
        'External proxy can be less dynamic (just nodes)',
      ],
      cons: ingressCons,
    },
  },
  '4c.3': {
    Cluster: {
      slide: 121,
      pros: [
        'Cost effective (1 proxy IP)',
        'Proxy can prevent some classes of attacks',
        'Proxies can add value (e.g. TLS)',
        'Flexible',
      ],
      cons: ingressCons,
    },
  },
  '4d': {},
};
