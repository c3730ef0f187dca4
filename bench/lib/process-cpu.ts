/**
 * CPU time a process has used, read from outside (Linux /proc/<pid>/stat: user + system clock
 * ticks). The HTTP suite divides the server's CPU during a load run by the requests it
 * answered: on a shared machine requests per second swing with the neighbours' load, while
 * the server's CPU per request stays close to what the code costs.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on every mainstream Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of `pid` so far; undefined off Linux or when it is gone. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? ((utime + stime) * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
