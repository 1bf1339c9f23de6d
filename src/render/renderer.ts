/**
 * The one contract every output format implements, for lists and for watch events alike.
 *
 * A watch event is an item with a type (as in kubectl's printers), so `get` and
 * `get -w` share the renderer; state that streaming needs (header printed, column widths, YAML
 * document count) lives inside the instance, like kubectl's `HumanReadablePrinter`.
 * @module
 */

import type { KubeObject } from "../core/types.ts";
import type { ViewEvent } from "../core/view_cache.ts";

/**
 * One event to print: a view event of the core watch (never BOOKMARK or ERROR), and `context`
 * naming the cluster when several are merged.
 */
export interface RenderEvent extends ViewEvent {
  readonly context?: string;
}

/**
 * Turns objects into text. Every method returns the exact text to write (possibly "", always
 * ending in a newline otherwise); the caller hands it to a sink.
 */
export interface Renderer {
  /**
   * Print a list result. Under watch, the items are the initial state and print as ADDED events.
   * @param contexts optional cluster name per item (same index), for multi-cluster output
   */
  list(items: readonly KubeObject[], contexts?: readonly (string | undefined)[]): string;
  /** Print one object fetched by name (JSON/YAML print the bare object, not a List). */
  single(obj: KubeObject, context?: string): string;
  /** Print one watch event that happened at `atMs` (epoch milliseconds). */
  event(ev: RenderEvent, atMs: number): string;
  /**
   * Print events that arrived together, laid out together: a table aligns a watch's initial
   * list as kubectl does. Absent: each is printed by {@link event}.
   */
  events?(evs: readonly RenderEvent[], atMs: number): string;
}

/** The `-o` values hyperctl accepts; the last three come with a template (`-o jsonpath=…`). */
export type OutputFormat =
  | "table"
  | "wide"
  | "json"
  | "yaml"
  | "name"
  | "jsonpath"
  | "jsonpath-as-json"
  | "custom-columns";

const FORMATS: readonly OutputFormat[] = ["table", "wide", "json", "yaml", "name"];

/**
 * The accepted `-o` values, in the order `--help` and the error message list them.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(allowedFormats(), ["table", "wide", "json", "yaml", "name"]);
 * ```
 */
export function allowedFormats(): readonly OutputFormat[] {
  return FORMATS;
}

/**
 * Narrow a user-supplied `-o` value, so the CLI can reject the rest before sending anything.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(isOutputFormat("wide"), true);
 * equal(isOutputFormat("jsonpath"), false);
 * ```
 */
export function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}
