/**
 * The shapes of the parameters the server reads, checked before use: a client
 * that sends something else gets InvalidParams (a request) or a one-line
 * warning (a notification), never a stack trace in the log.
 */

import type { Position, Range } from 'vscode-languageserver/node';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

export function isPosition(x: unknown): x is Position {
  return isObject(x) && isCount(x.line) && isCount(x.character);
}

export function isRange(x: unknown): x is Range {
  return isObject(x) && isPosition(x.start) && isPosition(x.end);
}

/** `params.textDocument.uri`, if it is a string. */
export function documentUri(params: unknown): string | undefined {
  const doc = isObject(params) ? params.textDocument : undefined;
  return isObject(doc) && typeof doc.uri === 'string' ? doc.uri : undefined;
}

/** Why a `didOpen` cannot be applied, or undefined when it can. */
export function badOpen(params: unknown): string | undefined {
  const d = isObject(params) ? params.textDocument : undefined;
  if (!isObject(d) || typeof d.uri !== 'string') return 'no textDocument.uri';
  if (!Number.isInteger(d.version)) return `version ${JSON.stringify(d.version)} is not an integer`;
  if (typeof d.text !== 'string') return 'text is not a string';
  return undefined;
}

/** Why a `didChange` cannot be applied, or undefined when it can. */
export function badChange(params: unknown): string | undefined {
  const d = isObject(params) ? params.textDocument : undefined;
  if (!isObject(d) || typeof d.uri !== 'string') return 'no textDocument.uri';
  if (!Number.isInteger(d.version)) return `version ${JSON.stringify(d.version)} is not an integer`;
  const changes = isObject(params) ? params.contentChanges : undefined;
  if (!Array.isArray(changes)) return 'contentChanges is not a list';
  for (const c of changes) {
    if (!isObject(c) || typeof c.text !== 'string') return 'a change has no text';
    if ('range' in c && !isRange(c.range)) return 'a change has a bad range';
  }
  return undefined;
}
