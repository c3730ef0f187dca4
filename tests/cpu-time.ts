/**
 * CPU milliseconds this test process has used: the bound for "linear, not quadratic" tests.
 * Unlike wall time it does not grow when the machine is shared, so a quadratic stage (seconds
 * to minutes of CPU) still fails and a busy CI machine does not.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
