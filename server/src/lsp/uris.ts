/**
 * File URIs and paths, both ways, read and written as VS Code does
 * (`vscode-uri`): the server names a `file:` document by the path the
 * analysis uses (what imports read), and the CLI's SARIF log names a file
 * outside the working folder by its URI. No URI is cut or decoded by hand.
 */

import * as path from 'path';
import { URI } from 'vscode-uri';
import { analysedPath } from './diskModules';

/**
 * The path the analysis names a `file:` URI's file by; undefined for other
 * schemes, and for a file on another host where this machine has no path for
 * it (a `\\host\share` path exists on Windows only).
 */
export function filePathOfUri(uri: string): string | undefined {
  let parsed: URI;
  try {
    parsed = URI.parse(uri, true);
  } catch {
    return undefined;
  }
  if (parsed.scheme !== 'file') return undefined;
  if (parsed.authority === 'localhost') parsed = parsed.with({ authority: '' });
  if (parsed.authority !== '' && path.sep === '/') return undefined;
  return analysedPath(parsed.fsPath);
}

/** The `file:` URI of an absolute path. */
export function fileUriOf(file: string): string {
  return URI.file(file).toString();
}
