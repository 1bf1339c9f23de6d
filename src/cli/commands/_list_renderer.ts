/**
 * The renderer `list` prints with, for one cluster or several (CONTEXT column).
 * @module
 */

import { createRenderer } from "../../render/create_renderer.ts";
import type { Renderer } from "../../render/renderer.ts";
import { withContextMarker } from "../../render/context_marker.ts";
import type { Deps } from "../deps.ts";
import type { ListCommandOptions } from "./list_options.ts";

/** Build the list renderer from the parsed options. */
export async function listRenderer(
  options: ListCommandOptions,
  how: { color: boolean; showContext: boolean },
  deps: Pick<Deps, "clock">,
): Promise<Renderer> {
  const renderer = await createRenderer(options.output, {
    kind: options.kind,
    nowMs: deps.clock.now,
    noHeaders: options.noHeaders,
    showNamespace: options.allNamespaces,
    showContext: how.showContext,
    color: how.color,
    watch: options.watch !== "none",
    print: options.print,
  });
  const format = options.output;
  // Tables have their CONTEXT column; the data formats mark each object instead.
  return how.showContext && (format === "json" || format === "yaml" || format === "name")
    ? withContextMarker(renderer, format)
    : renderer;
}
