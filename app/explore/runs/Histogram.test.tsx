// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SERVICE_A, syntheticCluster, talkCluster } from '../../model';
import type { Series } from './bars';
import { Histogram } from './Histogram';
import { runRequests } from './sample';

const series = (topology = talkCluster('imbalance')): Series[] =>
  (['Cluster', 'Local'] as const).map((policy) => {
    const r = runRequests({ topology, service: SERVICE_A, mode: '3a', policy }, 70_000, 1);
    if (!r.ok) throw new Error(r.error);
    return { name: policy, n: r.value.n, tallies: r.value.pods };
  });

const draw = (s: Series[], showTable = false) =>
  new DOMParser().parseFromString(
    renderToStaticMarkup(
      <Histogram title="Share per pod" kind="pod" series={s} showTable={showTable} />,
    ),
    'text/html',
  );

describe('Histogram', () => {
  it('a bar per pod and policy, named with its share and the exact one, with its tick', () => {
    const doc = draw(series());
    const bars = [...doc.querySelectorAll('g[role="img"]')];
    expect(bars).toHaveLength(14);
    const first = bars[0] as Element;
    expect(first.getAttribute('aria-label')).toMatch(
      /^pod \(pod-1\), Cluster: 14\.\d% \(expected 14\.3%\)$/,
    );
    const local = bars.find(
      (b) => b.getAttribute('data-id') === 'pod-1' && b.getAttribute('data-series') === 'Local',
    );
    expect(local?.getAttribute('aria-label')).toMatch(
      /^pod \(pod-1\), Local: (49|50)\.\d% \(expected 50\.0%\)$/,
    );
    expect(Number(local?.getAttribute('data-expected'))).toBe(0.5);
    for (const bar of bars) {
      expect(bar.querySelector('title')?.textContent).toBe(bar.getAttribute('aria-label'));
      expect(bar.querySelectorAll('rect.runs-bar')).toHaveLength(1);
      expect(bar.querySelectorAll('line.runs-expected')).toHaveLength(1);
    }
    // Ticks stand at the exact shares: 50% is six times as far along as 1/12.
    const along = (b: Element | undefined) =>
      Number(b?.querySelector('line.runs-expected')?.getAttribute('x1')) -
      Number(b?.querySelector('rect')?.getAttribute('x'));
    const small = bars.find(
      (b) => b.getAttribute('data-id') === 'pod-2' && b.getAttribute('data-series') === 'Local',
    );
    expect(along(local) / along(small)).toBeCloseTo(6, 6);
  });

  it('the same numbers as a table, with data attributes, hidden until asked for', () => {
    const hidden = draw(series());
    expect(hidden.querySelector('table')?.parentElement?.className).toBe('visually-hidden');
    const shown = draw(series(), true);
    expect(shown.querySelector('table')?.parentElement?.className).toBe('runs-table-box');
    const cells = [...shown.querySelectorAll('tr[data-pod] td[data-share]')];
    expect(cells).toHaveLength(14);
    const pod1 = shown.querySelector('tr[data-pod="pod-1"] td[data-policy="Local"]');
    expect(Number(pod1?.getAttribute('data-expected'))).toBe(0.5);
    expect(Number(pod1?.getAttribute('data-count'))).toBe(
      Math.round(Number(pod1?.getAttribute('data-share')) * 70_000),
    );
  });

  it('thousands of pods: the top 23 and "N others", which still count', () => {
    const doc = draw(series(syntheticCluster(100, 10)));
    const rows = [...doc.querySelectorAll('tr[data-pod]')];
    expect(rows).toHaveLength(24);
    const others = rows[23];
    expect(others?.getAttribute('data-pod')).toBe('others');
    expect(others?.querySelector('th')?.textContent).toBe('977 others');
    const total = [...doc.querySelectorAll('td[data-policy="Cluster"]')].reduce(
      (s, td) => s + Number(td.getAttribute('data-count')),
      0,
    );
    expect(total).toBe(70_000);
  });
});
