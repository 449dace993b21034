/**
 * What the command line reads: the files and folders it is given, each read
 * safely or refused with one line saying why. A folder is walked for `.py`
 * and `.ipynb` files, skipping what its `.gitignore` files (and those of the
 * folders above it, up to the repository's root) ignore, virtual
 * environments and tool folders. Nothing here throws on what a user passes.
 */

import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import { MAX_DOCUMENT_BYTES } from '../analysis';

export type SourceKind = 'python' | 'notebook';

type Ignore = ReturnType<typeof ignore>;

export interface SourceFile {
  /** As given, or joined to the folder given. */
  path: string;
  /** By its extension; `other` for a file named with another one (read as Python only with a python `#!` line). */
  kind: SourceKind | 'other';
}

/** A path that cannot be read, with the reason in a few words. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const PYTHON_EXTENSIONS = new Set(['.py', '.pyw', '.pyi']);
const NOTEBOOK_EXTENSION = '.ipynb';

/** Folders never walked into: version control, caches, dependencies, notebook checkpoints. */
const SKIPPED_FOLDERS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  '.ipynb_checkpoints',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'site-packages',
  'dist-packages',
]);

/** A file's kind by its extension; one without any (a script) is Python. */
function kindOf(file: string): SourceFile['kind'] {
  const ext = path.extname(file).toLowerCase();
  if (PYTHON_EXTENSIONS.has(ext) || ext === '') return 'python';
  if (ext === NOTEBOOK_EXTENSION) return 'notebook';
  return 'other';
}

/** One line for an error of the file system. */
function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EISDIR':
      return 'is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return String((e as Error).message ?? e).split('\n')[0];
  }
}

function notAFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  if (stat.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

function tooLarge(size: number): string {
  return `is ${megabytes(size)}; Shape Lens reads files up to ${megabytes(MAX_DOCUMENT_BYTES)}`;
}

/**
 * The files to read for the paths given, in order: files as they are (any
 * kind; a wrong one is refused when read), folders walked, and in their place
 * the paths that cannot be, as InputErrors (collected, not thrown).
 */
export function expandPaths(paths: string[]): Array<SourceFile | InputError> {
  const out: Array<SourceFile | InputError> = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      out.push(new InputError(p, reasonOf(e)));
      continue;
    }
    if (stat.isDirectory()) {
      const found = walk(p, out);
      if (found === 0) out.push(new InputError(p, 'no .py or .ipynb file in this folder (after .gitignore)'));
    } else {
      out.push({ path: p, kind: kindOf(p) });
    }
  }
  return out;
}

/** A folder's ignore rules, with the folder they are relative to. */
interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

function readIgnoreFile(dir: string, name: string): IgnoreLevel | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    // Git matches case-sensitively where the file system is (core.ignorecase).
    const ignorecase = process.platform === 'darwin' || process.platform === 'win32';
    return { base: dir, rules: ignore({ ignorecase }).add(text) };
  } catch {
    return undefined;
  }
}

/** The .gitignore files of the folders above `dir`, up to the repository root (the folder holding `.git`). */
function ancestorLevels(dir: string): IgnoreLevel[] {
  const chain: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(d);
    if (parent === d) return []; // not in a repository: only the walked folders' own files count
    chain.unshift(parent);
    if (fs.existsSync(path.join(parent, '.git'))) break;
    d = parent;
  }
  const levels: IgnoreLevel[] = [];
  const exclude = readIgnoreFile(path.join(chain[0], '.git', 'info'), 'exclude');
  if (exclude) levels.push({ base: chain[0], rules: exclude.rules });
  for (const c of chain) {
    const level = readIgnoreFile(c, '.gitignore');
    if (level) levels.push(level);
  }
  return levels;
}

/** Git's answer for one path: the deepest rule that matches decides. */
function ignored(levels: IgnoreLevel[], absolute: string, isDir: boolean): boolean {
  let result = false;
  for (const { base, rules } of levels) {
    const rel = path.relative(base, absolute).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const r = rules.test(isDir ? `${rel}/` : rel);
    if (r.ignored) result = true;
    else if (r.unignored) result = false;
  }
  return result;
}

/** A virtual environment (venv, virtualenv, conda) is not the user's code. */
function isEnvironment(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'pyvenv.cfg')) || fs.existsSync(path.join(dir, 'conda-meta'));
}

