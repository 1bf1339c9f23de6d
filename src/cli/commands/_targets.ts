/**
 * Which objects a command acts on: names, or `-l SELECTOR`, or — on a terminal only — a pick list.
 * The names and selector are checked in `target_spec.ts`; this is the part that reads the cluster.
 * @module
 */

import { lastValueFrom } from "../../rx.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { nameOf, phaseOf } from "../../core/types.ts";
import { list$ } from "../../k8s/list.ts";
import type { Connection, Deps } from "../deps.ts";
import { InputError } from "../outcomes.ts";
import { asking } from "../prompt_interrupt.ts";
import { refFor } from "./common.ts";
import type { TargetSpec } from "./target_spec.ts";

export type { TargetSpec };

/**
 * Resolve to object names: the given names, the objects matching `-l` (possibly none), or a pick
 * list on a TTY. Without a TTY and without names a usage error is thrown (never prompt in scripts).
 */
export async function resolveTargets(
  conn: Connection,
  kind: KindInfo,
  spec: TargetSpec,
  deps: Deps,
  verb: string,
): Promise<string[]> {
  if (spec.names.length > 0) return spec.names;
  const ref = refFor(kind, conn.namespace);
  if (spec.selector !== undefined) {
    // Nothing matching is an empty result, not bad input: kubectl's delete says "No resources
    // found" and exits 0, and the caller says so too.
    const { items } = await lastValueFrom(list$(conn.api, ref, { labelSelector: spec.selector }));
    return items.map(nameOf);
  }
  if (!deps.io.stdinIsTTY || !deps.io.stderrIsTTY) {
    throw new InputError(`${kind.noun} ${verb} needs a ${kind.singular} name (or -l SELECTOR)`);
  }
  const { items } = await lastValueFrom(list$(conn.api, ref));
  if (items.length === 0) {
    throw new InputError(`no ${kind.plural} in namespace "${conn.namespace}" to ${verb}`);
  }
  const { select } = await import("@inquirer/prompts");
  const choice = await asking(() =>
    select({
      message: `${kind.singular} to ${verb}`,
      choices: items.map((o) => ({
        name: `${nameOf(o)}${phaseOf(o) ? `  (${phaseOf(o)})` : ""}`,
        value: nameOf(o),
      })),
    }, { output: stderrStream() })
  );
  return [choice];
}

/** How many existence checks are out at once: hundreds of names must not open hundreds of requests. */
const CHECKS_AT_ONCE = 16;

/**
 * Fail with the server's 404 (exit 1, `… "web-1" not found in namespace "prod"`) before creating
 * an operation for an object that does not exist: the operator would only fail it later. Of
 * several failures, the first name in the order given is the one named.
 */
export async function requireExisting(
  conn: Connection,
  kind: KindInfo,
  names: readonly string[],
): Promise<void> {
  const ref = refFor(kind, conn.namespace);
  for (let i = 0; i < names.length; i += CHECKS_AT_ONCE) {
    const batch = names.slice(i, i + CHECKS_AT_ONCE);
    const checked = await Promise.allSettled(batch.map((name) => conn.api.get(ref, name)));
    const failed = checked.find((c) => c.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/**
 * Ask before a destructive action. On a TTY without `--yes` the user confirms; without a TTY
 * `--yes` is required (a script must say so explicitly).
 */
export async function confirmDestructive(
  what: string,
  yes: boolean | undefined,
  deps: Deps,
): Promise<boolean> {
  if (yes) return true;
  if (!deps.io.stdinIsTTY || !deps.io.stderrIsTTY) {
    // The prompt reads stdin and writes stderr: name the one that is not a terminal.
    const which = !deps.io.stdinIsTTY ? "stdin" : "stderr";
    throw new InputError(`refusing to ${what} without --yes: ${which} is not a terminal`);
  }
  const { confirm } = await import("@inquirer/prompts");
  return await asking(() =>
    confirm({ message: `${what}?`, default: false }, { output: stderrStream() })
  );
}

function stderrStream(): NodeJS.WritableStream {
  // Prompts are messages, never data: they go to stderr so `| jq` still sees only JSON.
  return (globalThis as unknown as { process: { stderr: NodeJS.WritableStream } }).process.stderr;
}

/** The stderr line for a `-l` that matched nothing (exit 0), in kubectl delete's words. */
export const NONE_MATCHED = "No resources found\n";
