/**
 * Checks a preset's values with the same parsers the flags use, so a bad preset fails when the
 * config is loaded (with the file and line) rather than later as a puzzling flag error.
 * @module
 */

import { parseFieldSelector } from "../../core/field_selector.ts";
import { parseFilterOptions } from "../../core/filters.ts";
import { kindByNoun } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { parseQuery } from "../../core/query.ts";
import { parseSortKey } from "../../core/sort.ts";
import type { Preset } from "./config_model.ts";

/**
 * Throw the flag parser's error for the first malformed value. Phases, `--where` and
 * `--sort-by` depend on the kind, so they are checked only when the preset names its kind.
 */
export function checkPresetValues(preset: Preset): void {
  if (preset.selector !== undefined) parseLabelSelector(preset.selector);
  if (preset.fieldSelector !== undefined) parseFieldSelector(preset.fieldSelector);
  const kind = kindByNoun(preset.kind ?? "vm");
  parseFilterOptions(
    {
      status: preset.kind === undefined ? undefined : preset.status,
      node: preset.node,
      minCpus: preset.minCpus,
      minMemory: preset.minMemory,
      createdAfter: preset.createdAfter,
      createdBefore: preset.createdBefore,
    },
    kind,
    0,
  );
  if (preset.kind !== undefined && preset.where !== undefined) parseQuery(preset.where, kind);
  if (preset.kind !== undefined && preset.sortBy !== undefined) parseSortKey(preset.sortBy, kind);
}
