/**
 * Cooperative slicing across concurrent work: pieces of work that yield at the same time go on
 * one per turn of the event loop, so timers and I/O get in between every two of them (with a
 * plain setImmediate, all of them would run back to back in one turn).
 */
import { describe, expect, it } from 'vitest';
import { yieldToLoop } from '../../src/model/time-slices.ts';

describe('yieldToLoop', () => {
  it('lets one of several concurrent pieces of work go on per turn, in order, with the loop turning between', async () => {
    const log: string[] = [];
    let turn = 0;
    let spinning = true;
    const spin = (): void => {
      turn++;
      if (spinning) setImmediate(spin);
    };
    spin();
    const worker = async (name: string): Promise<void> => {
      for (let i = 0; i < 3; i++) {
        await yieldToLoop();
        log.push(`${name}${i}@${turn}`);
      }
    };
    await Promise.all([worker('a'), worker('b'), worker('c')]);
    spinning = false;
    const names = log.map((entry) => entry.split('@')[0]);
    expect(names).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
    const turns = log.map((entry) => Number(entry.split('@')[1]));
    for (let i = 1; i < turns.length; i++) expect(turns[i], log.join(' ')).toBeGreaterThan(turns[i - 1]!);
  });

  it('resolves a lone yield on the next turn', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await yieldToLoop();
    await yieldToLoop();
    expect(ran).toBe(true);
  });
});
