/**
 * Starts the language server on the transport given on the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`): the VS Code client uses IPC, any
 * other editor can run `shape-lens --stdio`.
 */

import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { loadPythonParser } from '../syntax/parser';
import { createServer } from './server';
import { SentVersions, watchedReader } from './versions';

/**
 * Over stdio, a stream the reader cannot frame (a bad `Content-Length`) ends the process with a
 * message: the reader cannot find the next message in it, and a live server that never answers
 * again is one the client cannot tell to restart. A framed message whose body is not JSON is only
 * skipped: the next one starts where its length says.
 */
function stdioConnection(versions: SentVersions): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => {
    if (e instanceof SyntaxError) {
      process.stderr.write(`shape-lens server: skipped a message that is not JSON (${e.message})\n`);
      return;
    }
    process.stderr.write(`shape-lens server: cannot read the LSP stream (${e.message}); exiting\n`);
    process.exit(1);
  });
  return createConnection(
    ProposedFeatures.all,
    watchedReader(reader, versions),
    new StreamMessageWriter(process.stdout),
  );
}

/** The transport of the command line; stdio and IPC (the VS Code client's) are read through `versions`. */
function connectionOf(versions: SentVersions): Connection {
  if (process.argv.includes('--stdio')) return stdioConnection(versions);
  if (process.argv.includes('--node-ipc'))
    return createConnection(
      ProposedFeatures.all,
      watchedReader(new IPCMessageReader(process), versions),
      new IPCMessageWriter(process),
    );
  return createConnection(ProposedFeatures.all);
}

export async function startServer(): Promise<void> {
  const parser = await loadPythonParser();
  const versions = new SentVersions();
  const connection = connectionOf(versions);
  createServer(connection, parser, versions);
  connection.listen();
}

if (require.main === module) {
  startServer().catch((e) => {
    process.stderr.write(`shape-lens server: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
