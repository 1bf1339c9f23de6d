/**
 * The check `status` and `version` share: the global flags and `-o table|json|yaml`, each
 * problem named. Light, for command modules' `parse`.
 * @module
 */

import { attempt, collect, type Validation } from "../../core/validation.ts";
import { checkGlobals, type GlobalFlags } from "../global_flags.ts";
import { parseOutputFormat } from "../output.ts";

/** A report's format and the global flags it connects with. */
export interface ReportOptions {
  output: "table" | "json" | "yaml";
  globals: GlobalFlags;
}

/** Check the global flags and `-o` of a report. */
export function checkReport(flags: GlobalFlags): Validation<ReportOptions> {
  return collect({
    output: attempt(() =>
      parseOutputFormat(flags.output, ["table", "json", "yaml"]) as ReportOptions["output"]
    ),
    globals: checkGlobals(flags),
  });
}
