import { NOTES } from './notes';
import { SINCE_NOTES, SINCE_SOURCES } from './since/notes';

/**
 * Notes for the steps beyond the talk (the X-Forwarded-For header shown after
 * slides 92 and 101, and the hypothetical 3b and 4d drawn as extra steps of
 * slides 62 and 124), by "slide/step".
 */
export const STEP_NOTES: Readonly<Record<string, string>> = {
  '92/1':
    'Back to the last hop with the header shown: Src: node1, Dst: pod:pod-port, and lower on the ' +
    'card X-Forwarded-For: client, 1.2.3.4. The proxy wrote it into the request, so neither its ' +
    'own new connection nor Node1’s SNAT could take it away.',
  '101/1':
    'The 4b hop again with the header shown: Src: proxy, Dst: pod:pod-port, and X-Forwarded-For: ' +
    'client. One hop, and the client’s address reaches Pod-a inside the request.',
  '62/1':
    'What 3b would look like, first hop: Src: client, Dst: VIP:service-port, so 1.2.3.4 sends ' +
    'to the VIP at 203.0.113.10:80. So far it is 3a: the balancer receives the packet untouched.',
  '62/2':
    'The difference: the balancer sends straight to Pod-c. Src: client, Dst: pod:pod-port, so ' +
    'the balancer itself did the DNAT to 10.0.2.1:8080 and no node rewrote the packet: Node2 ' +
    'only routes it to its pod. The pod sees the client and no node passes it to another; it ' +
    'needs a balancer that can reach pod IPs, which nobody offered in 2020.',
  '124/1':
    'What 4d would look like, first hop: Src: client, Dst: VIP:service-port, to Ingress A’s own ' +
    'VIP at 203.0.113.21:80. Every Ingress gets a balancer and proxies of its own.',
  '124/2':
    'The VIP-like balancer hands the packet to Node1 unchanged: Src: client, Dst: ' +
    'VIP:service-port. From here on it is 4c.1, but only for Ingress A.',
  '124/3':
    'Node1 does the usual kube-proxy work: DNAT to Ingress A’s proxy pod at 10.0.1.3:80 and ' +
    'SNAT to node1, so the card reads Src: node1, Dst: ingress:pod-port. Ingress B’s proxies ' +
    'never see this traffic.',
  '124/4':
    'Ingress A’s proxy ends the connection and opens a new one to Pod-c: Src: ingress, Dst: ' +
    'pod:pod-port, with X-Forwarded-For: node1, because Node1’s SNAT had already hidden the ' +
    'client. Flip to Local and X-Forwarded-For names the client.',
};

/** The speaker's note for a step: its own where it has one, else its slide's. */
export const noteFor = (slide: number, step: number): string =>
  (step > 0 ? STEP_NOTES[`${slide}/${step}`] : undefined) ??
  NOTES[slide - 1] ??
  // After the talk's notes, the section added since 2020 has its own.
  SINCE_NOTES[slide - 1 - NOTES.length] ??
  '';

/** The sources a slide added after the talk stands on, by name; none for the talk's own. */
export const sourcesFor = (slide: number): readonly string[] =>
  SINCE_SOURCES[slide - 1 - NOTES.length] ?? [];
