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
  /**
   * The versions of each document read but not yet handled, in the order sent. A notification the
   * server then refuses (a malformed change) leaves the list when handled, so it never marks the
   * document's real version stale.
   */
  private readonly pending = new Map<string, number[]>();

  /** Records the version a document notification sets, as it is read. */
  observe(message: Message): void {
    if (!Message.isNotification(message)) return;
    const sent = documentVersion(message.params);
    if (!sent) return;
    if (message.method === DidCloseTextDocumentNotification.method) this.pending.delete(sent.uri);
    else if (
      (message.method === DidChangeTextDocumentNotification.method ||
        message.method === DidOpenTextDocumentNotification.method) &&
      sent.version !== undefined
    ) {
      const list = this.pending.get(sent.uri) ?? [];
      list.push(sent.version);
      this.pending.set(sent.uri, list);
    }
  }

  /** A `didOpen`/`didChange` with these params is being handled (applied or refused): no longer waiting. */
  handled(params: unknown): void {
    const sent = documentVersion(params);
    const list = sent && sent.version !== undefined ? this.pending.get(sent.uri) : undefined;
    if (!list) return;
    const i = list.indexOf(sent!.version!);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.pending.delete(sent!.uri);
  }

  /** True when the client has sent a version of `uri` newer than `version` that is not handled yet. */
  superseded(uri: string, version: number): boolean {
    return this.pending.get(uri)?.some((v) => v > version) ?? false;
  }
}

/** The document and integer version a notification's params name, if they do. */
function documentVersion(params: unknown): { uri: string; version: number | undefined } | undefined {
  const d = (params as { textDocument?: { uri?: unknown; version?: unknown } } | undefined)?.textDocument;
  if (typeof d?.uri !== 'string') return undefined;
  return { uri: d.uri, version: Number.isInteger(d.version) ? (d.version as number) : undefined };
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
