/**
 * The parser: a command tree (command_spec.ts) turned into a Stricli application.
 *
 * Why Stricli rather than commander: it imports no Node module, and the first `node:` import
 * of a process costs Deno 20-30 ms (bench/FINDINGS.md), more than the rest of parsing.
 * Stricli checks flags, values, choices and arguments, suggests near misses and writes help;
 * it never runs a command here. Each leaf's function only records what was parsed, and run()
 * goes on from there, so errors keep one path (exit_code.ts).
 * @module
 */

import {
  AliasNotFoundError,
  type ApplicationText,
  buildApplication,
  buildCommand,
  buildRouteMap,
  type CommandContext,
  FlagNotFoundError,
  run as runStricli,
  text_en,
} from "@stricli/core";
import {
  type ArgSpec,
  camelCase,
  type CommandSpec,
  flagKey,
  type FlagSpec,
  type Invocation,
  isNegation,
} from "../command_spec.ts";
import { didYouMean } from "../../core/did_you_mean.ts";
import { InputError } from "../outcomes.ts";
import { honouredBy } from "../honoured_globals.ts";
import { globalFlagsHelp, usageLine } from "./help_lines.ts";

/** What the command line asked for: a leaf to run, or help to print on stdout. */
export type Parsed =
  | { kind: "run"; leaf: CommandSpec; invocation: Invocation; given: ReadonlySet<string> }
  | { kind: "help"; text: string };

type Recorded = { leaf: CommandSpec; values: Record<string, unknown>; args: string[] };

/**
 * Parse `argv` (already routed, see route.ts) against `root`.
 *
 * @throws InputError with the parser's one-line reason (exit 2)
 */
export async function parseArgv(root: CommandSpec, argv: readonly string[]): Promise<Parsed> {
  let recorded: Recorded | undefined;
  const build: Build = {
    globals: root.flags ?? [],
    record: (r) => recorded = r,
    help: wantsHelp(argv),
  };
  const app = buildApplication(
    routeOf(root, build, true),
    {
      name: root.name,
      scanner: { caseStyle: "allow-kebab-for-camel", allowArgumentEscapeSequence: true },
      // The root's usage lines name the required parts only; a leaf's own is usageLine().
      documentation: { disableAnsiColor: true, onlyRequiredInUsageLine: true },
      localization: { text: TEXT },
    },
  );
  let out = "";
  let err = "";
  const process = {
    stdout: { write: (s: string) => void (out += s) },
    stderr: { write: (s: string) => void (err += s) },
    exitCode: undefined as number | string | null | undefined,
  };
  await runStricli(app, argv, { process } as CommandContext);
  if (process.exitCode !== undefined && process.exitCode !== 0) {
    const reason = err.trim().split("\n")[0] || `cannot parse ${JSON.stringify(argv)}`;
    throw new InputError(reason[0].toLowerCase() + reason.slice(1));
  }
  if (!recorded) return { kind: "help", text: out };
  return invocationOf(recorded, honouredBy(recorded.leaf, root.flags ?? []));
}

/** How the Stricli tree is built: for help, or to record a leaf's values. */
interface Build {
  globals: readonly FlagSpec[];
  record: (r: Recorded) => void;
  /**
   * Building for `--help`: what a command needs is marked required. To run, the parser leaves
   * those checks to the command, which names every problem of the command line in one message.
   */
  help: boolean;
}

function wantsHelp(argv: readonly string[]): boolean {
  const flags = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  return flags.includes("-h") || flags.includes("--help");
}

