/**
 * The VS Code client: starts the bundled language server over IPC for Python
 * files, passes the `shapeLens` settings, and adds the command
 * "Shape Lens: Show Model Summary". It runs nothing from the workspace.
 */

import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const SUMMARY_SCHEME = 'shape-lens-summary';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A larger young generation: each keystroke's analysis is short-lived garbage, and
  // fewer scavenges promote less of it. `--expose-gc` lets the server collect that
  // garbage right after an edit drops it (server/src/lsp/heap.ts) instead of in the
  // middle of the next analysis (measured with `npm run bench`, which uses the same flags).
  const execArgv = ['--max-semi-space-size=64', '--expose-gc'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'vscode-vfs', language: 'python' },
    ],
    synchronize: { configurationSection: 'shapeLens' },
  };
  client = new LanguageClient('shapeLens', 'Shape Lens', serverOptions, clientOptions);

  // Summaries open as read-only virtual documents beside the editor.
  const summaries = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => summaries.get(uri.toString()) ?? '',
    }),
    vscode.commands.registerCommand('shapeLens.showModelSummary', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'python' || !client) {
        void vscode.window.showInformationMessage('Shape Lens: open a Python file first.');
        return;
      }
      const text = await client.sendRequest<string>('shapeLens/summary', { uri: editor.document.uri.toString() });
      const name = path.basename(editor.document.uri.path);
      const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name} — model summary` });
      summaries.set(uri.toString(), text);
      changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, {
        viewColumn: vscode.ViewColumn.Beside,
        preview: true,
        preserveFocus: true,
      });
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
