/**
 * Starts the language server on the transport given on the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`): the VS Code client uses IPC, any
 * other editor can run `shape-lens --stdio`.
 */

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadPythonParser } from '../syntax/parser';
import { createServer } from './server';

export async function startServer(): Promise<void> {
  const parser = await loadPythonParser();
  const connection = createConnection(ProposedFeatures.all);
  createServer(connection, parser);
  connection.listen();
}

if (require.main === module) {
  startServer().catch((e) => {
    process.stderr.write(`shape-lens server: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
