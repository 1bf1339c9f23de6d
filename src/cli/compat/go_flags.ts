/**
 * A parser with the syntax of Go's standard `flag` package, for HyperSDK's `hyperctl k8s`.
 *
 * Why not the main parser (src/cli/parse/): Go's rules differ in ways old scripts rely on: `-flag` and `--flag` are the
 * same, a non-bool flag takes the next argument even when it starts with `-`, a bool flag takes a
 * value only as `-flag=false`, and parsing stops at the first non-flag argument.
 * @module
 */

import { closest } from "../../core/did_you_mean.ts";
import { InputError } from "../outcomes.ts";

/** Value types of the flags HyperSDK defines (it uses no others). */
export type GoFlagType = "string" | "int" | "bool";

/** One flag definition, as `fs.String(name, default, usage)` would declare it. */
export interface GoFlagDef {
  name: string;
  type: GoFlagType;
  default: string | number | boolean;
  usage: string;
}

/** A parsed value. */
export type GoFlagValue = string | number | boolean;

/** The outcome of a successful parse, like a Go FlagSet after `Parse`. */
export interface GoFlagsResult {
  /** Every defined flag: the last value given, else its default. */
  values: ReadonlyMap<string, GoFlagValue>;
  /** Flags the user actually set (`flag.Visit`), so defaults can be told apart. */
  set: ReadonlySet<string>;
  /** `fs.Args()`: everything from the first non-flag argument on (after `--`, if given). */
  rest: string[];
}

/** `-h`/`-help` was given (and not defined as a flag): the caller prints usage, exit 0. */
export interface GoFlagsHelp {
  help: true;
}

/** Go's strconv.ParseBool spellings. */
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/**
 * strconv.ParseInt(s, 0, 64) without underscores: optional sign, then decimal, `0x` hex, `0o` or
 * leading-`0` octal, or `0b` binary. Undefined when it is not an integer.
 */
export function parseGoInt(text: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const body = m[2];
  let n: number;
  if (/^0[xXbBoO]/.test(body)) n = Number(body.toLowerCase());
  else if (body.length > 1 && body.startsWith("0")) n = parseInt(body, 8);
  else n = Number(body);
  if (!Number.isSafeInteger(n)) return undefined;
  return m[1] === "-" ? -n : n;
}

function fail(message: string): never {
  throw new InputError(`hyperctl k8s: ${message}`);
}

function convert(def: GoFlagDef, raw: string): GoFlagValue {
  if (def.type === "string") return raw;
  if (def.type === "bool") {
    if (TRUE.has(raw)) return true;
    if (FALSE.has(raw)) return false;
    fail(
      `invalid boolean value ${
        JSON.stringify(raw)
      } for -${def.name} (use -${def.name}=true or -${def.name}=false)`,
    );
  }
  const n = parseGoInt(raw);
  if (n === undefined) {
    fail(`invalid value ${JSON.stringify(raw)} for -${def.name}: expected an integer`);
  }
  return n;
}

/** Common spellings of the new syntax that HyperSDK never had, with the flag it did have. */
const ALIASES: Record<string, string> = {
  o: "output",
  n: "namespace",
  l: "selector",
  A: "all-namespaces",
  w: "watch",
  f: "force",
  y: "force",
  yes: "force",
};

function unknownFlag(name: string, defs: ReadonlyMap<string, GoFlagDef>): never {
  const hint = ALIASES[name] ?? closest(name, [...defs.keys()]);
  fail(
    `flag provided but not defined: -${name}${hint ? ` (did you mean -${hint}?)` : ""}` +
      ` (see hyperctl k8s -help)`,
  );
}

/**
 * Parse `args` against `defs` with Go `flag` semantics.
 *
 * @returns the values, which flags were set and the remaining arguments; or `{ help: true }` for
 *   `-h`/`-help`
 * @throws InputError for an unknown flag, a missing value or a value of the wrong type (Go exits 2)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseGoFlags } from "./go_flags.ts";
 * const r = parseGoFlags([{ name: "op", type: "string", default: "status", usage: "" }], ["--op=vm-list"]);
 * equal("help" in r ? "" : r.values.get("op"), "vm-list");
 * ```
 */
export function parseGoFlags(
  defs: readonly GoFlagDef[],
  args: readonly string[],
): GoFlagsResult | GoFlagsHelp {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const values = new Map<string, GoFlagValue>(defs.map((d) => [d.name, d.default]));
  const set = new Set<string>();
  let i = 0;
  while (i < args.length) {
    const arg = args[i];
    // A lone "-" and anything not starting with "-" is the first positional argument.
    if (arg.length < 2 || arg[0] !== "-") break;
    let dashes = 1;
    if (arg[1] === "-") {
      dashes = 2;
      if (arg.length === 2) { // "--" ends the flags and is consumed
        i++;
        break;
      }
    }
    i++;
    let name = arg.slice(dashes);
    if (name.length === 0 || name[0] === "-" || name[0] === "=") {
      fail(`bad flag syntax: ${arg}`);
    }
    let value: string | undefined;
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const def = byName.get(name);
    if (!def) {
      if (name === "h" || name === "help") return { help: true };
      unknownFlag(name, byName);
    }
    if (def.type === "bool") {
      values.set(name, value === undefined ? true : convert(def, value));
    } else {
      if (value === undefined) {
        // Go takes the next argument whatever it looks like, even "-op".
        if (i >= args.length) fail(`flag needs an argument: -${name}`);
        value = args[i++];
      }
      values.set(name, convert(def, value));
    }
    set.add(name);
  }
  return { values, set, rest: args.slice(i) };
}

/** Go's `PrintDefaults` layout: `  -name type` then the usage on an indented line. */
export function formatGoDefaults(defs: readonly GoFlagDef[]): string {
  return [...defs]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((d) => {
      const type = d.type === "bool" ? "" : ` ${d.type}`;
      const zero = d.type === "bool" ? false : d.type === "int" ? 0 : "";
      const dflt = d.default === zero
        ? ""
        : ` (default ${d.type === "string" ? JSON.stringify(d.default) : d.default})`;
      return `  -${d.name}${type}\n    \t${d.usage}${dflt}\n`;
    })
    .join("");
}
