import { describe, expect, it } from 'vitest';
import { createInboundStore } from '../store';
import type { EmbedCommand } from './api';
import { applyCommand, stateEvent } from './apply';

const run = (...commands: EmbedCommand[]) => {
  const store = createInboundStore();
  for (const c of commands) applyCommand(store, c);
  return stateEvent(store.getState(), 'state', 0);
};

describe('applyCommand', () => {
  it('goes to a talk slide and steps on with next, as → does', () => {
    const at = run({ command: 'goto', slide: 26, step: 0 }, { command: 'next' });
    expect([at.slide, at.step, at.policy]).toEqual([27, 0, 'Cluster']);
    expect(run({ command: 'goto', slide: 27, step: 0 }, { command: 'previous' }).slide).toBe(26);
  });

  it('goes to a step of a slide after the talk, and names it as since/k', () => {
    const at = run({ command: 'goto', slide: 126, step: 1 });
    expect([at.slide, at.since, at.step, at.steps]).toEqual(['since/2', 2, 1, 3]);
    expect(at.switch).toEqual({ name: 'ipMode', value: 'vip', values: ['vip', 'proxy'] });
  });

  it('flips the policy where it applies, and puts the talk’s back', () => {
    const flipped = run(
      { command: 'goto', slide: 27, step: 0 },
      { command: 'policy', policy: 'Local' },
    );
    expect(flipped.policy).toBe('Local');
    const back = run(
      { command: 'goto', slide: 27, step: 0 },
      { command: 'policy', policy: 'Local' },
      { command: 'policy', policy: 'talk' },
    );
    expect(back.policy).toBe('Cluster');
    // A text slide has no policy: the command changes nothing there.
    expect(
      run({ command: 'goto', slide: 2, step: 0 }, { command: 'policy', policy: 'Local' }).policy,
    ).toBe(null);
  });

  it('goto shows the place as a link does: the policy and switch go, the addresses stay', () => {
    const at = run(
      { command: 'goto', slide: 126, step: 0 },
      { command: 'switch', value: 'proxy' },
      { command: 'addresses', addresses: 'ip' },
      { command: 'goto', slide: 126, step: 0 },
    );
    expect([at.switch?.value, at.addresses]).toEqual(['vip', 'ip']);
  });

  it('sets the slide’s own switch by index or word; a value it lacks changes nothing', () => {
    expect(
      run({ command: 'goto', slide: 126, step: 0 }, { command: 'switch', value: 1 }).switch?.value,
    ).toBe('proxy');
    expect(
      run({ command: 'goto', slide: 126, step: 0 }, { command: 'switch', value: 'dsr' }).switch
        ?.value,
    ).toBe('vip');
    expect(
      run({ command: 'goto', slide: 126, step: 0 }, { command: 'switch', value: 5 }).switch?.value,
    ).toBe('vip');
    expect(
      run({ command: 'goto', slide: 27, step: 0 }, { command: 'switch', value: 1 }).switch,
    ).toBe(null);
  });

  it('plays the reply from its first hop, and stops it', () => {
    expect(
      run({ command: 'goto', slide: 27, step: 0 }, { command: 'reply', play: true }).reply,
    ).toEqual({
      hop: 0,
      playing: true,
    });
    expect(
      run(
        { command: 'goto', slide: 27, step: 0 },
        { command: 'reply', play: true },
        { command: 'reply', play: false },
      ).reply,
    ).toBe(null);
    // A title slide has no packet, so no reply.
    expect(run({ command: 'reply', play: true }).reply).toBe(null);
  });
});
