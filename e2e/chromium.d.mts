/** The path of a usable Chromium, or undefined when the machine has none. */
export function findChromium(): string | undefined;
/** Flags for a headless Chromium on a machine with no network and no GPU. */
export const chromiumArgs: string[];
