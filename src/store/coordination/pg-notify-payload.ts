/**
 * The messages replicas send each other over PostgreSQL LISTEN/NOTIFY: which articles one of
 * them added, updated or removed. Only ids travel (the articles are read from the database, the
 * truth); a NOTIFY payload must stay under 8000 bytes, so a big write becomes several messages.
 * Pure: table-tested.
 */

/** The kind of change a message announces. */
export type ChangeKind = 'added' | 'updated' | 'removed';

export interface ChangeMessage {
  /** The announcing notifier instance (a replica ignores its own messages). */
  readonly from: string;
  readonly kind: ChangeKind;
  readonly ids: readonly string[];
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin. */
export const MAX_PAYLOAD_BYTES = 7900;

/**
 * The payloads announcing `ids`, each under `maxBytes` (UTF-8) as JSON. An id too long to fit
 * a message alone (never the case for newsgate's 22-character ids) is dropped rather than
 * breaking the NOTIFY.
 */
export function encodeChanges(from: string, kind: ChangeKind, ids: readonly string[], maxBytes: number = MAX_PAYLOAD_BYTES): string[] {
  const head = Buffer.byteLength(JSON.stringify({ from, kind, ids: [] }));
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = head;
  for (const id of ids) {
    const cost = Buffer.byteLength(JSON.stringify(id)) + 1;
    if (head + cost > maxBytes) continue;
    if (size + cost > maxBytes) {
      payloads.push(JSON.stringify({ from, kind, ids: batch }));
      batch = [];
      size = head;
    }
    batch.push(id);
    size += cost;
  }
  if (batch.length > 0) payloads.push(JSON.stringify({ from, kind, ids: batch }));
  return payloads;
}

/** A received payload, or undefined when it is not one of ours. */
export function decodeChange(payload: string | undefined): ChangeMessage | undefined {
  if (!payload) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const m = data as Partial<ChangeMessage> | null;
  if (typeof m !== 'object' || m === null || typeof m.from !== 'string' || !Array.isArray(m.ids)) return undefined;
  if (m.kind !== 'added' && m.kind !== 'updated' && m.kind !== 'removed') return undefined;
  return { from: m.from, kind: m.kind, ids: m.ids.filter((id): id is string => typeof id === 'string') };
}
