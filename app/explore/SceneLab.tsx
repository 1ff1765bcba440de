import { LazyMotion, MotionConfig } from 'framer-motion';
import { useEffect, useId, useMemo, useState } from 'react';
import { describeHop, describeOutcome } from '../deck';
import {
  findMode,
  MODES,
  SERVICE_A,
  trace,
  type AddressView,
  type ExternalTrafficPolicy,
  type ModeId,
} from '../model';
import { Diagram } from '../scene/Diagram';
import { loadMotionFeatures } from '../scene/motion';
import { Stage } from '../ui/Stage';
import { sampleCluster, SAMPLE_MAX_NODES } from './sample-cluster';
import { placeOf, sceneAt } from './stage-step';

interface LabState {
  readonly nodes: number;
  readonly seed: number;
  readonly mode: ModeId;
  readonly policy: ExternalTrafficPolicy;
  readonly view: AddressView;
  /** The hop on screen: the request's hops, then the reply's. */
  readonly step: number;
}

const whole = (text: string | null, lo: number, hi: number, fallback: number): number => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
};

/** The lab's state from a link (`?view=scene&nodes=8&seed=3&mode=2&etp=Local&addr=ip&hop=1`). */
export function readLab(search: string): LabState {
  const q = new URLSearchParams(search);
  const mode = q.get('mode');
  return {
    nodes: whole(q.get('nodes'), 1, SAMPLE_MAX_NODES, 8),
    seed: whole(q.get('seed'), 0, 1_000_000, 1),
    mode: mode && findMode(mode) ? (mode as ModeId) : '2',
    policy: q.get('etp')?.toLowerCase() === 'local' ? 'Local' : 'Cluster',
    view: q.get('addr') === 'ip' ? 'ip' : 'talk',
    step: whole(q.get('hop'), 0, 50, 0),
  };
}

const linkOf = (s: LabState) =>
  `?view=scene&nodes=${s.nodes}&seed=${s.seed}&mode=${s.mode}&etp=${s.policy}&addr=${s.view}&hop=${s.step}`;

/**
 * The scene drawing a random cluster of 1–12 nodes (the same for the same
 * seed) and one request through it, hop by hop and back: the deck's own
 * diagram, card and telling, for a cluster the talk never drew.
 */
export function SceneLab() {
  const [lab, setLab] = useState<LabState>(() => readLab(window.location.search));
  const ids = { nodes: useId(), seed: useId(), mode: useId() };
  const topology = useMemo(() => sampleCluster(lab.nodes, lab.seed), [lab.nodes, lab.seed]);
  const result = useMemo(
    () =>
      trace({ topology, service: SERVICE_A, mode: lab.mode, policy: lab.policy, seed: lab.seed }),
    [topology, lab.mode, lab.policy, lab.seed],
  );
  const t = result.ok ? result.value : null;
  const { total, at: step, forward } = placeOf(t, lab.step);
  const scene = sceneAt(lab.mode, t, lab.step);
  const hop = t ? (forward ? t.forward[step] : t.back[step - t.forward.length]) : undefined;

  useEffect(() => {
    window.history.replaceState(null, '', linkOf({ ...lab, step }));
  }, [lab, step]);
  const change = (patch: Partial<LabState>) => setLab((s) => ({ ...s, ...patch }));
  const move = (by: number) =>
    setLab((s) => ({
      ...s,
      step: Math.max(0, Math.min(total - 1, Math.min(s.step, total - 1) + by)),
    }));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'ArrowRight') move(1);
      else if (e.key === 'ArrowLeft') move(-1);
      else if (e.key === 'e' || e.key === 'E')
        setLab((s) => ({ ...s, policy: s.policy === 'Local' ? 'Cluster' : 'Local' }));
      else if (e.key === 'a' || e.key === 'A')
        setLab((s) => ({ ...s, view: s.view === 'ip' ? 'talk' : 'ip' }));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <main className="scene-lab">
          <form className="scene-lab-bar" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor={ids.nodes}>Nodes</label>
            <input
              id={ids.nodes}
              type="number"
              min={1}
              max={SAMPLE_MAX_NODES}
              value={lab.nodes}
              onChange={(e) =>
                change({ nodes: whole(e.target.value, 1, SAMPLE_MAX_NODES, lab.nodes), step: 0 })
              }
            />
            <label htmlFor={ids.seed}>Seed</label>
            <input
              id={ids.seed}
              type="number"
              min={0}
              value={lab.seed}
              onChange={(e) =>
                change({ seed: whole(e.target.value, 0, 1_000_000, lab.seed), step: 0 })
              }
            />
            <label htmlFor={ids.mode}>Mode</label>
            <select
              id={ids.mode}
              value={lab.mode}
              onChange={(e) => change({ mode: e.target.value as ModeId, step: 0 })}
            >
              {MODES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => change({ policy: lab.policy === 'Local' ? 'Cluster' : 'Local' })}
            >
              externalTrafficPolicy: {lab.policy} (E)
            </button>
            <button
              type="button"
              onClick={() => change({ view: lab.view === 'ip' ? 'talk' : 'ip' })}
            >
              {lab.view === 'ip' ? 'IP addresses' : 'Talk words'} (A)
            </button>
            <button type="button" onClick={() => move(-1)} disabled={step <= 0}>
              ← Previous hop
            </button>
            <button type="button" onClick={() => move(1)} disabled={step >= total - 1}>
              Next hop →
            </button>
          </form>
          <div className="scene-lab-stage">
            <Stage>
              <Diagram
                scene={scene}
                topology={topology}
                trace={result}
                policy={lab.policy}
                view={lab.view}
                returnHop={forward ? null : step - (t?.forward.length ?? 0)}
              />
            </Stage>
          </div>
          <p className="scene-lab-words" role="status" aria-live="polite">
            {t && hop
              ? `${forward ? 'Request' : 'Reply'}, hop ${forward ? step + 1 : step - t.forward.length + 1}: ${describeHop(t, hop, lab.view)}${step === total - 1 ? ` ${describeOutcome(t)}` : ''}`
              : result.ok
                ? describeOutcome(result.value)
                : result.error}
          </p>
        </main>
      </LazyMotion>
    </MotionConfig>
  );
}