/**
 * Appends the .py and .ipynb files under `root` to `out`, in path order (and
 * folders that cannot be read), without following symbolic links to folders.
 * Returns how many files it found.
 */
function walk(root: string, out: Array<SourceFile | InputError>): number {
  let found = 0;
  const start = path.resolve(root);
  const stack: Array<{ dir: string; shown: string; levels: IgnoreLevel[] }> = [
    { dir: start, shown: root, levels: ancestorLevels(start) },
  ];
  while (stack.length > 0) {
    const { dir, shown, levels: above } = stack.pop()!;
    if (isEnvironment(dir) && dir !== start) continue;
    const own = readIgnoreFile(dir, '.gitignore');
    const levels = own ? [...above, own] : above;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push(new InputError(shown, reasonOf(e)));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const rel = path.join(shown, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = fs.statSync(abs);
          isFile = s.isFile();
          isDir = false; // a linked folder may lead back up: not followed
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (SKIPPED_FOLDERS.has(e.name) || ignored(levels, abs, true)) continue;
        subdirs.push({ dir: abs, shown: rel, levels });
      } else if (isFile) {
        const ext = path.extname(e.name).toLowerCase();
        const kind = PYTHON_EXTENSIONS.has(ext) ? 'python' : ext === NOTEBOOK_EXTENSION ? 'notebook' : undefined;
        if (kind && !ignored(levels, abs, false)) {
          out.push({ path: rel, kind });
          found++;
        }
      }
    }
    // Depth first, in name order: push the folders reversed.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return found;
}

/**
 * A file's text, read without blocking (a FIFO or a device is refused, not
 * waited on) and only up to the size limit. Python source is UTF-8 unless its
 * first two lines declare another encoding (PEP 263); NUL bytes mean a binary
 * file. Throws InputError.
 */
export function readSourceText(file: SourceFile): string {
  let fd: number;
  try {
    const stat = fs.statSync(file.path);
    const why = notAFile(stat) ?? (stat.size > MAX_DOCUMENT_BYTES ? tooLarge(stat.size) : undefined);
    if (why) throw new InputError(file.path, why);
    fd = fs.openSync(file.path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(file.path, reasonOf(e));
  }
  let bytes: Buffer;
  try {
    const stat = fs.fstatSync(fd);
    const why = notAFile(stat);
    if (why) throw new InputError(file.path, why);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_DOCUMENT_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
      // The file grew past the limit while it was read.
      if (length === buffer.length) throw new InputError(file.path, tooLarge(length));
    }
    bytes = buffer.subarray(0, length);
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(file.path, reasonOf(e));
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.includes(0)) throw new InputError(file.path, 'is a binary file, not Python source or a notebook');
  const text = decode(file, bytes);
  if (file.kind === 'other' && !/^#![^\n]*\bpython/.test(text)) {
    throw new InputError(file.path, 'is not a Python file (.py) or a notebook (.ipynb)');
  }
  return text;
}

/** A Python codec name as the WHATWG Encoding standard (TextDecoder) spells it: latin_1 -> latin1, iso8859_15 -> iso-8859-15. */
function whatwgLabel(codec: string): string {
  const c = codec.toLowerCase().replace(/_/g, '-');
  if (/^(latin-?1|l1|iso-?8859-1|8859|cp819)$/.test(c)) return 'latin1';
  const iso = /^iso-?8859-(\d+)$/.exec(c);
  return iso ? `iso-8859-${iso[1]}` : c;
}

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function decode(file: SourceFile, bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return utf8.decode(bytes);
  } catch {
    // Python reads a declared encoding from the first two lines (PEP 263); notebooks are always UTF-8.
  }
  if (file.kind === 'python') {
    const head = bytes
      .subarray(0, 400)
      .toString('latin1')
      .split(/\r\n|\r|\n/)
      .slice(0, 2);
    const declared = head.map((l) => CODING.exec(l)?.[1]).find(Boolean);
    if (declared) {
      let decoder: InstanceType<typeof TextDecoder>;
      try {
        decoder = new TextDecoder(whatwgLabel(declared), { fatal: true });
      } catch {
        throw new InputError(file.path, `declares an encoding Shape Lens cannot read (${declared})`);
      }
      try {
        return decoder.decode(bytes);
      } catch {
        throw new InputError(file.path, `is not valid text in the encoding it declares (${declared})`);
      }
    }
  }
  throw new InputError(file.path, 'is not UTF-8 text (a binary file?)');
}
