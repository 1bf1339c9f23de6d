/**
 * The typed options of `describe`, parsed from its flags before anything is sent. Apart from
 * describe.ts so the run side (_run_describe.ts) shares the type without importing the command back.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { ReportOptions } from "./report_flags.ts";
import type { TargetSpec } from "./target_spec.ts";

/** Typed options of `describe`, checked before anything is sent. */
export interface DescribeOptions extends ReportOptions {
  kind: KindInfo;
  targets: TargetSpec;
  allNamespaces: boolean;
}
