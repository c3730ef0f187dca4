/**
 * The messages between the parse worker pool and its workers, and how an error crosses the
 * thread boundary. Structured cloning keeps an Error's message but drops its class, `code` and
 * `details`; these helpers carry them explicitly so a NewsgateError thrown in the worker is
 * the same NewsgateError (code, message, details) on the main thread.
 *
 * A document's items travel as separately serialized chunks: one message holding 10,000 items
 * would be deserialized on the main thread in one go (up to ~150 ms on a loaded machine), the
 * very block the worker is there to avoid; chunks are deserialized with a turn of the event
 * loop between them. v8.serialize is the serializer postMessage itself uses, so the values are
 * the same as a plain postMessage would give.
 */
import { deserialize, serialize } from 'node:v8';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { RawItem } from '../model/raw-feed.ts';
import { yieldToLoop } from '../model/time-slices.ts';
import type { ReadDocument, ReadInput } from './read-document.ts';

/** Items per serialized chunk: a few milliseconds of deserializing each. */
export const ITEMS_PER_CHUNK = 250;

/** Main thread → worker: read one document. */
export interface ReadRequest {
  readonly id: number;
  readonly input: ReadInput;
}

/** An error as plain data. `code` only for a NewsgateError. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
  /** The cause's message (an XML parser's own words), kept for logs. */
  readonly cause?: string;
}

/** Worker → main thread: the document (its items in `itemChunks`, see packItems), or why it could not be read. */
export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly doc: ReadDocument; readonly itemChunks: readonly Uint8Array[] }
  | { readonly id: number; readonly ok: false; readonly error: SentError };

/** The reply for a document read in the worker: its items moved into serialized chunks. */
export function packDocument(id: number, doc: ReadDocument): ReadReply {
  const itemChunks: Uint8Array[] = [];
  for (let i = 0; i < doc.parsed.items.length; i += ITEMS_PER_CHUNK) itemChunks.push(serialize(doc.parsed.items.slice(i, i + ITEMS_PER_CHUNK)));
  return { id, ok: true, doc: { ...doc, parsed: { ...doc.parsed, items: [] } }, itemChunks };
}

/** The document again on the main thread, its items deserialized chunk by chunk with the event loop free between chunks. */
export async function unpackDocument(reply: Extract<ReadReply, { ok: true }>): Promise<ReadDocument> {
  const items: RawItem[] = [];
  for (const chunk of reply.itemChunks) {
    await yieldToLoop();
    for (const item of deserialize(chunk) as RawItem[]) items.push(item);
  }
  return { ...reply.doc, parsed: { ...reply.doc.parsed, items } };
}

/** An error thrown in the worker, as plain data for postMessage. */
export function toSentError(err: unknown): SentError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const cause = err.cause instanceof Error ? err.cause.message : err.cause === undefined ? undefined : String(err.cause);
  return {
    name: err.name,
    message: err.message,
    ...(err instanceof NewsgateError ? { code: err.code, details: err.details } : {}),
    ...(cause !== undefined ? { cause } : {}),
  };
}

/** The error again on the main thread: a NewsgateError when it was one, else a plain Error of the same name and message. */
export function fromSentError(sent: SentError): Error {
  const cause = sent.cause === undefined ? undefined : new Error(sent.cause);
  if (sent.code !== undefined && (Object.values(ErrorCode) as string[]).includes(sent.code)) {
    return new NewsgateError(sent.code as ErrorCode, sent.message, { ...(cause ? { cause } : {}), ...(sent.details ? { details: sent.details } : {}) });
  }
  const err = new Error(sent.message, cause ? { cause } : undefined);
  err.name = sent.name;
  return err;
}
