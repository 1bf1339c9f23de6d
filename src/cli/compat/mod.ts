/**
 * HyperSDK compatibility: `hyperctl k8s -op …`.
 * @module
 */

import { translateK8sArgs } from "./translate.ts";

export { type K8sTranslation, translateK8sArgs } from "./translate.ts";
export { OPS, type OpSpec } from "./ops.ts";
export { k8sHelp } from "./help.ts";

/**
 * Thrown by `expandCompat` for `hyperctl k8s -help`: the caller prints `text` to stdout and
 * exits 0; exit_code.ts maps it to 0 even where it is not printed.
 */
export class CompatHelpRequest extends Error {
  override name = "CompatHelpRequest";
  constructor(readonly text: string) {
    super("");
  }
}

/**
 * `argv` unchanged unless it starts with `k8s`; then the translated hyperctl argv.
 *
 * @throws UsageError for bad HyperSDK input (exit 2); CompatHelpRequest for `-h`/`-help`
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { expandCompat } from "./mod.ts";
 * deepEqual(expandCompat(["k8s", "-op", "vm-get", "-vm", "a"]), ["vm", "get", "a", "-o", "yaml"]);
 * deepEqual(expandCompat(["vm", "list"]), ["vm", "list"]);
 * ```
 */
export function expandCompat(argv: string[]): string[] {
  if (argv[0] !== "k8s") return argv;
  const t = translateK8sArgs(argv.slice(1));
  if ("help" in t) throw new CompatHelpRequest(t.help);
  return t.argv;
}
