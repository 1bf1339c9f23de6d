/**
 * What `get` does once its options are checked: objects by name, or one object followed over time.
 *
 * The first state comes from a GET (so a missing object is a clear 404, exit 1); the watch
 * then prints every later change as kubectl's `get -w` does, but survives server closes.
 * Several names print as kubectl does: one table, or a `List` for json/yaml, with one error line
 * per missing name and exit 1 if any is missing; `--sort-by` orders them.
 * @module
 */

import { watchHealth } from "./_watch_health.ts";
import { sortObjects } from "../../core/sort.ts";
import { resourceVersionOf } from "../../core/types.ts";
import { watch$ } from "../../k8s/watch.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import type { Renderer } from "../../render/renderer.ts";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import { getOrMissing, type Named, reportMissing } from "./_missing_names.ts";
import type { GetCommandOptions } from "./get_options.ts";
import type { Deps } from "../deps.ts";
import { withTemplateFile } from "./print_flags.ts";
import { followToEnd, printEach, until } from "../stream_tail.ts";
import { colorFor, refFor } from "./common.ts";

/** Run `get` with checked options; a template file is read (exit 2 on a problem) before connecting. */
export async function runGet(checked: GetCommandOptions, deps: Deps): Promise<void> {
  const options = { ...checked, ...withTemplateFile(checked, Deno.readTextFileSync) };
  const globals = options.globals;
  const conn = await deps.connect(globals);
  try {
    const ref = refFor(options.kind, conn.namespace);
    const renderer = await createRenderer(options.output, {
      kind: options.kind,
      nowMs: deps.clock.now,
      color: colorFor(globals, deps),
      noHeaders: options.noHeaders,
      watch: options.watch !== "none",
      print: options.print,
    });
    if (options.watch === "none") {
      await printByName(options, conn.api, ref, renderer, deps);
      return;
    }
    if (options.sortKey) await deps.io.err.write("warning: --sort-by is ignored under --watch\n");
    const name = options.names[0];
    const first = await conn.api.get(ref, name);
    if (options.watch === "watch") {
      if (
        !await deps.io.out.write(renderer.event({ type: "ADDED", object: first }, deps.clock.now()))
      ) return;
    }
    const health = watchHealth(
      (line) => void deps.io.err.write(line).catch(() => {}),
      () => deps.clock.now(),
      conn.api.server,
    );
    health.onNotice({ kind: "reached" }); // the GET above was answered
    // The same view machinery as `list -w`, narrowed to one name and resumed from the GET: only
    // what changes after it is printed, and a change between the GET and the watch is not lost.
    const changes$ = watch$(conn.api, ref, {
      fieldSelector: `metadata.name=${name}`,
      resume: { resourceVersion: resourceVersionOf(first) ?? "", objects: [first] },
      onNotice: health.onNotice,
    });
    await followToEnd(
      changes$.pipe(
        until(options.forMs, deps),
        printEach((change) => renderer.event(change, deps.clock.now()), deps.io.out),
      ),
      deps,
    );
    if (options.forMs !== undefined) health.finish(options.forMs);
  } finally {
    conn.close();
  }
}

/**
 * One name prints the bare object; several print one table or one `List` (kubectl's shape), in
 * the order given, then a line on stderr for each missing name (then exit 1), as kubectl orders them.
 */
async function printByName(
  options: GetCommandOptions,
  api: KubeApi,
  ref: ResourceRef,
  renderer: Renderer,
  deps: Deps,
): Promise<void> {
  // One name fails as its read does; of several, the missing ones are told after the others.
  const got: Named[] = options.names.length === 1
    ? [{ object: await api.get(ref, options.names[0]) }]
    : await Promise.all(options.names.map((name) => getOrMissing(api, ref, name)));
  const present = got.flatMap((g) => ("object" in g ? [g.object] : []));
  // Sorted before anything prints, in every format, and a path no object has fails (one name
  // too). kubectl sorts several names so for json, yaml, name and templates; its table sorts the
  // server's Table wrappers instead of the objects, and so fails on any object field.
  const found = options.sortKey ? sortObjects(present, options.sortKey) : present;
  if (options.names.length === 1) {
    await deps.io.out.write(renderer.single(found[0]));
  } else if (found.length > 0 || options.output === "json" || options.output === "yaml") {
    await deps.io.out.write(renderer.list(found));
  }
  await reportMissing(got.flatMap((g) => ("missing" in g ? [g.missing] : [])), deps);
}
