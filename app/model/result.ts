/** A value or a clear, human-readable reason why there is none. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/**
 * Unwraps a result that is known to be valid (constants written in this code).
 * Input from a person must go through the Result instead.
 */
export function expect<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Inbound internal error: ${result.error}`);
  return result.value;
}
