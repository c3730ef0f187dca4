/**
 * Steady load for the backend-kill tests: `clients` loops each sending one request, recording
 * its answer and pausing 10 ms, until `stop()`.
 */
export interface QueryLoad<T> {
  /** Every answer so far, in the order they came. */
  readonly answers: T[];
  /** Ends the loops and waits for the requests under way. */
  stop(): Promise<void>;
}

export function startLoad<T>(clients: number, ask: () => Promise<T>): QueryLoad<T> {
  const answers: T[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      answers.push(await ask());
      await new Promise((r) => setTimeout(r, 10));
    }
  });
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
