/**
 * Help text, written from the same specs the parser reads (leaf_words.ts), so it cannot offer a
 * flag the parser refuses or hide one it takes.
 *
 * The layout is the one hyperctl has always printed: USAGE, the description, ALIASES, FLAGS
 * (`-n [--namespace]`; a flag the command needs has no brackets; `...` when repeatable; the
 * choices last), then ARGUMENTS or COMMANDS.
 * @module
 */

import type { ArgSpec, CommandSpec, FlagSpec } from "../command_spec.ts";
import { honouredBy } from "../honoured_globals.ts";
import { globalFlagsHelp, usageLine } from "./help_lines.ts";

const HELP_BRIEF = "Print help information and exit";
const ESCAPE_BRIEF = "All subsequent inputs should be interpreted as arguments";

/**
 * Help for `leaf`, reached by the command words `prefix` (`["hyperctl", "vm", "list"]`).
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * import { leafHelp } from "./help.ts";
 * const leaf = {
 *   name: "list",
 *   description: "list things",
 *   flags: [{ long: "--watch", short: "-w", value: "none" as const, description: "watch" }],
 *   run: () => Promise.resolve(),
 * };
 * match(leafHelp(["x", "list"], leaf, []), /^ {2}-w \[--watch\] +watch$/m);
 * ```
 */
export function leafHelp(
  prefix: readonly string[],
  leaf: CommandSpec,
  globals: readonly FlagSpec[],
): string {
  const words = prefix.join(" ");
  const flags = [...honouredBy(leaf, globals), ...(leaf.flags ?? [])];
  const lines = [
    "USAGE",
    `  ${[words, usageLine(leaf)].filter(Boolean).join(" ")}`,
    `  ${words} --help`,
    "",
    leaf.description,
    ...aliasLines(prefix, leaf),
    "",
    "FLAGS",
    ...flagRows(flags).map((row) => `  ${row}`),
  ];
  const args = leaf.args ?? [];
  if (args.length > 0) lines.push("", "ARGUMENTS", ...argumentRows(args).map((r) => `  ${r}`));
  return `${lines.join("\n")}\n`;
}

/**
 * Help for a group whose children are all loaded (lazy.ts): one usage line per child, then
 * the list of children. The root's also lists the global flags and its `helpAfter`.
 */
export function groupHelp(
  prefix: readonly string[],
  group: CommandSpec,
  globals: readonly FlagSpec[],
): string {
  const isRoot = prefix.length === 1;
  const children = (group.commands ?? []).filter((c) => !c.hidden);
  const usage = children.map((child) => {
    const words = [...prefix, child.name].join(" ");
    if (child.commands) return `${words} ${child.commands.map((c) => c.name).join("|")} ...`;
    return [words, usageLine(child)].filter(Boolean).join(" ");
  });
  const description = [
    group.description,
    isRoot ? globalFlagsHelp(globals) : undefined,
    group.helpAfter?.trim(),
  ].filter(Boolean).join("\n\n");
  const lines = [
    "USAGE",
    ...usage.map((u) => `  ${u}`),
    `  ${prefix.join(" ")} --help`,
    "",
    description,
    ...aliasLines(prefix, group),
    "",
    "FLAGS",
    ...flagRows([]).map((row) => `  ${row}`),
    "",
    "COMMANDS",
    ...columns(children.map((c) => [c.name, c.description]), ["  "]).map((r) => `  ${r}`),
  ];
  return `${lines.join("\n")}\n`;
}

function aliasLines(prefix: readonly string[], spec: CommandSpec): string[] {
  const parent = prefix.slice(0, -1).join(" ");
  const aliases = spec.aliases ?? [];
  return aliases.length ? ["", "ALIASES", ...aliases.map((a) => `  ${parent} ${a}`)] : [];
}

/** A flag's rows: short name, long name, description, choices; then `-h` and `--`. */
function flagRows(flags: readonly FlagSpec[]): string[] {
  const optional = (f: FlagSpec) => !f.required;
  const anyOptional = flags.some(optional);
  const pad = anyOptional ? " " : "";
  const rows = flags.map((f) => {
    const name = optional(f) ? `[${f.long}]` : `${pad}${f.long}`;
    const brief = f.default === undefined
      ? f.description
      : `${f.description} (default: ${f.default})`;
    const choices = f.choices ? `[${f.choices.join("|")}]` : "";
    return [f.short ?? "", f.repeatable ? `${name}...` : name, brief, choices];
  });
  rows.push(["-h", `${pad}--help`, HELP_BRIEF, ""], ["", `${pad}--`, ESCAPE_BRIEF, ""]);
  return columns(rows, [" ", "  ", " "]);
}

function argumentRows(args: readonly ArgSpec[]): string[] {
  const last = args.at(-1);
  if (last?.variadic) return columns([[`${last.name}...`, last.name]], ["  "]);
  const anyOptional = args.some((a) => !a.required);
  return columns(
    args.map((a) => [a.required ? `${anyOptional ? " " : ""}${a.name}` : `[${a.name}]`, a.name]),
    ["  "],
  );
}

/** Cells padded to their column's widest, joined by `separators`; trailing blanks dropped. */
function columns(rows: readonly string[][], separators: readonly string[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  return rows.map((row) =>
    row.map((cell, i) => {
      const padded = i === row.length - 1 ? cell : cell.padEnd(widths[i]);
      return i === 0 ? padded : `${separators[i - 1]}${padded}`;
    }).join("").trimEnd()
  );
}
