/**
 * What `list` does once its options are checked: list$ or watch$ → keep matching (server
 * selectors, then the client-side predicate) → renderer → stdout sink, on one cluster or several.
 * @module
 */

import type { Deps } from "../deps.ts";
import type { ListCommandOptions } from "./list_options.ts";
import { colorFor, refFor } from "./common.ts";
import { listEvents$, type PrintTally, streamWatch } from "./_stream_watch.ts";
import { listRenderer } from "./_list_renderer.ts";
import { printList } from "./_print_list.ts";
import { runMultiList } from "./_multi_cluster.ts";
import { noResourcesLine, saysNoResources } from "./_no_resources.ts";
import { withTemplateFile } from "./print_flags.ts";
import { endingSlice, openStateFile } from "./_state_file.ts";
import { clusterIdentity } from "../../k8s/cluster_identity.ts";
import { watchHealth } from "./_watch_health.ts";
import { watchIdleMs } from "./_watch_idle.ts";
import type { WatchResume } from "../../core/watch_state.ts";

/**
 * Run `list` with checked options. The watch idle bound (an environment variable) and a template
 * file are read and checked first: a problem with either exits 2 before connecting.
 */
export async function runList(checked: ListCommandOptions, deps: Deps): Promise<void> {
  const options: ListCommandOptions = {
    ...checked,
    ...withTemplateFile(checked, Deno.readTextFileSync),
    idleMs: watchIdleMs((name) => deps.env(name)),
  };
  const globals = options.globals;
  if (options.contexts !== undefined) {
    await runMultiList(options, options.contexts, deps);
    return;
  }
  const conn = await deps.connect(globals);
  try {
    const ref = refFor(options.kind, options.allNamespaces ? undefined : conn.namespace);
    const color = colorFor(globals, deps);
    const renderer = await listRenderer(options, { color, showContext: false }, deps);
    if (options.watch !== "none") {
      if (options.sortKey) await deps.io.err.write("warning: --sort-by is ignored under --watch\n");
      const health = watchHealth(
        (line) => void deps.io.err.write(line).catch(() => {}),
        () => deps.clock.now(),
        conn.api.server,
      );
      const onNotice = health.onNotice;
      if (options.stateFile === undefined) {
        await streamWatch(
          listEvents$(conn.api, ref, options, { onNotice }),
          { ...options, color },
          renderer,
          deps,
        );
        if (options.forMs !== undefined) health.finish(options.forMs);
        return;
      }
      const state = await openStateFile(options.stateFile, {
        kind: options.kind.kind,
        namespace: ref.namespace,
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        server: conn.api.server,
        filters: options.clientFilters,
      });
      let read: () => WatchResume | undefined = () => undefined;
      const tally: PrintTally = { received: 0, written: 0 };
      await endingSlice(state, async () => {
        state.checkCluster(await clusterIdentity(conn.api, ref));
        const events$ = listEvents$(conn.api, ref, options, {
          resume: state.resume(),
          checkpoint: (r) => (read = r),
          onNotice,
        });
        await streamWatch(events$, { ...options, color }, renderer, deps, tally);
        if (options.forMs !== undefined) health.finish(options.forMs);
      }, {
        // The watch's cache is its only checkpoint, and it holds every event emitted: it may be
        // saved only when all of them were written whole (a closed pipe or a full disk leaves
        // some unwritten). Otherwise the file keeps the previous checkpoint, and the next run
        // prints those events again: at least once, never lost.
        read: () => tally.written === tally.received ? read() : undefined,
        nowMs: () => deps.clock.now(),
        report: (line) => deps.io.err.write(line),
      });
      return;
    }
    const kept = await printList(conn.api, ref, { ...options, renderer, out: deps.io.out });
    if (kept === 0 && saysNoResources(options.output)) {
      await deps.io.err.write(noResourcesLine(options.allNamespaces ? undefined : conn.namespace));
    }
  } finally {
    conn.close();
  }
}
