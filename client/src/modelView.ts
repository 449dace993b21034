/**
 * The model view: a webview beside the editor with the diagram and the
 * summary table of the model at the cursor. It follows the active Python
 * editor and its cursor, and asks the server again (`shapeLens/diagram`)
 * when the document changes, after typing pauses. The page is the bundled
 * dist/webview.js + .css under a strict content security policy: only
 * those two files (from the extension's dist/ folder), a nonce'd script, no
 * inline handlers, nothing remote.
 */

import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { Utils } from 'vscode-uri';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGRAM_REQUEST, type DiagramResult, type FromWebview, type ToWebview } from './webview/protocol';

const VIEW_TYPE = 'shapeLens.modelView';
/** After an edit, wait this long for typing to pause; cursor moves wait less. */
const EDIT_DELAY_MS = 300;
const CURSOR_DELAY_MS = 80;

export class ModelView implements vscode.Disposable {
  private static current: ModelView | undefined;

  /** Opens the view beside `editor`, or brings the open one to it. */
  static show(context: vscode.ExtensionContext, client: LanguageClient, editor: vscode.TextEditor): void {
    if (ModelView.current) {
      ModelView.current.follow(editor);
      ModelView.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Model'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] },
    );
    ModelView.current = new ModelView(context, client, panel, editor);
  }

  private readonly disposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument;
  private cursorLine: number;
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests than the latest are dropped. */
  private requests = 0;
  private ready = false;
  /** What the page shows, to send only the cursor when nothing else changed. */
  private shown = '';

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly panel: vscode.WebviewPanel,
    editor: vscode.TextEditor,
  ) {
    this.document = editor.document;
    this.cursorLine = editor.selection.active.line;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.document) return this.follow(e.textEditor);
        this.cursorLine = e.selections[0].active.line;
        this.schedule(CURSOR_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule(EDIT_DELAY_MS);
      }),
    );
  }

  /** Shows the model at `editor`'s cursor, if it is a Python editor. */
  private follow(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'python') return;
    this.document = editor.document;
    this.cursorLine = editor.selection.active.line;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    const id = ++this.requests;
    const document = this.document;
    const cursorLine = this.cursorLine;
    let result: DiagramResult | null;
    try {
      result = await this.client.sendRequest<DiagramResult | null>(DIAGRAM_REQUEST, {
        uri: document.uri.toString(),
        line: cursorLine,
      });
    } catch {
      return; // The server is restarting or the request was cancelled: the next change asks again.
    }
    if (id !== this.requests) return;
    const file = Utils.basename(document.uri);
    this.panel.title = vscode.l10n.t('Model: {0}', result?.diagram ? result.diagram.name : file);
    if (!result)
      return this.post({ type: 'empty', message: vscode.l10n.t('{0} is not open in the language server yet.', file) });
    const key = JSON.stringify([file, result]);
    if (key === this.shown) return this.post({ type: 'cursor', cursorLine });
    this.shown = key;
    this.post({ type: 'show', file, result, cursorLine });
  }

  private onMessage(m: FromWebview): void {
    if (m.type === 'ready') {
      // A new page (first load, or shown again after being hidden) has nothing drawn yet.
      this.ready = true;
      this.shown = '';
      this.schedule(0);
    } else if (m.type === 'reveal' && Number.isInteger(m.line)) {
      const position = new vscode.Position(m.line, 0);
      const column =
        vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn ?? vscode.ViewColumn.One;
      void vscode.window
        .showTextDocument(this.document, { viewColumn: column, selection: new vscode.Range(position, position) })
        .then(undefined, () => undefined);
    }
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const asset = (name: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', name)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('webview.css')}">
<title>Model</title>
</head>
<body>
<div id="root"><p class="empty">${vscode.l10n.t('Analysing…')}</p></div>
<script nonce="${nonce}" src="${asset('webview.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (ModelView.current === this) ModelView.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
