import { useEffect, useRef, useState } from 'react';
import { slideAt } from '../deck';
import { useInboundStore } from '../store';
import { KEYS, recall, remember } from '../ui/storage';
import {
  elapsed,
  formatElapsed,
  pauseTimer,
  readTimer,
  startOnStepForward,
  startTimer,
  TIMER_ZERO,
  watchStepsForward,
  type TimerState,
} from './timer';

/** Re-renders every quarter second while `on`, and gives the time. */
function useNow(on = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [on]);
  return now;
}

const stepsOf = (n: number) => slideAt(n).steps.length;

/**
 * Elapsed time with start/pause and reset; kept in storage, so it survives a
 * reload. It starts by itself the first time the deck steps forward, whichever
 * window of the presentation made the step (the others' moves arrive here by
 * sync), and not on load.
 */
export function Timer() {
  const store = useInboundStore();
  const [timer, setTimer] = useState<TimerState>(() => readTimer(recall(KEYS.timer), Date.now()));
  const current = useRef(timer);
  const now = useNow(timer.startedAt !== null);
  const update = (next: TimerState) => {
    current.current = next;
    setTimer(next);
    remember(KEYS.timer, JSON.stringify(next));
  };
  useEffect(
    () =>
      watchStepsForward(store, stepsOf, () => {
        const next = startOnStepForward(current.current, Date.now());
        if (next === current.current) return;
        current.current = next;
        setTimer(next);
        remember(KEYS.timer, JSON.stringify(next));
      }),
    [store],
  );
  const running = timer.startedAt !== null;
  const shown = elapsed(timer, running ? Math.max(now, timer.startedAt ?? 0) : now);
  return (
    <div className="timer" role="group" aria-label="Elapsed time">
      <span className="timer-value" data-testid="elapsed" aria-live="off">
        {formatElapsed(shown)}
      </span>
      <button
        type="button"
        onClick={() =>
          update(running ? pauseTimer(timer, Date.now()) : startTimer(timer, Date.now()))
        }
      >
        {running ? 'Pause' : shown > 0 ? 'Resume' : 'Start'}
      </button>
      <button type="button" onClick={() => update(TIMER_ZERO)} disabled={!running && shown === 0}>
        Reset
      </button>
    </div>
  );
}

/** The time of day, to the minute. */
export function Clock() {
  const now = useNow();
  const text = new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <time className="clock" aria-label="Clock" dateTime={new Date(now).toISOString()}>
      {text}
    </time>
  );
}
