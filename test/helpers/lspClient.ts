/**
 * A real LSP client for tests and benchmarks: starts the bundled server
 * (`dist/server.js --stdio`) in a child process and speaks JSON-RPC to it.
 */

import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeNotebookDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseNotebookDocumentNotification,
  DidOpenNotebookDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Range,
  type Hover,
  type InlayHint,
  NotebookCellKind,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ResponseMessage,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './truth';

export class LspTestClient {
  private readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI, with the version they were computed for. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every diagnostics notification, in the order received. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Answers to the requests of `sendAtOnce`, by id. */
  private readonly rawAnswers = new Map<string, ResponseMessage>();
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  /**
   * `env`: added to the server's environment (`SHAPE_LENS_STATS=1` answers `shapeLens/stats`); `nodeFlags`:
   * Node's flags for the server (the VS Code client's are `--max-semi-space-size=64 --expose-gc`).
   */
  constructor(settings?: unknown, env: NodeJS.ProcessEnv = {}, nodeFlags: string[] = []) {
    this.child = spawn(process.execPath, [...nodeFlags, path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    const reader = new StreamMessageReader(this.child.stdout!);
    const listen = reader.listen.bind(reader);
    reader.listen = (callback) =>
      listen((m) => {
        const r = m as ResponseMessage;
        if (typeof r.id === 'string' && r.id.startsWith('at-once-')) {
          this.rawAnswers.set(r.id, r);
          for (const w of this.waiters.splice(0)) w();
        } else callback(m);
      });
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.listen();
    this.settings = settings;
  }

  private readonly settings: unknown;

  /** `locale`: the editor's display language, as VS Code sends it; `rootUri`: the workspace folder. */
  async initialize(locale?: string, rootUri: string | null = null): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      ...(locale ? { locale } : {}),
      capabilities: {},
      initializationOptions: { settings: this.settings },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'python', version, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Opens a Jupyter notebook as VS Code sends it: each cell a document of its
   * own (`NB#cellN`), markdown as markup cells, raw cells as code cells in the
   * language `raw`.
   */
  openNotebook(uri: string, cells: TestCell[], version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenNotebookDocumentNotification.type, {
      notebookDocument: {
        uri,
        notebookType: 'jupyter-notebook',
        version,
        cells: cells.map((c, i) => ({
          kind: c.kind === 'markdown' ? NotebookCellKind.Markup : NotebookCellKind.Code,
          document: cellUri(uri, i),
        })),
      },
      cellTextDocuments: cells.map((c, i) => ({
        uri: cellUri(uri, i),
        languageId: c.kind === 'code' ? 'python' : c.kind,
        version: 1,
        text: c.source,
      })),
    });
  }

  /** Replaces the text of one cell (`cellVersion` is the cell document's new version). */
  changeCell(uri: string, version: number, cell: number, cellVersion: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
      notebookDocument: { uri, version },
      change: {
        cells: { textContent: [{ document: { uri: cellUri(uri, cell), version: cellVersion }, changes: [{ text }] }] },
      },
    });
  }

  closeNotebook(uri: string, cells: number): Promise<void> {
    return this.connection.sendNotification(DidCloseNotebookDocumentNotification.type, {
      notebookDocument: { uri },
      cellTextDocuments: Array.from({ length: cells }, (_, i) => ({ uri: cellUri(uri, i) })),
    });
  }

  async hints(uri: string, lines = 100000): Promise<InlayHint[]> {
    return (
      (await this.connection.sendRequest(InlayHintRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
      })) ?? []
    );
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<Array<CodeAction | Command>> {
    return (
      (await this.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range,
        context: { diagnostics },
      })) ?? []
    );
  }

  /** Waits until diagnostics for `uri` at `version` (or later) have arrived. */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = this.diagnostics.get(uri);
      if (d && (d.version ?? 0) >= version) return d.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /**
   * Writes `messages` to the server in one write, so that it reads them all before it handles any,
   * and resolves with the answers to those with an `id` (ids are made unique here), in order.
   */
  async sendAtOnce(
    messages: Array<{ method: string; params: unknown; request?: boolean }>,
    timeoutMs = 30000,
  ): Promise<ResponseMessage[]> {
    const ids: string[] = [];
    const frames = messages.map((m) => {
      const id = m.request ? `at-once-${++this.rawId}` : undefined;
      if (id) ids.push(id);
      const body = Buffer.from(
        JSON.stringify({ jsonrpc: '2.0', ...(id ? { id } : {}), method: m.method, params: m.params }),
      );
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin!.write(Buffer.concat(frames));
    const deadline = Date.now() + timeoutMs;
    while (!ids.every((id) => this.rawAnswers.has(id))) {
      if (Date.now() > deadline) throw new Error(`no answer to ${ids.join(', ')} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return ids.map((id) => this.rawAnswers.get(id)!);
  }

  private rawId = 0;

  get alive(): boolean {
    return this.child.exitCode === null && !this.child.killed;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; kill it below.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

export interface TestCell {
  kind: 'code' | 'markdown' | 'raw';
  source: string;
}

/** The URI of a notebook's cell document, in VS Code's form. */
export function cellUri(notebook: string, cell: number): string {
  return `${notebook.replace(/^file:/, 'vscode-notebook-cell:')}#cell${cell}`;
}

export function labelText(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}
