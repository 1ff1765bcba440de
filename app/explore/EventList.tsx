import { memo, useEffect, useRef } from 'react';
import { describeHop, rewriteNames } from '../deck';
import { packetLines, type AddressView, type Hop, type Trace } from '../model';

interface Props {
  readonly trace: Trace;
  readonly view: AddressView;
  /** The hop on screen: the request's hops, then the reply's. */
  readonly step: number;
  readonly onGo: (step: number) => void;
}

/** The headers as they were before the device touched them: the wire before this one. */
const headersIn = (hops: readonly Hop[], i: number, view: AddressView): string[] => {
  const before = hops[i - 1];
  return before ? packetLines(before.packet, view) : [];
};

/**
 * Every hop of the request and of the reply as a row, as in Packet Tracer's
 * simulation mode: the device, the headers it received and sent, what it
 * changed and why. The row on screen is marked; any row goes there.
 */
export const EventList = memo(function EventList({ trace, view, step, onGo }: Props) {
  const current = useRef<HTMLLIElement>(null);
  // Braces: scrollIntoView returns a promise in newer browsers, and an effect may only return a cleanup.
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  const rows = [
    ...trace.forward.map((hop, i) => ({ hop, i, list: trace.forward, at: i })),
    ...trace.back.map((hop, i) => ({
      hop,
      i,
      // The reply's first hop starts from what the request delivered.
      list: [trace.forward[trace.forward.length - 1] as Hop, ...trace.back],
      at: trace.forward.length + i,
    })),
  ];
  const name = (id: string | null) => (id ? (trace.devices[id]?.name ?? id) : '—');
  return (
    <section className="explore-events" aria-label="Events">
      <p className="explore-events-intro">
        One row per hop of the request and of the reply: what each device received, what it sent,
        and why. Select a row to show that hop.
      </p>
      <ol>
        {rows.map(({ hop, i, list, at }) => {
          const reply = hop.direction === 'return';
          const inLines = reply ? headersIn(list, i + 1, view) : headersIn(list, i, view);
          const out = hop.kind === 'drop' ? ['dropped'] : packetLines(hop.packet, view);
          const here = at === step;
          const changed = rewriteNames(hop);
          return (
            <li
              key={`${hop.direction}-${hop.index}`}
              ref={here ? current : undefined}
              aria-current={here ? 'step' : undefined}
              data-kind={hop.kind}
              data-direction={hop.direction}
            >
              <button type="button" onClick={() => onGo(at)}>
                <span className="explore-events-n">{reply ? `Reply ${i + 1}` : `${i + 1}`}</span>{' '}
                {name(hop.from)} → {hop.to ? name(hop.to) : '✕'}
                {changed && <span className="explore-events-changed"> · {changed}</span>}
              </button>
              <div className="explore-events-headers">
                <div>
                  <span className="explore-events-label">In</span>
                  {inLines.length > 0 ? (
                    inLines.map((l) => <code key={l}>{l}</code>)
                  ) : (
                    <code>—</code>
                  )}
                </div>
                <div>
                  <span className="explore-events-label">Out</span>
                  {out.map((l) => (
                    <code key={l}>{l}</code>
                  ))}
                </div>
              </div>
              <p>{describeHop(trace, hop, view)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
