/** Types for scripts/package.js. */
export function vsixPath(): string;
export function packageVsix(opts?: { out?: string; quiet?: boolean }): string;
