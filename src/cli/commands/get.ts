/**
 * `hyperctl <noun> get NAME [-w]`: one object, or one object followed over time.
 *
 * The first state comes from a GET (so a missing object is a clear 404, exit 1); the watch
 * then prints every later change as kubectl's `get -w` does, but survives server closes.
 * @module
 */

import {
  concatMap,
  from,
  lastValueFrom,
  merge,
  NEVER,
  takeUntil,
  takeWhile,
  timer,
} from "../../rx.ts";
import { parseDuration } from "../../core/duration.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { validateDns1123Name } from "../../core/names.ts";
import { type KubeObject, resourceVersionOf } from "../../core/types.ts";
import { object$ } from "../../k8s/get.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import type { RenderEvent } from "../../render/renderer.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { parseOutputFlags } from "../print_flags.ts";
import type { PrintOptions } from "../../render/print_options.ts";
import { InputError, InterruptedError } from "../outcomes.ts";
import type { RawGetFlags } from "../program.ts";
import { colorFor, interrupted$, refFor } from "./_common.ts";

/** Typed options of `get`. */
export interface GetCommandOptions {
  kind: KindInfo;
  name: string;
  output: OutputFormat;
  /** Template, label columns and kubectl's other printing flags. */
  print: PrintOptions;
  watch: "none" | "watch" | "watch-only";
  forMs?: number;
}

/** Parse and check `get`'s flags; usage errors (exit 2) happen before any request. */
export function parseGetOptions(
  kind: KindInfo,
  name: string,
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
  validateDns1123Name(name, `${kind.singular} name`);
  const watch = flags.watchOnly ? "watch-only" : flags.watch ? "watch" : "none";
  if (flags.for !== undefined && watch === "none") {
    throw new InputError("--for needs --watch or --watch-only");
  }
  return {
    kind,
    name,
    ...parseOutputFlags(globals.output, flags, { watch: watch !== "none", terminal }),
    watch,
    forMs: flags.for === undefined ? undefined : parseDuration(flags.for),
  };
}

/** The change between two states of one object, as a watch event (or nothing). */
export function changeOf(
  prev: KubeObject | undefined,
  next: KubeObject | undefined,
): RenderEvent | undefined {
  if (next === undefined) return prev === undefined ? undefined : { type: "DELETED", object: prev };
  if (prev === undefined) return { type: "ADDED", object: next };
  return resourceVersionOf(prev) === resourceVersionOf(next)
    ? undefined
    : { type: "MODIFIED", object: next };
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
      watch: options.watch !== "none",
      print: options.print,
    });
    const first = await conn.api.get(ref, options.name);
    if (options.watch === "none") {
      await deps.io.out.write(renderer.single(first));
      return;
    }
    if (options.watch === "watch") {
      if (
        !await deps.io.out.write(renderer.event({ type: "ADDED", object: first }, deps.clock.now()))
      ) return;
    }
    let prev: KubeObject | undefined = first;
    const stop$ = merge(
      options.forMs === undefined ? NEVER : timer(options.forMs),
      interrupted$(deps.interrupt),
    );
    await lastValueFrom(
      object$(conn.api, ref, options.name).pipe(
        takeUntil(stop$),
        concatMap((next) => {
          const change = changeOf(prev, next);
          prev = next;
          return change
            ? from(deps.io.out.write(renderer.event(change, deps.clock.now())))
            : [true];
        }),
        takeWhile((open) => open),
      ),
      { defaultValue: true },
    );
    const signal = deps.interruptedBy();
    if (signal) throw new InterruptedError(signal);
  } finally {
    conn.close();
  }
}

/** Entry point from the command tree. */
export async function runGetCommand(
  kind: KindInfo,
  name: string,
  flags: RawGetFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  await runGet(
    parseGetOptions(kind, name, flags, globals, deps.io.stdoutIsTTY),
    globals,
    deps,
  );
}
