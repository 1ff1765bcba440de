import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommand, originAllowed, parseOrigins, type Checked } from './api';

const cmd = (fields: Record<string, unknown>) => ({
  type: 'inbound:command',
  version: 1,
  ...fields,
});
const reasonOf = (c: Checked) => (c.ok ? null : c.reason);

describe('checkCommand: the commands a host may send', () => {
  it.each([
    [cmd({ command: 'next' }), { command: 'next' }],
    [cmd({ command: 'previous' }), { command: 'previous' }],
    [cmd({ command: 'state' }), { command: 'state' }],
    [cmd({ command: 'goto', slide: 27 }), { command: 'goto', slide: 27, step: 0 }],
    [cmd({ command: 'goto', slide: 124, step: 4 }), { command: 'goto', slide: 124, step: 4 }],
    // The section after the talk is numbered on from its last slide: since/1 is the deck's 125.
    [cmd({ command: 'goto', slide: 'since/1' }), { command: 'goto', slide: 125, step: 0 }],
    [cmd({ command: 'goto', slide: 'since/8', step: 3 }), { command: 'goto', slide: 132, step: 3 }],
    [cmd({ command: 'policy', policy: 'Local' }), { command: 'policy', policy: 'Local' }],
    [cmd({ command: 'policy', policy: 'talk' }), { command: 'policy', policy: 'talk' }],
    [cmd({ command: 'addresses', addresses: 'ip' }), { command: 'addresses', addresses: 'ip' }],
    [cmd({ command: 'switch', value: 1 }), { command: 'switch', value: 1 }],
    [cmd({ command: 'switch', value: 'proxy' }), { command: 'switch', value: 'proxy' }],
    [cmd({ command: 'reply', play: true }), { command: 'reply', play: true }],
  ])('%o', (message, command) => {
    expect(checkCommand(message)).toEqual({ ok: true, command });
  });

  it('reads an object made without a prototype the same', () => {
    const bare = Object.assign(Object.create(null) as object, cmd({ command: 'next' }));
    expect(checkCommand(bare)).toEqual({ ok: true, command: { command: 'next' } });
  });
});

