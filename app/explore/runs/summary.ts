import type { Column } from './controller';
import { count, percent, requests } from './format';
import type { RunResult, Tally } from './types';

/** The most groups of pods a sentence names before it sums up the rest. */
const GROUPS_SAID = 4;

const mean = (pods: readonly Tally[], n: number) =>
  pods.reduce((s, p) => s + p.count, 0) / pods.length / Math.max(1, n);

/** Pods that should get the same share, said together: "each pod on Node2 gets 8.3%". */
function podWords(r: RunResult, nodeName: (id: string) => string): string {
  if (r.pods.length === 0) return 'no pod can serve';
  const shares = new Set(r.pods.map((p) => p.expected.toPrecision(9)));
  if (shares.size === 1 && r.pods.length > 1)
    return `each of the ${count(r.pods.length)} pods gets ${percent(mean(r.pods, r.n))}`;
  const groups = new Map<string, Tally[]>();
  for (const p of r.pods) {
    const key = `${p.node ?? ''}|${p.expected.toPrecision(9)}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const said = [...groups.values()].slice(0, GROUPS_SAID).map((g) => {
    const first = g[0] as Tally;
    return g.length === 1
      ? `${first.label} gets ${percent(first.count / Math.max(1, r.n))}`
      : `each pod on ${nodeName(first.node ?? '')} gets ${percent(mean(g, r.n))}`;
  });
  const rest = [...groups.values()].slice(GROUPS_SAID).reduce((s, g) => s + g.length, 0);
  if (rest > 0) said.push(`${rest} more pods`);
  return said.join(', ');
}

function lostWords(r: RunResult): string {
  const share = percent(r.lost.count / Math.max(1, r.n));
  if (r.lost.count === 0) return 'loses 0%';
  const how =
    r.lost.dropped === r.lost.count
      ? 'dropped'
      : r.lost.rejected === r.lost.count
        ? 'rejected'
        : 'dropped or rejected';
  return `loses ${share} (${how})`;
}

/**
 * The run in one sentence for the live region: "100,000 requests: Cluster loses
 * 0%, each of the 7 pods gets 14.3%; Local loses 0%, pod (pod-1) gets 50.0%,
 * each pod on Node2 gets 8.3%."
 */
export function summarize(columns: readonly Column[], nodeName: (id: string) => string): string {
  const first = columns[0];
  if (!first) return '';
  const parts = columns.map((c) => {
    const words = `${lostWords(c.result)}, ${podWords(c.result, nodeName)}`;
    return columns.length > 1 ? `${c.policy} ${words}` : words;
  });
  return `${requests(first.result.n)}: ${parts.join('; ')}.`;
}
