import { describe, expect, it } from 'vitest';
import { MODES, type Mode } from './modes';
import { PROS_CONS } from './pros-cons';
import { talkCluster, talkVariantFor, SERVICE_A } from './talk';
import { trace } from './trace';
import type { ExternalTrafficPolicy } from './topology';
import type { Trace } from './trace-types';

// The talk's Pro/Con lists make claims the simulator can decide: how many
// hops, whether the client IP survives, whether there is SNAT, whether the
// mode needs infrastructure outside the cluster. They must agree.

function run(mode: Mode, policy: ExternalTrafficPolicy): Trace {
  const variant = talkVariantFor(mode.ingress);
  const r = trace({
    topology: talkCluster(variant),
    service: SERVICE_A,
    mode: mode.id,
    policy,
    pod: 'pod-c',
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const listed = MODES.flatMap((mode) =>
  (['Cluster', 'Local'] as const).flatMap((policy) => {
    const list = PROS_CONS[mode.id][policy];
    return list ? [{ mode, policy, list, all: [...list.pros, ...list.cons] }] : [];
  }),
);

describe('the talk’s pros and cons agree with the simulator', () => {
  it('every mode the talk lists pros and cons for is covered', () => {
    expect(listed.map((l) => `${l.mode.id}/${l.policy}`)).toEqual([
      '1/Cluster',
      '2/Cluster',
      '2/Local',
      '3a/Cluster',
      '3a/Local',
      '3c/Cluster',
      '3c/Local',
      '3d/Cluster',
      '4a/Cluster',
      '4b/Cluster',
      '4c.1/Cluster',
      '4c.2/Cluster',
      '4c.3/Cluster',
    ]);
  });

  for (const { mode, policy, list, all } of listed) {
    describe(`${mode.title} under ${policy} (slide ${list.slide})`, () => {
      const t = run(mode, policy);

      it('hop count', () => {
        if (all.includes('Two hops') || all.includes('Two hops (but less impactful)'))
          expect(t.talkHops).toBe(2);
        if (all.includes('One hop')) expect(t.talkHops).toBe(1);
        if (all.includes('Multiple hops')) expect(t.talkHops).toBeGreaterThanOrEqual(2);
      });

      it('client IP', () => {
        if (list.pros.includes('Client IP is available')) expect(t.clientIp).toBe('l3');
        if (list.cons.includes('SNAT loses client IP')) {
          expect(t.snat).toBe(true);
          expect(t.clientIp).toBe('lost');
        }
        if (list.cons.includes('Loss of client IP (has to move in-band)')) {
          expect(t.forward.some((h) => h.rewrites.some((r) => r.type === 'proxy'))).toBe(true);
          expect(t.clientIp).toBe('lost');
        }
      });

      it('infrastructure outside the cluster', () => {
        const external = mode.front === 'vip' || mode.front === 'proxy';
        if (list.pros.includes('No external infrastructure needed')) expect(external).toBe(false);
        if (list.cons.includes('Requires programmable infrastructure')) expect(external).toBe(true);
      });

      it('ports', () => {
        const firstDst = t.forward[0]!.packet.dst;
        if (list.cons.includes('Can’t use arbitrary ports'))
          expect(firstDst.portName).toBe('node-port');
        if (list.pros.includes('Can use any port you want'))
          expect(firstDst.portName).toBe('service-port');
      });
    });
  }

  it('Local removes SNAT in every mode where it applies ("Eliminates the need for SNAT")', () => {
    for (const mode of MODES.filter((m) => m.policies.includes('Local'))) {
      expect(run(mode, 'Cluster').snat, mode.id).toBe(true);
      expect(run(mode, 'Local').snat, mode.id).toBe(false);
    }
  });
});