describe('checkCommand: everything else is refused with a reason', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'next', 'a command is an object, not “next”'],
    [
      'JSON text',
      JSON.stringify(cmd({ command: 'next' })),
      'a command is an object, not “{"type":"inbound:command…”',
    ],
    ['null', null, 'a command is an object, not null'],
    ['a list', [cmd({ command: 'next' })], 'a command is an object, not a list'],
    ['a number', 7, 'a command is an object, not number'],
    [
      'another namespace',
      { type: 'reveal', version: 1, command: 'next' },
      'type is "inbound:command", not “reveal”',
    ],
    ['no type', { version: 1, command: 'next' }, 'type is "inbound:command", not undefined'],
    ['version 2', cmd({ version: 2, command: 'next' }), 'this frame speaks version 1, not 2'],
    ['version "1"', cmd({ version: '1', command: 'next' }), 'this frame speaks version 1, not “1”'],
    [
      'no version',
      { type: 'inbound:command', command: 'next' },
      'this frame speaks version 1, not undefined',
    ],
    [
      'an unknown command',
      cmd({ command: 'eval' }),
      'no command “eval”: next, previous, goto, policy, addresses, switch, reply, state',
    ],
    [
      'an inherited command name',
      cmd({ command: 'toString' }),
      'no command “toString”: next, previous, goto, policy, addresses, switch, reply, state',
    ],
    ['an extra field', cmd({ command: 'next', times: 3 }), 'next takes no field “times”'],
    [
      'a field of another command',
      cmd({ command: 'policy', policy: 'Local', slide: 3 }),
      'policy takes no field “slide”',
    ],
    ['a missing field', cmd({ command: 'goto' }), 'goto needs slide'],
    [
      'a slide past the talk',
      cmd({ command: 'goto', slide: 125 }),
      'slide is 1 to 124 (or "since/1" to "since/12"), not 125',
    ],
    [
      'slide 0',
      cmd({ command: 'goto', slide: 0 }),
      'slide is 1 to 124 (or "since/1" to "since/12"), not 0',
    ],
    [
      'a fraction',
      cmd({ command: 'goto', slide: 2.5 }),
      'slide is 1 to 124 (or "since/1" to "since/12"), not 2.5',
    ],
    [
      'NaN',
      cmd({ command: 'goto', slide: NaN }),
      'slide is 1 to 124 (or "since/1" to "since/12"), not NaN',
    ],
    [
      'a slide as text',
      cmd({ command: 'goto', slide: '27' }),
      'slide is a number or "since/1" to "since/12", not “27”',
    ],
    [
      'a javascript: slide',
      cmd({ command: 'goto', slide: 'javascript:alert(1)' }),
      'slide is a number or "since/1" to "since/12", not “javascript:alert(1)”',
    ],
    [
      'since/13',
      cmd({ command: 'goto', slide: 'since/13' }),
      'slide is a number or "since/1" to "since/12", not “since/13”',
    ],
    [
      'a slide as an object',
      cmd({ command: 'goto', slide: { n: 27 } }),
      'slide is a number or "since/k", not object',
    ],
    [
      'a step the slide lacks',
      cmd({ command: 'goto', slide: 27, step: 1 }),
      'step on that slide is 0, not 1',
    ],
    [
      'a negative step',
      cmd({ command: 'goto', slide: 'since/2', step: -1 }),
      'step on that slide is 0 to 2, not -1',
    ],
    [
      'a step as text',
      cmd({ command: 'goto', slide: 27, step: '0' }),
      'step on that slide is 0, not “0”',
    ],
    [
      'a policy in lower case',
      cmd({ command: 'policy', policy: 'local' }),
      'policy is "Cluster", "Local" or "talk", not “local”',
    ],
    [
      'addresses as true',
      cmd({ command: 'addresses', addresses: true }),
      'addresses is "talk" or "ip", not boolean',
    ],
    [
      'a switch word with a space',
      cmd({ command: 'switch', value: 'proxy mode' }),
      'a switch value is its index 0–9 or its word (“proxy”), not “proxy mode”',
    ],
    [
      'a switch index of 10',
      cmd({ command: 'switch', value: 10 }),
      'a switch value is its index 0–9 or its word (“proxy”), not number',
    ],
    ['play as "yes"', cmd({ command: 'reply', play: 'yes' }), 'play is true or false, not “yes”'],
  ])('%s', (_, message, reason) => {
    expect(reasonOf(checkCommand(message))).toBe(reason);
  });

  it('clips a huge string in its reason, and does not choke on it', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(reasonOf(checkCommand(cmd({ command: 'goto', slide: huge })))).toBe(
      `slide is a number or "since/1" to "since/12", not “${'x'.repeat(24)}…”`,
    );
    expect(reasonOf(checkCommand(cmd({ command: huge })))).toMatch(/^no command “x{24}…”/);
    expect(reasonOf(checkCommand(cmd({ command: 'next', [huge]: 1 })))).toBe(
      `next takes no field “${'x'.repeat(24)}…”`,
    );
  });

  it('refuses prototype-pollution keys as fields, and leaves Object.prototype alone', () => {
    // JSON.parse makes "__proto__" an own field, as a structured clone from another window does.
    const viaJson = JSON.parse(
      '{"type":"inbound:command","version":1,"command":"next","__proto__":{"polluted":1}}',
    ) as unknown;
    expect(reasonOf(checkCommand(viaJson))).toBe('next takes no field “__proto__”');
    expect(reasonOf(checkCommand(cmd({ command: 'next', constructor: {} })))).toBe(
      'next takes no field “constructor”',
    );
    expect(reasonOf(checkCommand(cmd({ command: 'next', prototype: {} })))).toBe(
      'next takes no field “prototype”',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not read a type or version that is only inherited', () => {
    const inherited = Object.create(cmd({})) as Record<string, unknown>;
    inherited.command = 'next';
    expect(reasonOf(checkCommand(inherited))).toBe('a command is a plain object');
  });

  it('does not throw on an object whose fields throw when read', () => {
    const trap = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('no');
        },
      },
    );
    expect(reasonOf(checkCommand(trap))).toBe('the message could not be read');
  });

  it('never throws, and never accepts, on random garbage', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (garbage) => {
        const c = checkCommand(garbage);
        expect(c.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on commands with random field values, and accepts only what it names', () => {
    const names = fc.constantFrom(
      'next',
      'previous',
      'goto',
      'policy',
      'addresses',
      'switch',
      'reply',
      'state',
    );
    fc.assert(
      fc.property(
        names,
        fc.dictionary(
          fc.constantFrom(
            'slide',
            'step',
            'policy',
            'addresses',
            'value',
            'play',
            '__proto__',
            'x',
          ),
          fc.anything(),
        ),
        (command, fields) => {
          const c = checkCommand({ ...fields, ...cmd({ command }) });
          if (c.ok) {
            expect(c.command.command).toBe(command);
            expect(Object.keys(fields).every((k) => k !== '__proto__' && k !== 'x')).toBe(true);
          } else expect(c.reason.length).toBeLessThan(140);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseOrigins', () => {
  it('is null (any origin) when the link names none', () => {
    expect(parseOrigins('?view=embed')).toEqual({ origins: null, problems: [] });
  });
  it('reads a list of origins', () => {
    expect(parseOrigins('?view=embed&origins=https://a.example,http://127.0.0.1:8000')).toEqual({
      origins: ['https://a.example', 'http://127.0.0.1:8000'],
      problems: [],
    });
  });
  it('drops what is not an http(s) origin, and allows no one when none is left', () => {
    expect(parseOrigins('?origins=javascript:alert(1),https://a.example/path,*,null')).toEqual({
      origins: [],
      problems: [
        '“javascript:alert(1)” is not an origin such as https://talks.example',
        '“https://a.example/path” is not an origin such as https://talks.example',
        '“*” is not an origin such as https://talks.example',
        '“null” is not an origin such as https://talks.example',
      ],
    });
    expect(originAllowed('https://a.example', [])).toBe(false);
  });
  it('compares origins exactly', () => {
    const allowed = ['https://a.example'];
    expect(originAllowed('https://a.example', allowed)).toBe(true);
    expect(originAllowed('https://a.example.evil', allowed)).toBe(false);
    expect(originAllowed('http://a.example', allowed)).toBe(false);
    expect(originAllowed('https://evil.example', null)).toBe(true);
  });
});
