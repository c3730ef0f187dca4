/**
 * Decoding and parsing of large feed documents off the main thread. A 10,000-item feed takes
 * hundreds of milliseconds of synchronous work in xml2js, rss-parser and the repair scans, which
 * time slicing on the main thread can only cut so fine; in a worker thread it takes none of the
 * main thread's time, so queries and /health keep answering. Small documents (most feeds) are
 * read on the main thread: a worker round trip would cost more than it saves.
 *
 * The worker runs the very same `readDocument` (same bounds, same errors, same output: see
 * tests/pipeline/parse-worker-pool.test.ts). What a worker adds is a fence around a hostile
 * document: one that takes longer than the time limit, exhausts the worker's heap or crashes it
 * fails that feed (PARSE_MALFORMED, saying which) and the worker is replaced; the gateway is
 * untouched.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { fromSentError, unpackDocument, type ReadReply, type ReadRequest } from './parse-worker-protocol.ts';
import { readDocument, type ReadDocument, type ReadInput } from './read-document.ts';
import { spawnModuleWorker } from './spawn-module-worker.ts';

/** Documents at least this large (bytes as fetched) are read in a worker. */
export const WORKER_MIN_BYTES = 64 * 1024;
/** A document still being read after this long is abandoned and its worker replaced. */
export const PARSE_TIME_LIMIT_MS = 60_000;
/** Heap one parse worker may use (a 10 MB document needs well under half of it). */
export const PARSE_WORKER_HEAP_MB = 1024;

export interface ParsePoolOptions {
  /** Worker threads (default: one per core beyond the first, at most 2, at least 1). */
  readonly size?: number;
  /** Smaller documents are read on the calling thread (default WORKER_MIN_BYTES; 0: every document in a worker). */
  readonly minBytes?: number;
  readonly timeLimitMs?: number;
  readonly heapMb?: number;
  readonly logger?: Logger;
}

/** How the pool has been used (for tests and the operator's log). */
export interface ParsePoolStats {
  readonly inWorker: number;
  readonly onMainThread: number;
  /** Workers replaced after a crash, an exhausted heap or the time limit. */
  readonly replaced: number;
}

interface Job {
  readonly request: ReadRequest;
  readonly resolve: (doc: ReadDocument) => void;
  readonly reject: (err: Error) => void;
}

interface Slot {
  worker?: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/** A small pool of parse workers, started on first use; `read` has the signature of `readDocument`. */
export class ParseWorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly minBytes: number;
  private readonly timeLimitMs: number;
  private readonly heapMb: number;
  private nextId = 1;
  private closed = false;
  private counts = { inWorker: 0, onMainThread: 0, replaced: 0 };

  constructor(private readonly options: ParsePoolOptions = {}) {
    const size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.slots = Array.from({ length: size }, () => ({}));
    this.minBytes = options.minBytes ?? WORKER_MIN_BYTES;
    this.timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
    this.heapMb = options.heapMb ?? PARSE_WORKER_HEAP_MB;
  }

  /** Reads one document: in a worker when it is large, else here. */
  readonly read = (input: ReadInput): Promise<ReadDocument> => {
    if (this.closed) return Promise.reject(closedError());
    if (input.bytes.byteLength < this.minBytes) {
      this.counts.onMainThread++;
      return readDocument(input);
    }
    // Only the fields readDocument reads cross the thread (callers pass richer inputs: a feed, a tagger).
    const { bytes, contentType, url, maxBytes } = input;
    const request: ReadRequest = { id: this.nextId++, input: { bytes, url, ...(contentType !== undefined ? { contentType } : {}), ...(maxBytes !== undefined ? { maxBytes } : {}) } };
    return new Promise<ReadDocument>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  };

  stats(): ParsePoolStats {
    return { ...this.counts };
  }

  /** Stops the workers (shutdown); documents not yet read fail with an INTERNAL error. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(closedError());
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.finish(slot)?.reject(closedError());
        const worker = slot.worker;
        slot.worker = undefined;
        await worker?.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift() as Job;
      const worker = slot.worker ?? this.start(slot);
      slot.job = job;
      this.counts.inWorker++;
      worker.ref();
      slot.timer = setTimeout(() => this.abandon(slot, `it was still being read after ${this.timeLimitMs / 1000} s (the parse time limit)`), this.timeLimitMs);
      try {
        worker.postMessage(job.request);
      } catch (err) {
        this.finish(slot);
        job.reject(err as Error);
      }
    }
  }

  private start(slot: Slot): Worker {
    const worker = spawnModuleWorker(import.meta.url, 'parse-worker', { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    slot.worker = worker;
    worker.on('message', (reply: ReadReply) => {
      if (slot.worker !== worker || slot.job?.request.id !== reply.id) return;
      const job = this.finish(slot) as Job;
      if (reply.ok) unpackDocument(reply).then(job.resolve, job.reject);
      else job.reject(fromSentError(reply.error));
      this.dispatch();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const why = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading it needed more than ${this.heapMb} MB (the parse worker's heap)` : `the parse worker failed (${err.message})`;
      this.abandon(slot, why, err);
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      this.abandon(slot, `the parse worker stopped (exit code ${code})`);
    });
    worker.unref();
    return worker;
  }

  /** The slot's job, detached from it (timer cleared, worker idle again). */
  private finish(slot: Slot): Job | undefined {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker?.unref();
    return job;
  }

  /** Fails the slot's document with `why`, replaces its worker and goes on with the queue. */
  private abandon(slot: Slot, why: string, cause?: Error): void {
    const job = this.finish(slot);
    const worker = slot.worker;
    slot.worker = undefined;
    if (worker) {
      this.counts.replaced++;
      void worker.terminate();
    }
    if (job) {
      const url = job.request.input.url;
      this.options.logger?.warn({ url, why }, 'feed document abandoned; parse worker replaced');
      job.reject(new NewsgateError(ErrorCode.PARSE_MALFORMED, `The document was not read: ${why}`, { ...(cause ? { cause } : {}), details: { url } }));
    }
    if (!this.closed) this.dispatch();
  }
}

function closedError(): NewsgateError {
  return new NewsgateError(ErrorCode.INTERNAL, 'The parse worker pool is closed (newsgate is shutting down)');
}
