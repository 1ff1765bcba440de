import { describe, expect, it } from 'vitest';
import { exploreHashFor, formatHash, isCanonicalHash, parseHash, START } from './hash';

describe('parseHash', () => {
  it.each([
    ['', START],
    ['#/27', { ...START, slide: 27 }],
    ['#/27?etp=Local&addr=ip', { ...START, slide: 27, policyOverride: 'Local', addressView: 'ip' }],
    ['#/62/1', { ...START, slide: 62, step: 1 }],
    ['#/27?ret=1', { ...START, slide: 27, returnHop: 0 }],
    ['#/27?ret=3', { ...START, slide: 27, returnHop: 2 }],
    ['#/27?etp=local', { ...START, slide: 27, policyOverride: 'Local' }],
    // A second "?" separates parameters as "&" does: addr is read, not dropped.
    ['#/27?etp=Local?addr=ip', { ...START, slide: 27, policyOverride: 'Local', addressView: 'ip' }],
  ])('%s', (hash, location) => {
    expect(parseHash(hash)).toEqual({ location, problems: [] });
  });

  it.each([
    ['#/0', 1, /no slide 0/],
    ['#/999', 124, /no slide 999.*1 to 124.*slide 124/],
    ['#/abc', 1, /not a slide number/],
    ['#/27/x', 27, /not a step number/],
    ['#/27/5', 27, /no extra steps/],
    ['#/27?etp=Both', 27, /Cluster or Local/],
    ['#/27?ret=0', 27, /“0” is not a reply hop number \(they count from 1\)/],
    ['#/' + 'x'.repeat(10_000), 1, /too long/],
    ['#/%E0%A4%A', 1, /“%E0%A4%A” is not a slide number/],
    ['#/%E2%9C%93', 1, /“✓” is not a slide number/],
    ['#/27?etp=Lo%20cal', 27, /not “Lo cal”/],
    ['#/27?etp=%2541', 27, /not “%41”/],
    ['#/27?view=print', 27, /Ignored “view” in the link: it reads etp, addr, ret, sw and marks\./],
    ['#/27?etp=Local&zoom=2&x', 27, /Ignored “zoom”, “x” in the link/],
    ['#/' + '😀'.repeat(30), 1, /“😀{24}…” is not a slide number/u],
  ])('%s lands on slide %i and says why', (hash, slide, message) => {
    const parsed = parseHash(hash.slice(0, 20_000));
    expect(parsed.location.slide).toBe(slide);
    expect(parsed.problems.join(' ')).toMatch(message);
  });

  it('round-trips with formatHash', () => {
    for (const h of ['#/1', '#/27?etp=Local', '#/62/2?addr=ip', '#/66?etp=Local&addr=ip&ret=2']) {
      expect(formatHash(parseHash(h).location)).toBe(h);
    }
  });

  it('knows a hash it wrote itself from anything else', () => {
    for (const h of ['#/1', '#/27?etp=Local&addr=ip', '#/62/1', '#/124/4?addr=ip'])
      expect(isCanonicalHash(h), h).toBe(true);
    for (const h of [
      '//27',
      '62/1',
      '/27?view=print',
      '#//27',
      '#/27?view=print',
      '#/27?addr=ip&etp=Local',
      '#/027',
      '#/999',
      '#/27/x',
      'javascript:alert(1)',
      '',
      '#/' + '1'.repeat(400),
    ])
      expect(isCanonicalHash(h), h).toBe(false);
  });
});

describe('exploreHashFor', () => {
  it('carries the slide’s own switch when it is set: #/since/8/1?sw=dsr opens the explorer with DSR', () => {
    const { location } = parseHash('#/since/8/1?sw=dsr');
    expect(exploreHashFor(location)).toBe('#/explore?slide=132&step=1&sw=dsr');
    expect(exploreHashFor(parseHash('#/since/8/1').location)).toBe('#/explore?slide=132&step=1');
    expect(exploreHashFor(parseHash('#/27?etp=Local').location)).toBe(
      '#/explore?slide=27&etp=Local',
    );
  });
});
