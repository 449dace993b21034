/**
 * The newest version of each text document the client has sent, seen as
 * messages are read off the transport, before their turn to be handled.
 *
 * The connection handles queued messages one at a time, in order. A request
 * whose turn comes while a `didChange` read after it still waits in the queue
 * is about a version the client has already replaced: answering it costs an
 * analysis whose answer the editor throws away. With what this records, such a
 * request is answered `ContentModified` at once, and diagnostics are not
 * published for a version about to be superseded.
 */

import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
} from 'vscode-languageserver/node';

export class SentVersions {
  private readonly newest = new Map<string, number>();

  /** Records the version a document notification sets. */
  observe(message: Message): void {
    if (!Message.isNotification(message)) return;
    const params = message.params as { textDocument?: { uri?: unknown; version?: unknown } } | undefined;
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return;
    const version = params?.textDocument?.version;
    if (message.method === DidCloseTextDocumentNotification.method) this.newest.delete(uri);
    else if (
      (message.method === DidChangeTextDocumentNotification.method ||
        message.method === DidOpenTextDocumentNotification.method) &&
      Number.isInteger(version)
    )
      this.newest.set(uri, version as number);
  }

  /** True when the client has sent a version of `uri` newer than `version` that is not handled yet. */
  superseded(uri: string, version: number): boolean {
    const newest = this.newest.get(uri);
    return newest !== undefined && newest > version;
  }
}

/** `reader`, with every message shown to `versions` as it is read, before the connection queues it. */
export function watchedReader(reader: MessageReader, versions: SentVersions): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen(callback: DataCallback): Disposable {
      return reader.listen((message) => {
        versions.observe(message);
        callback(message);
      });
    },
    dispose: () => reader.dispose(),
  };
}