/** Stricli's English text, with unknown commands and flags worded like hyperctl's other errors. */
const TEXT: ApplicationText = {
  ...text_en,
  noCommandRegisteredForInput: ({ input, corrections }) =>
    // Stricli hands command corrections over in backticks.
    `unknown command "${input}"${didYouMean(corrections.map((c) => c.replace(/`/g, "")))}`,
  exceptionWhileParsingArguments(exc, ansiColor) {
    if (exc instanceof FlagNotFoundError && !exc.aliasName) {
      return `unknown flag "--${exc.input}"${didYouMean(exc.corrections.map((c) => `--${c}`))}`;
    }
    if (exc instanceof AliasNotFoundError) return `unknown flag "-${exc.input}"`;
    return text_en.exceptionWhileParsingArguments.call(this, exc, ansiColor);
  },
};

function invocationOf(r: Recorded, globals: readonly FlagSpec[]): Parsed {
  const flags: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const spec of [...globals, ...(r.leaf.flags ?? [])]) {
    const key = flagKey(spec.long);
    const value = r.values[parserKey(spec)];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (spec.default !== undefined) flags[key] = spec.default;
      else if (spec.repeatable) flags[key] = [];
      else if (isNegation(spec)) flags[key] = true;
      else if (spec.value === "none") flags[key] = false;
      continue;
    }
    given.add(key);
    // `--no-x` sets x to false; a bare `--dry-run` means "yes" (true), as kubectl reads it.
    flags[key] = isNegation(spec)
      ? false
      : spec.value === "optional" && value === ""
      ? true
      : value;
  }
  return { kind: "run", leaf: r.leaf, invocation: { flags, args: r.args }, given };
}

/** Stricli's key: camelCase of the whole long name, so `--no-headers` stays its own switch. */
function parserKey(spec: FlagSpec): string {
  return camelCase(spec.long.slice(2));
}

// Stricli's builders are typed for literal trees; this one is built from data at run time.
// deno-lint-ignore no-explicit-any
type Loose = any;

function routeOf(spec: CommandSpec, build: Build, isRoot = false): Loose {
  if (spec.run) return commandOf(spec, build);
  const routes: Record<string, Loose> = {};
  const aliases: Record<string, string> = {};
  for (const child of spec.commands ?? []) {
    routes[child.name] = routeOf(child, build);
    for (const alias of child.aliases ?? []) aliases[alias] = child.name;
  }
  const full = [
    spec.description,
    isRoot ? globalFlagsHelp(build.globals) : undefined,
    spec.helpAfter?.trim(),
  ].filter(Boolean).join("\n\n");
  return buildRouteMap({
    routes,
    aliases,
    docs: {
      brief: spec.description,
      ...(isRoot || spec.helpAfter ? { fullDescription: full } : {}),
    },
  } as Loose);
}

function commandOf(spec: CommandSpec, build: Build): Loose {
  const flags: Record<string, Loose> = {};
  const aliases: Record<string, string> = {};
  for (const f of [...honouredBy(spec, build.globals), ...(spec.flags ?? [])]) {
    flags[parserKey(f)] = flagParameter(f, build.help);
    if (f.short) aliases[f.short.slice(1)] = parserKey(f);
  }
  const command: Loose = buildCommand({
    func(values: Record<string, unknown>, ...args: unknown[]) {
      const words = args.flat().filter((a): a is string => typeof a === "string");
      build.record({ leaf: spec, values, args: words });
    },
    parameters: { flags, aliases, positional: positionalOf(spec.args ?? [], build.help) },
    docs: { brief: spec.description, customUsage: [usageLine(spec)] },
  } as Loose);
  // A group's help lists its leaves by the same usage line as their own help.
  command.formatUsageLine = (args: { prefix: string[] }) =>
    `${args.prefix.join(" ")} ${usageLine(spec)}`;
  return command;
}

function flagParameter(f: FlagSpec, help: boolean): Loose {
  const brief = f.default === undefined
    ? f.description
    : `${f.description} (default: ${f.default})`;
  const placeholder = f.placeholder ?? "value";
  const optional = !(help && f.required);
  if (f.value === "none") return { kind: "boolean", brief, optional: true, withNegated: false };
  if (f.choices) return { kind: "enum", values: f.choices, brief, optional };
  return {
    kind: "parsed",
    parse: String,
    brief,
    placeholder,
    optional,
    ...(f.repeatable ? { variadic: true } : {}),
    ...(f.value === "optional" ? { inferEmpty: true } : {}),
  };
}

function positionalOf(args: readonly ArgSpec[], help: boolean): Loose {
  const last = args.at(-1);
  if (last?.variadic) {
    return {
      kind: "array",
      parameter: { brief: last.name, parse: String, placeholder: last.name },
      minimum: last.required ? 1 : 0,
    };
  }
  return {
    kind: "tuple",
    parameters: args.map((a) => ({
      brief: a.name,
      parse: String,
      placeholder: a.name,
      optional: !(help && a.required),
    })),
  };
}
