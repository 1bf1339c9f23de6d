/**
 * The names a read did not find, each on its own `error:` line after the output, as kubectl
 * prints what it found first and its errors last; the run then exits 1.
 * @module
 */

import type { Deps } from "../deps.ts";
import { errorLine } from "../exit_code.ts";

/** Tell each not-found error on stderr and mark the run failed (exit 1). */
export async function reportMissing(missing: readonly unknown[], deps: Deps): Promise<void> {
  if (missing.length === 0) return;
  deps.exitCode = 1;
  // The lines may carry a hint that names the program (`kubectl hyperctl` as the plugin).
  await deps.settleProgramName?.();
  for (const err of missing) await deps.io.err.write(`${errorLine(err, deps.programName)}\n`);
}
