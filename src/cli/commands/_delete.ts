/**
 * The run side of `<noun> delete` (delete.ts checks the flags): delete objects like kubectl
 * does, asking first on a terminal.
 *
 * Without a terminal `--yes` is required, so a script never hangs on a prompt and never deletes
 * by accident. `--wait` waits until the objects are really gone (finalizers done).
 * @module
 */

import { formatDuration } from "../../core/duration.ts";
import { escapeCell } from "../../render/escape.ts";
import { qualifiedKind } from "../../render/name.ts";
import type { Deps } from "../deps.ts";
import { WaitTimeoutError } from "../outcomes.ts";
import { throwIfInterrupted } from "../stream_tail.ts";
import { waitFor } from "../operation_wait.ts";
import { refFor } from "./common.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { withWatchIdle, type WritingOptions } from "./mutation_flags.ts";
import type { TargetSpec } from "./target_spec.ts";
import { confirmDestructive, NONE_MATCHED, requireExisting, resolveTargets } from "./_targets.ts";

/** What `<noun> delete` does, checked (by delete.ts). */
export interface DeleteCommandOptions extends WritingOptions {
  kind: KindInfo;
  targets: TargetSpec;
  /** `--yes`: no question on a terminal (required without one). */
  yes: boolean;
}

/** Run `<noun> delete`. */
export async function runDelete(options: DeleteCommandOptions, deps: Deps): Promise<void> {
  const { kind, targets: spec, globals } = options;
  const mutation = withWatchIdle(options.mutation, deps);
  const conn = await deps.connect(globals);
  try {
    const targets = await resolveTargets(conn, kind, spec, deps, "delete");
    if (targets.length === 0) {
      await deps.io.err.write(NONE_MATCHED);
      return;
    }
    // All named objects must exist before anything is asked or deleted: one missing changes none.
    // A client dry run sends nothing, as kubectl's does not look either.
    if (spec.names.length > 0 && mutation.dryRun !== "client") {
      await requireExisting(conn, kind, targets);
    }
    if (mutation.dryRun === "none") {
      const what = `delete ${targets.length === 1 ? kind.singular : kind.plural} ${
        targets.join(", ")
      } in namespace "${conn.namespace}"`;
      if (!await confirmDestructive(what, options.yes, deps)) {
        await deps.io.err.write("nothing deleted\n");
        return;
      }
    }
    const ref = refFor(kind, conn.namespace);
    const suffix = mutation.dryRun === "none"
      ? "deleted"
      : mutation.dryRun === "server"
      ? "deleted (server dry run)"
      : "deleted (dry run)";
    for (const name of targets) {
      if (mutation.dryRun !== "client") {
        await conn.api.delete(ref, name, { dryRun: mutation.dryRun === "server" });
      }
      await deps.io.out.write(`${deletedName(kind, name)} ${suffix}\n`);
    }
    if (!mutation.wait) return;
    // Done when the object no longer exists; the phase of a deleting object does not matter.
    const results = await waitFor(
      conn.api,
      targets.map((name) => ({
        kind,
        namespace: conn.namespace,
        name,
        title: name,
        condition: { type: "delete" },
      })),
      { timeoutMs: mutation.timeoutMs, progress: "none", idleMs: mutation.idleMs },
      deps,
    );
    throwIfInterrupted(deps);
    // A cluster that never answered or was lost says nothing about what is still present.
    const unknown = results.find((r) => r.outcome === "error");
    if (unknown) throw unknown.error;
    const left = results.filter((r) => r.outcome !== "succeeded").map((r) => r.target.name);
    if (left.length > 0) {
      throw new WaitTimeoutError(
        `still present after ${formatDuration(mutation.timeoutMs)}: ${left.join(", ")}`,
      );
    }
  } finally {
    conn.close();
  }
}

/**
 * How kubectl's delete names an object: `virtualmachine.hypersdk.io "web-1"`, not the `-o name`
 * form, in both word orders (`delete vm x` is rewritten to `vm delete x`, one line for both).
 */
function deletedName(kind: KindInfo, name: string): string {
  return `${qualifiedKind(kind)} "${escapeCell(name)}"`;
}
