import { describe, expect, it } from 'vitest';
import { parseRequests, parseSeed } from './validate';

describe('N as typed', () => {
  it.each([
    ['100000', 100_000],
    ['100,000', 100_000],
    [' 1 000 000 ', 1_000_000],
    ['1e5', 100_000],
    ['1', 1],
  ])('"%s" is %d requests', (text, n) => {
    expect(parseRequests(text)).toEqual({ n });
  });

  it.each([
    ['', 'Type how many requests to send (1 to 1,000,000)'],
    ['lots', '"lots" is not a number of requests'],
    ['-5', '"-5" is not a number of requests'],
    ['0', 'The number of requests must be from 1 to 1,000,000'],
    ['2,000,000', 'The number of requests must be from 1 to 1,000,000'],
    ['1e400', 'The number of requests must be a number'],
    ['10.5', 'The number of requests must be a whole number'],
  ])('"%s" is refused: %s', (text, error) => {
    expect(parseRequests(text)).toEqual({ error });
  });
});

describe('the seed as typed', () => {
  it('takes a whole number up to 2³² − 1', () => {
    expect(parseSeed('0')).toEqual({ seed: 0 });
    expect(parseSeed(' 4294967295 ')).toEqual({ seed: 4_294_967_295 });
  });
  it.each(['', '-1', '1.5', 'abc', '4294967296', '99999999999'])('refuses "%s"', (text) => {
    expect(parseSeed(text)).toEqual({
      error: 'The seed must be a whole number from 0 to 4,294,967,295',
    });
  });
});
