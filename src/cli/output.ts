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
  value: string | undefined,
  allowed: readonly OutputFormat[] = allowedFormats(),
): OutputFormat {
  if (value === undefined || value === "") return "table";
  if (isOutputFormat(value) && allowed.includes(value)) return value;
  const hint = closest(value, allowed);
  throw new InputError(
    `unknown output format "${value}": allowed formats are ${allowed.join(", ")}${
      hint ? ` (did you mean "${hint}"?)` : ""
    }`,
  );
}
