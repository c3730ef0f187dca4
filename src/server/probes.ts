/**
 * The orchestrator's probes, apart from the detailed `/health`:
 * - `GET /healthz` — liveness: the process and its event loop answer. Always 200 while running;
 *   restarting the container would not fix a store outage, so the store is not consulted.
 * - `GET /readyz` — readiness: start-up finished (store opened and migrated, dictionaries
 *   loaded, port listening), not shutting down, and the store answers a ping within the probe
 *   timeout. 503 otherwise, so a load balancer takes the replica out and back in by itself.
 * Both answer within about a second whatever the backends do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Longest a readiness probe waits for the store (load balancers time out after a few seconds). */
export const READY_PING_TIMEOUT_MS = 900;

export interface ProbeSources {
  /** True when the store answers (may be slow or hang: it is raced against a timeout). */
  readonly ping: () => Promise<boolean>;
  /** Start-up done and not stopping. */
  readonly started: () => boolean;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not ready';
  readonly checks: { readonly started: boolean; readonly store: boolean };
}

/** Readiness from its two checks (the store is only pinged once start-up is done). */
export async function checkReadiness(sources: ProbeSources, timeoutMs = READY_PING_TIMEOUT_MS): Promise<ReadinessReport> {
  const started = sources.started();
  let store = false;
  if (started) {
    let timer: NodeJS.Timeout | undefined;
    store = await Promise.race([
      sources.ping().catch(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
  }
  return { status: started && store ? 'ready' : 'not ready', checks: { started, store } };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** The (req, res) handler for /healthz and /readyz; resolves false for any other request. */
export function createProbeHandler(sources: ProbeSources): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      send(req, res, 200, { status: 'alive' });
      return true;
    }
    if (path === '/readyz') {
      const report = await checkReadiness(sources);
      send(req, res, report.status === 'ready' ? 200 : 503, report);
      return true;
    }
    return false;
  };
}
