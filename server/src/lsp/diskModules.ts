/**
 * The workspace modules a file imports, read from disk, for the CLI and the
 * language server (which reads open documents first). Only `.py` files
 * inside the allowed folders (the CLI's: the current folder and the analysed
 * file's; the server's: the workspace folders and the document's), regular
 * and within the size limit, are read; nothing is run.
 */

import * as fs from 'fs';
import * as path from 'path';
import { MAX_DOCUMENT_BYTES, type ModuleSourceProvider } from '../analysis';

const toSlash = (p: string) => p.split(path.sep).join('/');

/** `child` is `dir` or inside it (both absolute, resolved). */
function inside(child: string, dir: string): boolean {
  const rel = path.relative(dir, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Reads modules from disk inside `allowed` folders; absolute imports also search `roots`. */
export function diskModuleProvider(roots: string[], allowed: string[]): ModuleSourceProvider {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  };
  // Resolved at the first read: most analyses import no workspace module, and the server makes a
  // provider for each one.
  let folders: string[] | undefined;
  return {
    roots: roots.map((r) => toSlash(path.resolve(r))),
    read(file: string) {
      if (!file.endsWith('.py')) return undefined;
      folders ??= allowed.map((d) => real(path.resolve(d))).filter((d): d is string => d !== undefined);
      const at = real(path.resolve(file));
      if (!at || !folders.some((d) => inside(at, d))) return undefined;
      try {
        const st = fs.statSync(at);
        if (!st.isFile() || st.size > MAX_DOCUMENT_BYTES) return undefined;
        return { text: fs.readFileSync(at, 'utf8'), version: `${st.mtimeMs}:${st.size}` };
      } catch {
        return undefined;
      }
    },
  };
}

/** The absolute `/`-separated path the analysis names a file by. */
export function analysedPath(file: string): string {
  return toSlash(path.resolve(file));
}
