/**
 * What the language server says about a document it could not analyse as it
 * is: too large to parse, or an analysis that failed (the last good answers
 * are then served, marked stale). Plain data, as every feature here.
 */

import { CODES } from './codes';
import type { Finding } from './index';
import { localize, type Locale } from './messages';

export type DocumentNote =
  /** The document is past `MAX_DOCUMENT_BYTES`: it is not parsed. */
  | { kind: 'too-large'; bytes: number; limit: number }
  /** The analysis of this version failed: the answers are those of `version`. */
  | { kind: 'stale'; version: number }
  /** The analysis failed and no earlier version had one: no answers. */
  | { kind: 'failed' };

const MB = 1024 * 1024;

/** The note as one diagnostic on the first line (hint severity, code `analysis-stopped`). */
export function noteFinding(note: DocumentNote, locale: Locale): Finding {
  const message =
    note.kind === 'too-large'
      ? localize(locale, 'diag.stopped.document-too-large', {
          size: (note.bytes / MB).toFixed(1),
          limit: (note.limit / MB).toFixed(0),
        })
      : note.kind === 'stale'
        ? localize(locale, 'diag.stopped.stale', { version: note.version })
        : localize(locale, 'diag.stopped.failed');
  const code = 'analysis-stopped';
  return { line: 1, column: 1, endLine: 1, endColumn: 1, severity: CODES[code].severity, code, message };
}

/** The tooltip of a hint served from an earlier version. */
export function staleHintTooltip(version: number, locale: Locale): string {
  return localize(locale, 'hint.stale', { version });
}
