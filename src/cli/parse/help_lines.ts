/**
 * Two pieces of help (help.ts): a leaf's usage line (its arguments and required flags, then
 * `[flags]`), which its own help and its group's both show, and the root's list of global flags.
 * @module
 */

import type { ArgSpec, CommandSpec, FlagSpec } from "../command_spec.ts";

/**
 * The usage line of `leaf` after the command words: `<name> --cpus <n> --memory <quantity> [flags]`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { usageLine } from "./help_lines.ts";
 * const leaf = {
 *   name: "clone",
 *   description: "",
 *   args: [{ name: "name", required: false, variadic: false }],
 *   flags: [{ long: "--target", value: "required" as const, placeholder: "name", description: "", required: true }],
 *   globals: ["--namespace"],
 * };
 * equal(usageLine(leaf), "[name] --target <name> [flags]");
 * ```
 */
export function usageLine(leaf: CommandSpec): string {
  const args = (leaf.args ?? []).map(argWord);
  const flags = (leaf.flags ?? []).filter((f) => f.required).map((f) =>
    `${f.long} ${valueWord(f)}`
  );
  const optional = (leaf.flags ?? []).length + (leaf.globals ?? []).length > flags.length;
  return [...args, ...flags, ...(optional ? ["[flags]"] : [])].join(" ");
}

function argWord(arg: ArgSpec): string {
  const word = arg.variadic ? `${arg.name}...` : arg.name;
  return arg.required ? `<${word}>` : `[${word}]`;
}

function valueWord(flag: FlagSpec): string {
  return `<${flag.placeholder ?? "value"}>`;
}

/**
 * The root's help section on global flags: what each means, and `--version`.
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * import { globalFlagsHelp } from "./help_lines.ts";
 * const text = globalFlagsHelp([{ long: "--namespace", short: "-n", value: "required", placeholder: "ns", description: "namespace" }]);
 * match(text, /-n, --namespace <ns>  namespace/);
 * match(text, /--version/);
 * ```
 */
export function globalFlagsHelp(flags: readonly FlagSpec[]): string {
  const rows: [string, string][] = flags.map((f) => [
    `${f.short ? `${f.short}, ` : "    "}${f.long}${f.value === "none" ? "" : ` ${valueWord(f)}`}`,
    f.default === undefined ? f.description : `${f.description} (default: ${f.default})`,
  ]);
  rows.push(["    --version", "print hyperctl's version and exit"]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    "Global flags (before or after the command words; a command's --help lists those it takes):",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ].join("\n");
}
