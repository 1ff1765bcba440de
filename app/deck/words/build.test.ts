import { describe, expect, it } from 'vitest';
import { describeBuild } from './build';
import { topologyOf } from '../trace-cache';

describe('the build-up in words', () => {
  const talk = topologyOf('default');

  it('says what each build-up slide adds, with the talk’s addresses', () => {
    expect(describeBuild(talk, 'cluster')).toBe('The cluster, 10.0.0.0/16.');
    expect(describeBuild(talk, 'nodes')).toBe(
      'The cluster, 10.0.0.0/16. Two nodes: Node1 at 10.240.0.1 and Node2 at 10.240.0.2.',
    );
    expect(describeBuild(talk, 'ranges')).toContain(
      'Pod ranges: Node1 10.0.1.0/24 and Node2 10.0.2.0/24.',
    );
    const pods = describeBuild(talk, 'pods');
    expect(pods).toContain(
      'Pods: Pod-a 10.0.1.1 and Pod-b 10.0.1.2 on Node1; Pod-c 10.0.2.1 and Pod-d 10.0.2.2 on Node2.',
    );
    expect(pods).toContain('Service A is Pod-a and Pod-c.');
    expect(pods).toContain('Service B is Pod-b and Pod-d.');
    expect(pods).not.toContain('client');
    expect(describeBuild(talk, 'client')).toMatch(/A client at 1\.2\.3\.4, outside the cluster\.$/);
  });
});
