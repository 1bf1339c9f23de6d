/**
 * What `hyperctl wait` does once its options are checked: kubectl's wait for any HyperSDK
 * object — a phase, a condition, a deletion or a field's value.
 *
 * Each object is followed by a watch (object$, through waitFor), so the first check is immediate
 * and nothing polls. It ends like the operation waits: 0 met, 3 timed out (with the command that
 * resumes), 4 when the object reached a state the wanted one cannot come from, 1 for a missing
 * object (for `--for delete` missing is the goal, for `--for create` it is the start). On success it prints kubectl's
 * `KIND.GROUP/NAME condition met` lines, in the order given.
 * @module
 */

import { lastValueFrom } from "../../rx.ts";
import { nameOf } from "../../core/types.ts";
import { list$ } from "../../k8s/list.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import { resourceName } from "../../render/name.ts";
import type { WaitForOptions } from "./wait_for_options.ts";
import type { Connection, Deps } from "../deps.ts";
import { ObjectGoneError } from "../outcomes.ts";
import { concludeWait, waitFor } from "../operation_wait.ts";
import { refFor } from "./common.ts";
import { watchIdleMs } from "./_watch_idle.ts";

async function targetNames(
  conn: Connection,
  options: WaitForOptions,
): Promise<{ name: string; namespace: string }[]> {
  if (options.names.length > 0) {
    return options.names.map((name) => ({ name, namespace: conn.namespace }));
  }
  const ref = refFor(options.kind, options.allNamespaces ? undefined : conn.namespace);
  const { items } = await lastValueFrom(list$(conn.api, ref, { labelSelector: options.selector }));
  return items.map((o) => ({
    name: nameOf(o),
    namespace: o.metadata?.namespace ?? conn.namespace,
  }));
}

/** Run `wait` with checked options. */
export async function runWaitFor(options: WaitForOptions, deps: Deps): Promise<void> {
  const { kind, condition } = options;
  const idleMs = watchIdleMs((name) => deps.env(name));
  const conn = await deps.connect(options.globals);
  try {
    const names = await targetNames(conn, options);
    if (names.length === 0) {
      // kubectl: nothing to delete is done; nothing to wait for is an error.
      if (condition.type === "delete") return;
      throw new ObjectGoneError("no matching resources found");
    }
    const targets = names.map(({ name, namespace }) => ({
      kind,
      namespace,
      name,
      title: options.allNamespaces ? `${namespace}/${name}` : name,
      condition,
    }));
    const results = await waitFor(conn.api, targets, { ...options, idleMs }, deps);
    const met = results.filter((r) =>
      r.outcome === "succeeded" && (condition.type !== "delete" || r.seen)
    );
    if (options.output === "json" || options.output === "yaml") {
      // kubectl prints each object as it is met: JSON documents one after another, YAML
      // documents separated by `---` (the YAML renderer adds them from the second on).
      const renderer = await createRenderer(options.output, { kind, nowMs: deps.clock.now });
      await deps.io.out.write(met.map((r) => (r.object ? renderer.single(r.object) : "")).join(""));
    } else {
      const suffix = options.output === "name" ? "" : " condition met";
      await deps.io.out.write(
        met.map((r) => `${resourceName(kind, { metadata: { name: r.target.name } })}${suffix}\n`)
          .join(""),
      );
    }
    await concludeWait(results, options, deps);
  } finally {
    conn.close();
  }
}
