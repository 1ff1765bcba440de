import { clipInput, err, ok, type Result } from '../../model';

export type Labels = Readonly<Record<string, string>>;

// Kubernetes label syntax (Labels and Selectors, "Syntax and character set"): a
// name of at most 63 characters, alphanumeric at both ends, with - _ . inside; a
// key may have a DNS subdomain prefix and a slash; a value may be empty.
const NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function checkKey(key: string): string | null {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null && (prefix.length > 253 || !PREFIX.test(prefix)))
    return `"${clipInput(prefix)}" is not a label prefix: it must be a DNS name like example.com`;
  if (!NAME.test(name))
    return `"${clipInput(name)}" is not a label key: at most 63 letters, digits, - _ or ., starting and ending with a letter or digit`;
  return null;
}

/**
 * Reads labels written as `app=a, tier=web` (commas, spaces or new lines
 * between them). Empty text is no labels.
 */
export function parseLabels(text: string): Result<Labels> {
  const out: Record<string, string> = {};
  for (const part of String(text).split(/[\s,]+/)) {
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq < 0) return err(`"${clipInput(part)}" is not a label: write it as key=value`);
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const bad = checkKey(key);
    if (bad) return err(bad);
    if (value !== '' && !NAME.test(value))
      return err(
        `"${clipInput(value)}" is not a label value: at most 63 letters, digits, - _ or ., starting and ending with a letter or digit`,
      );
    if (key in out && out[key] !== value)
      return err(`The label ${clipInput(key)} is given twice with different values`);
    out[key] = value;
  }
  return ok(out);
}

/** Labels as they are typed: `app=a, tier=web`. */
export const formatLabels = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** Whether two label sets say the same thing. */
export function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && b[k] === a[k]);
}
