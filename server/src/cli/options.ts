/**
 * Strict option parsing for every subcommand (`node:util` parseArgs): an
 * unknown option, a missing value or a stray argument is a UsageError, with
 * the nearest known option suggested. `--` ends the options, so a file may
 * be named `--x`.
 */

import { parseArgs, type ParseArgsConfig } from 'util';

/** Bad usage: the message is printed with the command's usage, and the exit code is 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<O extends Options>(
  args: string[],
  options: O,
  usage: string,
): { values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as never, positionals };
  } catch (e) {
    throw new UsageError(describe(e as Error & { code?: string }, args, options), usage);
  }
}

function describe(e: Error & { code?: string }, args: string[], options: Options): string {
  const names = Object.keys(options).map((n) => `--${n}`);
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bad = /'([^']+)'/.exec(e.message)?.[1] ?? '';
      const name = bad.split('=')[0];
      const near = names.find((n) => distance(n, name) <= 2);
      const hint = near ? `; did you mean ${near}?` : '';
      const file = args.includes(bad) ? ` (for a file of that name: -- ${bad})` : '';
      return `unknown option ${name}${hint}${near ? '' : file}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
      return /argument missing/.test(e.message) ? `${name} needs a value` : `${name} takes no value`;
    }
    default:
      return e.message.split('\n')[0];
  }
}

/** Levenshtein distance, for suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** Checks a value against its choices. */
export function oneOf<T extends string>(name: string, value: string, choices: readonly T[], usage: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (not ${JSON.stringify(value)})`, usage);
}
