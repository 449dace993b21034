/**
 * The VS Code client: starts the bundled language server over IPC for Python
 * files, passes the `shapeLens` settings, and adds the command
 * "Shape Lens: Show Model Summary" (the model view, modelView.ts). It runs
 * nothing from the workspace.
 */

import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ModelView } from './modelView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A larger young generation: each keystroke's analysis is short-lived garbage, and
  // fewer scavenges promote less of it. `--expose-gc` lets the server collect that
  // garbage right after an edit drops it (server/src/lsp/heap.ts) instead of in the
  // middle of the next analysis (measured with `npm run bench`, which uses the same flags).
  const execArgv = ['--max-semi-space-size=64', '--expose-gc'];
  // V8's code cache of the server's bundle, in the extension's own storage (server/src/lsp/boot.ts).
  const env = { SHAPE_LENS_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'], env },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'vscode-vfs', language: 'python' },
      // The Python cells of Jupyter notebooks, synced as notebooks (the server's notebookDocumentSync).
      { notebook: { notebookType: 'jupyter-notebook' }, language: 'python' },
    ],
    // Imported workspace modules edited outside the editor refresh the hints of the files importing them.
    synchronize: { configurationSection: 'shapeLens', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.py') },
  };
  client = new LanguageClient('shapeLens', 'Shape Lens', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('shapeLens.showModelSummary', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'python' || !client) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Shape Lens: open a Python file first.'));
        return;
      }
      ModelView.show(context, client, editor);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
