/**
 * Stop a child process the polite way: SIGTERM, then SIGKILL if it is still running after
 * `graceMs`. Resolves with its exit status.
 * @module
 */

function signal(child: Deno.ChildProcess, sig: Deno.Signal): void {
  try {
    child.kill(sig);
  } catch { /* already gone */ }
}

/** SIGTERM `child`, SIGKILL it after `graceMs`, and wait for it to exit. */
export async function terminate(
  child: Deno.ChildProcess,
  graceMs: number,
): Promise<Deno.CommandStatus> {
  signal(child, "SIGTERM");
  const timer = setTimeout(() => signal(child, "SIGKILL"), graceMs);
  try {
    return await child.status;
  } finally {
    clearTimeout(timer);
  }
}
