/**
 * An Apollo plugin counting and timing GraphQL operations by name, type and outcome: `ok`,
 * `error` (executed, with errors) or `refused` (never executed: parse, validation, limits).
 * Operation names are chosen by clients, so they are bounded before becoming labels.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Metrics } from '../observability/metrics.ts';

/** Distinct operation names kept as labels; later ones are counted as `_other`. */
export const MAX_OPERATION_LABELS = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Turns client-chosen operation names into a bounded set of labels. */
export function operationLabels(max = MAX_OPERATION_LABELS): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return '_anonymous';
    if (!NAME.test(name)) return '_other';
    if (seen.has(name)) return name;
    if (seen.size >= max) return '_other';
    seen.add(name);
    return name;
  };
}

export function useOperationMetrics(metrics: Pick<Metrics, 'graphqlOperations' | 'graphqlSeconds'>): ApolloServerPlugin<any> {
  const label = operationLabels();
  return {
    async requestDidStart() {
      const started = performance.now();
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse(rc) {
          // A refused operation has no resolved name: take the one it was written with.
          const written = rc.document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          const operation = label(rc.operationName ?? rc.request.operationName ?? (written?.kind === Kind.OPERATION_DEFINITION ? written.name?.value : undefined));
          const type = rc.operation?.operation ?? 'unknown';
          const outcome = !rc.errors?.length ? 'ok' : executed ? 'error' : 'refused';
          metrics.graphqlOperations.inc({ operation, type, outcome });
          metrics.graphqlSeconds.observe({ operation, type }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
