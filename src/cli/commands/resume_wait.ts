/**
 * `op wait NAME…` (and `snapshot|backup|restore wait`): resume waiting for objects created
 * earlier — after a timeout or Ctrl+C, or by another tool.
 * @module
 */

import { kindByNoun, type Noun } from "../../core/kinds.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { concludeWait, waitFor } from "../operation_wait.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import { parseMutationOptions, type RawMutationFlags } from "./_mutate.ts";
import { parseTargetSpec } from "./_targets.ts";
import { InputError } from "../outcomes.ts";

/** Run `<noun> wait NAME…`. */
export async function runWaitCommand(
  noun: Noun,
  names: string[],
  flags: RawMutationFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  const kind = kindByNoun(noun);
  validateGlobalFlags(globals);
  if (names.length === 0) throw new InputError(`${noun} wait needs at least one name`);
  parseTargetSpec(kind, names, undefined);
  const options = parseMutationOptions({ ...flags, wait: true }, globals, deps.io.stderrIsTTY, {
    waitable: true,
  });
  const conn = await deps.connect(globals);
  try {
    const targets = names.map((name) => ({
      kind,
      namespace: conn.namespace,
      name,
      title: name,
    }));
    const results = await waitFor(conn.api, targets, options, deps);
    if (options.output !== undefined) {
      const renderer = await createRenderer(options.output, { kind, nowMs: deps.clock.now });
      const objects = results.flatMap((r) => (r.object ? [r.object] : []));
      if (objects.length > 0) {
        await deps.io.out.write(
          objects.length === 1 ? renderer.single(objects[0]) : renderer.list(objects),
        );
      }
    }
    await concludeWait(results, options, deps);
  } finally {
    conn.close();
  }
}
