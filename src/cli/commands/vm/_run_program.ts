/**
 * Run the system's ssh or scp with the terminal handed over, and take its exit code as ours.
 * @module
 */

import type { Deps } from "../../deps.ts";

/**
 * Run `program args…` with stdin, stdout and stderr inherited; sets `deps.exitCode` to its code.
 *
 * Why: ssh owns the terminal (password prompts, a remote shell, escape sequences); it also gets
 * Ctrl+C itself, being in the same process group, so hyperctl only waits.
 */
export async function runProgram(program: string, args: string[], deps: Deps): Promise<void> {
  let child;
  try {
    child = new Deno.Command(program, {
      args,
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new Error(`cannot run ${program}: it is not on PATH (install OpenSSH's client)`);
    }
    throw e;
  }
  const status = await child.status;
  // A signal-killed ssh reports no code: 128 + signal, as a shell would.
  deps.exitCode = status.signal ? 128 + signalNumber(status.signal) : status.code;
}

function signalNumber(signal: Deno.Signal): number {
  return ({ SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 } as Record<string, number>)[signal] ??
    1;
}
