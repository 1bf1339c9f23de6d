/**
 * The names a read did not find: read each so that a 404 is kept instead of failing the read, then
 * tell each on its own `error:` line after the output, as kubectl prints what it found first and
 * its errors last; the run then exits 1.
 * @module
 */

import type { KubeObject } from "../../core/types.ts";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import type { Deps } from "../deps.ts";
import { errorLine } from "../exit_code.ts";

/** An object read by name, or the server's 404 for it. */
export type Named = { object: KubeObject } | { missing: unknown };

/** Read `name`; a 404 comes back as `missing`, any other error fails the read. */
export function getOrMissing(api: KubeApi, ref: ResourceRef, name: string): Promise<Named> {
  return api.get(ref, name).then((object) => ({ object }), (err) => {
    if ((err as { code?: number }).code !== 404) throw err;
    return { missing: err };
  });
}

/** Tell each not-found error on stderr and mark the run failed (exit 1). */
export async function reportMissing(missing: readonly unknown[], deps: Deps): Promise<void> {
  if (missing.length === 0) return;
  deps.exitCode = 1;
  // The lines may carry a hint that names the program (`kubectl hyperctl` as the plugin).
  await deps.settleProgramName?.();
  for (const err of missing) await deps.io.err.write(`${errorLine(err, deps.programName)}\n`);
}
