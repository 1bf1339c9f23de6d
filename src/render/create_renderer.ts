/**
 * Map an output format and the command's situation to one renderer (kubectl
 * `PrintFlags.ToPrinter`): the CLI never assembles renderers itself.
 * @module
 */

import type { KindInfo } from "../core/kinds.ts";
import { objectColumns } from "./columns.ts";
import { createJsonRenderer } from "./json.ts";
import { createJsonLinesRenderer } from "./jsonl.ts";
import { withLabelColumns } from "./label_columns.ts";
import { withWatchEventObjects } from "./watch_event_objects.ts";
import type { PrintOptions } from "./print_options.ts";
import { createNameRenderer } from "./name.ts";
import type { OutputFormat, Renderer } from "./renderer.ts";
import { createTableRenderer } from "./table.ts";
import { withWatchColumns } from "./watch_columns.ts";
import { withoutManagedFields } from "./without_managed_fields.ts";

/** Everything the formats need to know; all but `kind` and `nowMs` default to off. */
export interface RendererOptions {
  kind: KindInfo;
  /** Current time in epoch ms (AGE of listed objects, TIME of the initial rows under watch). */
  nowMs: () => number;
  /** `--no-headers`. @default false */
  noHeaders?: boolean;
  /** `-A`: add a NAMESPACE column. @default false */
  showNamespace?: boolean;
  /** Several clusters merged: CONTEXT column / `context` field. @default false */
  showContext?: boolean;
  /** Colour the STATUS/PHASE cell of tables; data formats are never coloured. @default false */
  color?: boolean;
  /** The output is a stream of events (`--watch`): JSON Lines, YAML documents, TIME/EVENT rows. @default false */
  watch?: boolean;
  /** Under watch, whether tables get the TIME and EVENT columns. @default true */
  showEvents?: boolean;
  /** Formats TIME under watch. @default localClockTime */
  formatTime?: (ms: number) => string;
  /** `-o json` keys in Go's order: objects built here, never sent (client dry run). @default false */
  goKeyOrder?: boolean;
  /** Templates, label columns and kubectl's other printing flags. @default {} */
  print?: PrintOptions;
}

/**
 * Create the renderer for `-o FORMAT` (table is the default view), always without managedFields.
 *
 * Asynchronous because `-o yaml` imports its renderer, and the YAML emitter with it, only when it
 * is asked for, so the other formats never load them (bench/FINDINGS.md, change 6).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * const r = await createRenderer("json", { kind: kindByNoun("vm"), nowMs: () => 0, watch: true });
 * equal(r.event({ type: "DELETED", object: {} }, 0), '{"type":"DELETED","object":{}}\n');
 * ```
 */
export async function createRenderer(
  format: OutputFormat,
  options: RendererOptions,
): Promise<Renderer> {
  // Templates see the whole object, as kubectl's do; json and yaml hide managedFields unless asked.
  const strip = options.print?.showManagedFields ? (r: Renderer) => r : withoutManagedFields;
  if (format === "yaml") {
    const { createYamlRenderer } = await import("./yaml.ts");
    const yaml = createYamlRenderer({ watch: options.watch });
    return strip(options.watch && options.print?.watchEvents ? withWatchEventObjects(yaml) : yaml);
  }
  // The template formats (and the jsonpath evaluator) load only when asked for, like yaml, so a
  // plain table or json list does not evaluate their modules at start.
  const print = options.print ?? {};
  if (format === "jsonpath" || format === "jsonpath-as-json") {
    if (!print.jsonPath) throw new TypeError(`-o ${format} needs a parsed template`);
    const { createJsonPathRenderer } = await import("./jsonpath.ts");
    return createJsonPathRenderer(print.jsonPath, {
      ...print,
      asJson: format === "jsonpath-as-json",
      watch: options.watch,
    });
  }
  if (format === "custom-columns") {
    if (!print.customColumns) throw new TypeError("-o custom-columns needs parsed columns");
    const { createCustomColumnsRenderer } = await import("./custom_columns.ts");
    return createCustomColumnsRenderer(print.customColumns, {
      noHeaders: options.noHeaders,
      watchEvents: print.watchEvents,
      terminal: print.terminal,
    });
  }
  return strip(build(format, options));
}

function build(
  format: Exclude<OutputFormat, "yaml" | "jsonpath" | "jsonpath-as-json" | "custom-columns">,
  options: RendererOptions,
): Renderer {
  const print = options.print ?? {};
  switch (format) {
    case "json":
      return options.watch
        ? createJsonLinesRenderer()
        : createJsonRenderer({ goKeyOrder: options.goKeyOrder });
    case "name":
      return createNameRenderer(options.kind);
    case "table":
    case "wide": {
      const base = withLabelColumns(
        objectColumns(options.kind, {
          wide: format === "wide",
          showNamespace: options.showNamespace,
          showContext: options.showContext,
          showKind: print.showKind,
        }),
        print,
      );
      const set = options.watch && options.showEvents !== false
        ? withWatchColumns(base, { formatTime: options.formatTime })
        : base;
      return createTableRenderer(set, {
        nowMs: options.nowMs,
        noHeaders: options.noHeaders,
        color: options.color,
      });
    }
  }
}
