/**
 * The command tree as plain data: nouns, verbs, flags, arguments and what each leaf runs.
 *
 * One description feeds the parser and help (parse/), completion (completion/tree.ts) and
 * the global-flag hoisting (parse/route.ts), so they cannot drift apart.
 * @module
 */

import type { Validation } from "../core/validation.ts";

/** One flag. Its parsed value is found under {@link flagKey} of `long`. */
export interface FlagSpec {
  /** `--field-selector`; `--no-headers` is the negation of a `headers` flag that defaults on. */
  long: string;
  /** `-l` */
  short?: string;
  /** `none`: a switch; `required`: `--flag <value>`; `optional`: `--flag [value]` (alone: true). */
  value: "none" | "required" | "optional";
  /** Shown in help for the value, e.g. `duration`. */
  placeholder?: string;
  description: string;
  /** Fixed values, checked by the parser. */
  choices?: readonly string[];
  /** Used when neither the command line nor the config file gives a value. */
  default?: string;
  /** May be given more than once; the values collect in a list. */
  repeatable?: boolean;
  /**
   * The command cannot run without it: help shows it as required. The command itself checks
   * that it is there, so one message can name every problem of the command line at once.
   */
  required?: boolean;
}

/** One positional argument. */
export interface ArgSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  /** The only values it takes, offered by completion (`completion bash`). */
  choices?: readonly string[];
  /**
   * Words handed to ssh or scp that name a VM: ssh's first operand `[USER@]NAME`, scp's
   * `[USER@]NAME:PATH` operands. Completion offers VM names in those shapes.
   */
  remote?: "ssh" | "scp";
}

/** What the parser hands to a leaf: flag values by key, and the positional arguments. */
export interface Invocation {
  /** Flag values, the command's own and the global ones, defaults filled in. */
  flags: Record<string, unknown>;
  args: string[];
}

/** A command; leaves have `run`, the others have `commands`. */
export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  description: string;
  /** Extra help text after the generated help (the root's exit codes). */
  helpAfter?: string;
  flags?: readonly FlagSpec[];
  args?: readonly ArgSpec[];
  commands?: readonly CommandSpec[];
  run?: (invocation: Invocation) => Promise<void>;
  /**
   * A leaf whose module loads only when the command line names it (parse/lazy.ts): the entry
   * holds the words and description that route to it, `load` gives the whole leaf.
   */
  load?: () => Promise<CommandSpec>;
  /**
   * The leaf's own checks of a command line (a command's `parse`), so the parser can name
   * their problems in the same message as its own: `unknown flag "--bogus"; --cpus must be …`.
   */
  check?: (invocation: Invocation) => Validation<unknown>;
  /**
   * The global flags (long names) this leaf honours: only these appear in its help, and the
   * parser refuses the others (exit 2), so `hyperctl sim -o json` does not pass in silence.
   */
  globals?: readonly string[];
  /** The `-o` formats this leaf takes, when not all of them: its help and completion list these. */
  outputFormats?: readonly string[];
  /**
   * The leaf wraps another program (`vm ssh`, `vm scp`): after the command words only its own
   * and the global long flags are hyperctl's; every other word is handed on as an argument.
   */
  passThrough?: boolean;
  /**
   * Routed to but never listed (help, completion): a target of a rewritten command line only,
   * as `get-kinds` is of kubectl's `get vm,vmop`.
   */
  hidden?: boolean;
}

/** A flag that takes a value, `--namespace <ns>`; `extra` adds a short name, default, …. */
export function valueFlag<const L extends string, const X extends Partial<FlagSpec> = object>(
  long: L,
  placeholder: string,
  description: string,
  extra?: X,
): Omit<{ long: L; value: "required"; placeholder: string; description: string }, keyof X> & X {
  return { long, value: "required", placeholder, description, ...extra } as
    & Omit<{ long: L; value: "required"; placeholder: string; description: string }, keyof X>
    & X;
}

/** A switch, `--watch`. */
export function switchFlag<const L extends string>(
  long: L,
  description: string,
  short?: string,
): { long: L; value: "none"; description: string; short?: string } {
  return { long, ...(short ? { short } : {}), value: "none", description };
}

/** `field-selector` → `fieldSelector`, as a type. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}`
  : S;

/** The key of a flag's value, as a type: `--no-headers` → `headers` (see {@link flagKey}). */
export type FlagKey<L extends string> = L extends `--no-${infer R}` ? Camel<R>
  : L extends `--${infer R}` ? Camel<R>
  : never;

/**
 * The type of a flag's parsed value: a switch is a boolean, a repeatable flag a list, a flag
 * with choices one of them, `--flag [value]` alone is `true`, and a flag with a default is
 * always there.
 */
export type FlagValue<F extends FlagSpec> = F extends { value: "none" } ? boolean
  : F extends { repeatable: true } ? string[]
  : F extends { value: "optional" }
    ? string | true | (F extends { default: string } ? never : undefined)
  : F extends { choices: readonly (infer C)[] }
    ? C | (F extends { default: string } ? never : undefined)
  : F extends { default: string } ? string
  : string | undefined;

/**
 * The parsed values of a list of flags, derived from the list itself, so a command's `Options`
 * cannot drift from its flags: `FlagValues<typeof FLAGS>["target"]` is `string | undefined`.
 */
export type FlagValues<F extends readonly FlagSpec[]> = {
  [S in F[number] as FlagKey<S["long"]>]: FlagValue<S>;
};

/**
 * The key a flag's value is stored under: the long name in camelCase, `--no-x` stored as `x`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { flagKey } from "./command_spec.ts";
 * equal(flagKey("--field-selector"), "fieldSelector");
 * equal(flagKey("--no-headers"), "headers");
 * ```
 */
export function flagKey(long: string): string {
  return camelCase(long.replace(/^--(no-)?/, ""));
}

/** `field-selector` → `fieldSelector`. */
export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A `--no-x` flag: a switch that turns off `x`, which is on by default. */
export function isNegation(flag: FlagSpec): boolean {
  return flag.value === "none" && flag.long.startsWith("--no-");
}

/** The command `name` names among `commands`, by name or alias. */
export function findCommand(
  commands: readonly CommandSpec[] | undefined,
  name: string,
): CommandSpec | undefined {
  return commands?.find((c) => c.name === name || c.aliases?.includes(name));
}

/** The words of `flags` that take the next word as their value (`-n prod`, `--context a`). */
export function valueFlagWords(flags: readonly FlagSpec[]): Set<string> {
  const words = flags.filter((f) => f.value === "required")
    .flatMap((f) => [f.long, f.short])
    .filter((w): w is string => w !== undefined);
  return new Set(words);
}
