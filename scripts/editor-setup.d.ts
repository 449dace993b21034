/** Types for scripts/editor-setup.js (used by test/e2e/ and scripts/demo.js). */

export const CACHE: string;
export const VERSIONS: { node: string; codeServer: string; playwrightCore: string };
export const EDITOR_SETTINGS: Record<string, unknown>;

export interface CodeServerInstall {
  /** A Node 24 binary. */
  node24: string;
  /** code-server's out/node/entry.js, to run with `node24`. */
  entry: string;
}

export interface BrowserInstall {
  /** Debian's Chromium. */
  executablePath: string;
  /** The playwright-core package folder, for require(). */
  playwrightCore: string;
}

export function ensureDebPackages(pkgs: string[]): void;
export function ensureNode24(): string;
export function ensureCodeServer(): CodeServerInstall;
export function ensureBrowser(): BrowserInstall;
export function ensureAll(): CodeServerInstall & BrowserInstall & { setupMs: number };
/** Debian's Neovim, installed with apt when missing ($SHAPE_LENS_NVIM overrides): the path of nvim. */
export function ensureNeovim(): string;
export function which(cmd: string): string | undefined;

export interface CodeServer {
  port: number;
  base: string;
  pid: number;
  logFile: string;
  userDataDir: string;
  /** How long `--install-extension` took. */
  installMs: number;
  /** The address that opens the workspace with `file` (an absolute path) in an editor tab. */
  urlFor(file?: string): string;
  /** Ends code-server and everything it started (its process group). */
  stop(): Promise<void>;
  /** Why the server exited, or null while it runs. */
  exited(): string | null;
}

export function startCodeServer(opts: {
  dir: string;
  workspace: string;
  vsix: string;
  port?: number;
  settings?: Record<string, unknown>;
  codeServer?: CodeServerInstall;
  /** The display language (`--locale`). */
  locale?: string;
  /** .vsix files installed before `vsix` (a language pack). */
  extensions?: string[];
}): Promise<CodeServer>;
