import { describeHop, rewriteNames } from '../deck';
import { packetLines, type AddressView, type Hop, type Trace } from '../model';

interface Props {
  /** The trace to show. */
  readonly trace: Trace;
  /** Talk words or concrete addresses. */
  readonly view: AddressView;
  /** Which list of hops. */
  readonly direction: 'forward' | 'back';
}

/** Every hop of a trace as a table row: where it goes, the packet on that wire, and what changed it. */
export function TraceTable({ trace, view, direction }: Props) {
  const hops: readonly Hop[] = direction === 'forward' ? trace.forward : trace.back;
  const name = (id: string | null) => (id ? (trace.devices[id]?.name ?? id) : '—');
  return (
    <table aria-label={direction === 'forward' ? 'Forward hops' : 'Return hops'}>
      <thead>
        <tr>
          <th scope="col">Hop</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Src</th>
          <th scope="col">Dst</th>
          <th scope="col">Headers</th>
          <th scope="col">Rewrite</th>
          <th scope="col">What happens</th>
        </tr>
      </thead>
      <tbody>
        {hops.map((hop) => {
          const [src, dst, ...headers] = packetLines(hop.packet, view);
          return (
            <tr key={`${direction}-${hop.index}`} data-kind={hop.kind}>
              <td>{hop.index + 1}</td>
              <td>{name(hop.from)}</td>
              <td>{hop.to ? name(hop.to) : '✕'}</td>
              <td>{src?.replace(/^Src: /, '')}</td>
              <td>{dst?.replace(/^Dst: /, '')}</td>
              <td>{headers.join('; ')}</td>
              <td>{rewriteNames(hop)}</td>
              <td>{describeHop(trace, hop, view)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
