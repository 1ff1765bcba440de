import { describe, expect, it } from 'vitest';
import { talkCluster } from '../model';
import { shortNodeNames, shortPodName, withShortNames } from './short-names';

describe('names the stage can draw large', () => {
  it('a Deployment’s pod keeps its workload and its own suffix', () => {
    expect(shortPodName('storefront-6d8f7c9b5-2xkqp')).toBe('storefront-2xkqp');
    expect(shortPodName('checkout-84c6d9f7b4-5tq9m')).toBe('checkout-5tq9m');
    // Short names, and names of another shape, stay as they are.
    expect(shortPodName('Pod-a')).toBe('Pod-a');
    expect(shortPodName('web-0')).toBe('web-0');
    expect(shortPodName('kube-proxy-x7k2p-not-generated')).toBe('kube-proxy-x7k2p-not-generated');
  });

  it('a node pool’s nodes are told apart by their ends', () => {
    expect(
      shortNodeNames([
        'gke-shop-prod-default-pool-3f6a1c2e-7k2m',
        'gke-shop-prod-default-pool-3f6a1c2e-q9xd',
        'gke-shop-prod-default-pool-3f6a1c2e-v4tn',
      ]),
    ).toEqual(['…-7k2m', '…-q9xd', '…-v4tn']);
    // Some names are short already: all are drawn as they are.
    expect(shortNodeNames(['kind-control-plane', 'kind-worker', 'kind-worker2'])).toEqual([
      'kind-control-plane',
      'kind-worker',
      'kind-worker2',
    ]);
    expect(shortNodeNames(['Node1', 'Node2'])).toEqual(['Node1', 'Node2']);
  });

  it('the talk’s cluster is drawn as it is, the very same object', () => {
    const t = talkCluster('shared-ingress');
    expect(withShortNames(t)).toBe(t);
  });
});
