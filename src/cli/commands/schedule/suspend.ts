/**
 * `schedule suspend|resume NAME…`: flip spec.suspend with a merge patch (only that field moves).
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import { suspendPatch } from "../../../core/manifests/mod.ts";
import { resourceName } from "../../../render/name.ts";
import type { Deps, GlobalFlags } from "../../deps.ts";
import { validateGlobalFlags } from "../../global_flags.ts";
import { InputError } from "../../outcomes.ts";
import { refFor } from "../common.ts";
import { parseTargetSpec } from "../_targets.ts";

const SCHEDULE = kindByNoun("schedule");

/** Run `schedule suspend|resume`. */
export async function runSuspendCommand(
  suspend: boolean,
  names: string[],
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  validateGlobalFlags(globals);
  if (names.length === 0) {
    throw new InputError(`schedule ${suspend ? "suspend" : "resume"} needs a schedule name`);
  }
  parseTargetSpec(SCHEDULE, names, undefined);
  const conn = await deps.connect(globals);
  try {
    for (const name of names) {
      const obj = await conn.api.patch(
        refFor(SCHEDULE, conn.namespace),
        name,
        suspendPatch(suspend),
        {
          type: "merge",
          fieldManager: "hyperctl",
        },
      );
      await deps.io.out.write(
        `${resourceName(SCHEDULE, obj)} ${suspend ? "suspended" : "resumed"}\n`,
      );
    }
  } finally {
    conn.close();
  }
}
