/**
 * The parse worker's entry point (run by parse-worker-pool.ts in a worker thread): reads each
 * document it is sent with the same `readDocument` the main thread uses, one at a time, and
 * replies with the result or the error. Holds no state between documents.
 */
import { parentPort } from 'node:worker_threads';
import { readDocument } from './read-document.ts';
import { packDocument, toSentError, type ReadReply, type ReadRequest } from './parse-worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs in a worker thread (see parse-worker-pool.ts)');

port.on('message', (request: ReadRequest) => {
  void answer(request).then((reply) => {
    try {
      port.postMessage(reply);
    } catch (err) {
      // Something in the reply cannot be cloned (an error's details): say so rather than go silent.
      port.postMessage({ id: request.id, ok: false, error: toSentError(err) } satisfies ReadReply);
    }
  });
});

async function answer({ id, input }: ReadRequest): Promise<ReadReply> {
  try {
    // Structured cloning turned the Buffer into a Uint8Array: hand readDocument what the main thread would.
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    return packDocument(id, await readDocument({ ...input, bytes }));
  } catch (err) {
    return { id, ok: false, error: toSentError(err) };
  }
}
