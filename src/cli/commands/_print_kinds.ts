/**
 * The text of `get` for several kinds, as kubectl prints it: a table per section, the kind in
 * NAME and a blank line between tables; `-o name` line by line; every other format one `List`
 * of every object.
 * @module
 */

import { type KindSection, showsKinds, sortSections } from "../../core/kind_sections.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import type { GetKindsOptions } from "./get_kinds_options.ts";

/** Whether `output` is a table, the format printed per kind and that says "No resources found". */
export function isTable(output: OutputFormat): boolean {
  return output === "table" || output === "wide";
}

/**
 * The text of `sections` ("" when nothing prints).
 *
 * @param anyKind a kind for the formats that print every kind alike (json, yaml, templates)
 * @throws SortFieldError for a `--sort-by` field no object has
 */
export async function kindsText(
  sections: readonly KindSection[],
  anyKind: KindInfo,
  options: Omit<GetKindsOptions, "request" | "globals" | "chunkSize">,
  how: { nowMs: () => number; color: boolean },
): Promise<string> {
  const { output, noHeaders } = options;
  const perKind = isTable(output) || output === "name";
  // Only tables sort kind by kind; every other format sorts the one list of every object.
  const sorted = options.sortKey
    ? sortSections(sections, options.sortKey, !isTable(output))
    : sections;
  const renderer = (kind: KindInfo, showKind: boolean) =>
    createRenderer(output, {
      kind,
      nowMs: how.nowMs,
      noHeaders,
      showNamespace: options.allNamespaces,
      color: how.color,
      print: { ...options.print, showKind: options.print.showKind || showKind },
    });
  if (!perKind) {
    return (await renderer(anyKind, false)).list(sorted.flatMap((s) => s.objects));
  }
  const showKind = isTable(output) && showsKinds(sorted);
  let text = "";
  for (const section of sorted) {
    const part = (await renderer(section.kind, showKind)).list(section.objects);
    // A blank line before each table after the first that prints, unless headers are off.
    if (part && text && isTable(output) && !noHeaders) text += "\n";
    text += part;
  }
  return text;
}
