/**
 * `-o`: validate the format before anything is sent, with the allowed list in the error.
 * @module
 */

import { allowedFormats, isOutputFormat, type OutputFormat } from "../render/renderer.ts";
import { closest } from "../core/did_you_mean.ts";
import { InputError } from "./outcomes.ts";

/**
 * Parse `-o`; undefined means the table view.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseOutputFormat } from "./output.ts";
 * equal(parseOutputFormat(undefined), "table");
 * ```
 */
export function parseOutputFormat(
  given: string | undefined,
  allowed: readonly OutputFormat[] = allowedFormats(),
): OutputFormat {
  const value = foldFormatCase(given);
  if (value === undefined || value === "") return "table";
  if (isOutputFormat(value) && allowed.includes(value)) return value;
  const hint = closest(value, allowed);
  throw new InputError(
    `unknown output format "${value}": allowed formats are ${allowed.join(", ")}${
      hint ? ` (did you mean "${hint}"?)` : ""
    }`,
  );
}

/** The formats whose case kubectl ignores (`-o JSON`, `-o Name`); every other is matched exactly. */
const CASE_FOLDED: readonly string[] = ["json", "yaml", "name"];

/**
 * `-o`'s value with the case of json, yaml and name folded, as kubectl folds it.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { foldFormatCase } from "./output.ts";
 * equal(foldFormatCase("JSON"), "json");
 * equal(foldFormatCase("Wide"), "Wide");
 * ```
 */
export function foldFormatCase(value: string | undefined): string | undefined {
  const lower = value?.toLowerCase();
  return lower !== undefined && CASE_FOLDED.includes(lower) ? lower : value;
}
