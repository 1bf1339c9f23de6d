/**
 * `schedule suspend|resume NAME…`: flip spec.suspend with a merge patch (only that field moves).
 * @module
 */

import { kindByNoun } from "../../../core/kinds.ts";
import { suspendPatch } from "../../../core/manifests/schedule.ts";
import { collect, mapValid, unless } from "../../../core/validation.ts";
import { type Command, defineCommand } from "../../command.ts";
import { checkGlobals, type GlobalFlags } from "../../global_flags.ts";
import { NAMESPACED_GLOBALS } from "../../honoured_globals.ts";
import { checkTargets } from "../target_spec.ts";

const SCHEDULE = kindByNoun("schedule");

/** What `schedule suspend|resume` does, checked. */
export interface SuspendOptions {
  /** true: suspend; false: resume. */
  suspend: boolean;
  names: string[];
  globals: GlobalFlags;
}

/** `schedule suspend` (true) or `schedule resume` (false). */
export function suspendCommand(suspend: boolean): Command<SuspendOptions> {
  const verb = suspend ? "suspend" : "resume";
  return defineCommand({
    spec: {
      name: verb,
      description: suspend ? "stop creating backups" : "start creating backups again",
      args: [{ name: "names", required: true, variadic: true }],
      flags: [],
      globals: NAMESPACED_GLOBALS,
    },
    parse: ({ flags, args }) =>
      mapValid(
        collect({
          globals: checkGlobals(flags),
          some: unless(args.length === 0, `schedule ${verb} needs a schedule name`),
          names: checkTargets(SCHEDULE, args, undefined),
        }),
        ({ globals, names }): SuspendOptions => ({ suspend, names: names.names, globals }),
      ),
    async run({ names, globals }, deps) {
      const [{ refFor }, { resourceName }, { requireExisting }] = await Promise.all([
        import("../common.ts"),
        import("../../../render/name.ts"),
        import("../_targets.ts"),
      ]);
      const conn = await deps.connect(globals);
      try {
        // One missing name changes none: check them all before the first patch.
        await requireExisting(conn, SCHEDULE, names);
        for (const name of names) {
          const obj = await conn.api.patch(
            refFor(SCHEDULE, conn.namespace),
            name,
            suspendPatch(suspend),
            { type: "merge", fieldManager: "hyperctl" },
          );
          await deps.io.out.write(
            `${resourceName(SCHEDULE, obj)} ${suspend ? "suspended" : "resumed"}\n`,
          );
        }
      } finally {
        conn.close();
      }
    },
  });
}
