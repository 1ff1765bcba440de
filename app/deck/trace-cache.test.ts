import { describe, expect, it } from 'vitest';
import { SERVICE_A, SERVICE_B } from '../model';
import { TALK_SCENES } from './scenes';
import { nodePortServicesOf, serviceRolesOf } from './trace-cache';

describe('Services by role on the talk’s diagrams', () => {
  it('the packet is for Service A; Service B is the other; the ingress proxies have theirs', () => {
    expect([...serviceRolesOf(TALK_SCENES[27]!)]).toEqual([
      [SERVICE_A, 'packet'],
      [SERVICE_B, 'other'],
    ]);
    expect(serviceRolesOf(TALK_SCENES[106]!).get('ingress-nginx')).toBe('ingress');
    expect(serviceRolesOf(TALK_SCENES[27]!)).toBe(serviceRolesOf(TALK_SCENES[26]!));
  });

  it('labels node ports only where the slide shows them (27 yes, 19 no)', () => {
    expect(nodePortServicesOf(TALK_SCENES[27]!)).toEqual([SERVICE_A, SERVICE_B]);
    expect(nodePortServicesOf(TALK_SCENES[19]!)).toEqual([]);
  });
});
