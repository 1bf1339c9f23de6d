/**
 * `hyperctl <noun> get NAME… [-w]`: objects by name, or one object followed over time.
 *
 * The first state comes from a GET (so a missing object is a clear 404, exit 1); the watch
 * then prints every later change as kubectl's `get -w` does, but survives server closes.
 * Several names print as kubectl does: one table, or a `List` for json/yaml, with one error line
 * per missing name and exit 1 if any is missing.
 * @module
 */

import { watchHealth } from "./_watch_health.ts";
import { parseDuration } from "../../core/duration.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { validateDns1123Name } from "../../core/names.ts";
import { resourceVersionOf } from "../../core/types.ts";
import { watch$ } from "../../k8s/watch.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import type { OutputFormat, Renderer } from "../../render/renderer.ts";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import { errorLine } from "../exit_code.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { parseOutputFlags, type RawPrintFlags } from "../print_flags.ts";
import type { PrintOptions } from "../../render/print_options.ts";
import { InputError } from "../outcomes.ts";
import { followToEnd, printEach, until } from "../stream_tail.ts";
import { colorFor, refFor } from "./common.ts";

/** Flags of `get`. */
export interface RawGetFlags extends RawPrintFlags {
  headers?: boolean;
  watch?: boolean;
  watchOnly?: boolean;
  for?: string;
}

/** Typed options of `get`. */
export interface GetCommandOptions {
  kind: KindInfo;
  names: readonly string[];
  output: OutputFormat;
  /** Template, label columns and kubectl's other printing flags. */
  print: PrintOptions;
  noHeaders: boolean;
  watch: "none" | "watch" | "watch-only";
  forMs?: number;
}

/** Parse and check `get`'s flags; usage errors (exit 2) happen before any request. */
export function parseGetOptions(
  kind: KindInfo,
  names: readonly string[],
  flags: RawGetFlags,
  globals: GlobalFlags,
  terminal = false,
): GetCommandOptions {
  validateGlobalFlags(globals);
  if (globals.allNamespaces) {
    throw new InputError(
      `a ${kind.singular} cannot be retrieved by name across all namespaces; use -n NAMESPACE`,
    );
  }
  for (const name of names) validateDns1123Name(name, `${kind.singular} name`);
  const watch = flags.watchOnly ? "watch-only" : flags.watch ? "watch" : "none";
  if (watch !== "none" && names.length > 1) {
    throw new InputError(
      `--watch follows one ${kind.singular}; for several use list -w (-l SELECTOR)`,
    );
  }
  if (flags.for !== undefined && watch === "none") {
    throw new InputError("--for needs --watch or --watch-only");
  }
  return {
    kind,
    names,
    ...parseOutputFlags(globals.output, flags, { watch: watch !== "none", terminal }),
    noHeaders: flags.headers === false,
    watch,
    forMs: flags.for === undefined ? undefined : parseDuration(flags.for),
  };
}

/** Run `get` with parsed options. */
export async function runGet(
  options: GetCommandOptions,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
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
 * the order given, after a line on stderr for each missing name (then exit 1).
 */
async function printByName(
  options: GetCommandOptions,
  api: KubeApi,
  ref: ResourceRef,
  renderer: Renderer,
  deps: Deps,
): Promise<void> {
  const got = await Promise.all(options.names.map((name) =>
    api.get(ref, name).then(
      (object) => ({ object, missing: undefined }),
      (err) => {
        if ((err as { code?: number }).code !== 404 || options.names.length === 1) throw err;
        return { object: undefined, missing: err };
      },
    )
  ));
  for (const { missing } of got) {
    if (missing) {
      deps.exitCode = 1;
      await deps.io.err.write(`${errorLine(missing)}\n`);
    }
  }
  const found = got.flatMap((g) => (g.object ? [g.object] : []));
  if (options.names.length === 1) {
    await deps.io.out.write(renderer.single(found[0]));
  } else if (found.length > 0 || options.output === "json" || options.output === "yaml") {
    await deps.io.out.write(renderer.list(found));
  }
}

/** Entry point from the command tree. */
export async function runGetCommand(
  kind: KindInfo,
  names: readonly string[],
  flags: RawGetFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  await runGet(
    parseGetOptions(kind, names, flags, globals, deps.io.stdoutIsTTY),
    globals,
    deps,
  );
}
