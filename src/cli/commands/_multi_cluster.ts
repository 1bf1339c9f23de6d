/**
 * `list --context a,b` / `--all-contexts`: one stream per cluster, merged into one output with a
 * CONTEXT column (table) or `context` field (JSON Lines). A cluster that fails is reported on
 * stderr and the others go on; the exit code is then 1.
 * @module
 */

import { catchError, from, ignoreElements, map, merge } from "../../rx.ts";
import { sortObjects } from "../../core/sort.ts";
import type { KubeObject } from "../../core/types.ts";
import type { Connection, Deps } from "../deps.ts";
import { errorLine } from "../exit_code.ts";
import { InputError } from "../outcomes.ts";
import { colorFor, refFor } from "./common.ts";
import { listEvents$, streamWatch } from "./_stream_watch.ts";
import { watchHealth } from "./_watch_health.ts";
import type { ListCommandOptions } from "./list_options.ts";
import { listRenderer } from "./_list_renderer.ts";
import { listKept } from "./_print_list.ts";
import { noResourcesLine, saysNoResources } from "./_no_resources.ts";

async function report(deps: Deps, context: string, err: unknown): Promise<void> {
  deps.exitCode = 1;
  await deps.io.err.write(
    `${errorLine(err).replace(/^error: /, `error: context "${context}": `)}\n`,
  );
}

/** Run `list` across several contexts. */
export async function runMultiList(
  options: ListCommandOptions,
  contexts: readonly string[] | "all",
  deps: Deps,
): Promise<void> {
  const globals = options.globals;
  const names = contexts === "all" ? await deps.contextNames(globals) : contexts;
  if (names.length === 0) throw new InputError("the kubeconfig has no contexts");
  const conns: { context: string; conn: Connection }[] = [];
  for (const context of names) {
    try {
      conns.push({ context, conn: await deps.connect({ ...globals, context }) });
    } catch (err) {
      await report(deps, context, err);
    }
  }
  try {
    const color = colorFor(globals, deps);
    const renderer = await listRenderer(options, { color, showContext: true }, deps);
    const refOf = (c: Connection) =>
      refFor(options.kind, options.allNamespaces ? undefined : c.namespace);
    if (options.watch !== "none") {
      // Each cluster's reconnects are said on stderr, prefixed with its context.
      const health = (context: string, conn: Connection) => ({
        onNotice: watchHealth(
          (line) => void deps.io.err.write(`${context}: ${line}`).catch(() => {}),
          () => deps.clock.now(),
          conn.api.server,
        ).onNotice,
      });
      const events$ = merge(
        ...conns.map(({ context, conn }) =>
          listEvents$(conn.api, refOf(conn), options, health(context, conn)).pipe(
            map((ev) => ({ ...ev, context })),
            catchError((err) => from(report(deps, context, err)).pipe(ignoreElements())),
          )
        ),
      );
      await streamWatch(events$, { ...options, showContext: true, color }, renderer, deps);
      return;
    }
    const results = await Promise.all(conns.map(async ({ context, conn }) => {
      try {
        const kept = await listKept(conn.api, refOf(conn), options);
        return kept.map((object) => ({ object, context }));
      } catch (err) {
        await report(deps, context, err);
        return [];
      }
    }));
    let rows: { object: KubeObject; context: string }[] = results.flat();
    if (options.sortKey) {
      const order = sortObjects(rows.map((r) => r.object), options.sortKey);
      const byObject = new Map(rows.map((r) => [r.object, r]));
      rows = order.map((o) => byObject.get(o)!);
    }
    if (rows.length === 0 && saysNoResources(options.output)) {
      await deps.io.err.write(noResourcesLine(undefined));
      return;
    }
    await deps.io.out.write(renderer.list(rows.map((r) => r.object), rows.map((r) => r.context)));
  } finally {
    for (const { conn } of conns) conn.close();
  }
}
