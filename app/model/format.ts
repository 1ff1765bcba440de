import type { Endpoint, Packet, RejectAnswer } from './packet';

/** The talk's words ("node1:node-port") or the concrete values ("10.240.0.1:30093"). */
export type AddressView = 'talk' | 'ip';

export function endpointLabel(e: Endpoint, view: AddressView): string {
  if (view === 'talk') return e.portName ? `${e.host}:${e.portName}` : e.host;
  if (e.ip === null) return e.host;
  return e.port === null ? e.ip : `${e.ip}:${e.port}`;
}

/** The line a refusal adds to its card. */
const ANSWER_LINE: Readonly<Record<RejectAnswer, string>> = {
  'icmp-port-unreachable': 'ICMP port unreachable',
  'tcp-reset': 'TCP RST',
  'http-503': 'HTTP 503 Service Unavailable',
};

/** The lines of a packet card, as the talk draws it: "Src: client", "Dst: pod:pod-port", then headers. */
export function packetLines(p: Packet, view: AddressView): string[] {
  const lines = [`Src: ${endpointLabel(p.src, view)}`, `Dst: ${endpointLabel(p.dst, view)}`];
  if (p.answer) lines.push(ANSWER_LINE[p.answer]);
  if (p.xff && p.xff.length > 0)
    lines.push(
      `X-Forwarded-For: ${p.xff.map((h) => (view === 'talk' ? h.host : h.ip)).join(', ')}`,
    );
  if (p.proxyLine) {
    const { src, dst, version } = p.proxyLine;
    // Version 2 is binary: its card names the version and the two ends, not a text line.
    lines.push(
      view === 'talk'
        ? `PROXY${version === 2 ? ' v2' : ''} ${src.host} ${endpointLabel(dst, view)}`
        : version === 2
          ? `PROXY v2 ${endpointLabel(src, view)} → ${endpointLabel(dst, view)}`
          : `PROXY TCP4 ${src.ip} ${dst.ip} ${src.port} ${dst.port}`,
    );
  }
  return lines;
}
