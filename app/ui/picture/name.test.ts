import { describe, expect, it } from 'vitest';
import { pictureName } from './name';

const at = { step: 0, policy: null, switchWord: null, view: 'talk', returnHop: null } as const;

describe('a saved picture’s file name says what it shows', () => {
  it('names the slide, the step and the policy in force', () => {
    expect(pictureName({ ...at, slide: 27, policy: 'Cluster' }, 'svg')).toBe(
      'inbound-27-step0-cluster.svg',
    );
    expect(pictureName({ ...at, slide: 62, step: 2 }, 'png')).toBe('inbound-62-step2.png');
  });

  it('numbers the section after the talk as the deck does, with its switch', () => {
    expect(pictureName({ ...at, slide: 124 + 8, step: 1, switchWord: 'dsr' }, 'png')).toBe(
      'inbound-since-8-step1-dsr.png',
    );
    expect(pictureName({ ...at, slide: 124 + 2, switchWord: 'Kube Proxy!' }, 'svg')).toBe(
      'inbound-since-2-step0-kube-proxy.svg',
    );
  });

  it('says when the reply or the IP addresses are on screen', () => {
    expect(
      pictureName({ ...at, slide: 66, policy: 'Local', returnHop: 1, view: 'ip' }, 'png'),
    ).toBe('inbound-66-step0-local-reply2-ip.png');
  });
});
