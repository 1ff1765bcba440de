import { err, ok, type Result } from '../../model';

/** A name as typed: anything but blank, without the spaces around it. */
export const parseName = (text: string): Result<string> =>
  text.trim() ? ok(text.trim()) : err('A name cannot be empty');
