/**
 * `-o` with kubectl's template formats, and kubectl's printing flags of `get`/`list`: their specs
 * and their check, as a validation, so a bad template is named together with a command's other
 * problems (exit 2, stdout empty, nothing sent).
 *
 * Light on purpose, like mutation_flags.ts: command modules import it to build their spec and
 * parse. A `-o jsonpath-file=`/`custom-columns-file=` template is a file, which `parse` (pure)
 * does not read: {@link withTemplateFile} reads and checks it in `run`, before connecting.
 * @module
 */

import { closest } from "../../core/did_you_mean.ts";
import {
  type CustomColumn,
  parseCustomColumns,
  parseCustomColumnsFile,
} from "../../core/custom_columns.ts";
import { InputError } from "../../core/input_error.ts";
import { parseJsonPath } from "../../core/jsonpath/parse.ts";
import type { JsonPathTemplate } from "../../core/jsonpath/mod.ts";
import {
  andThen,
  attempt,
  collect,
  mapValid,
  unless,
  type Validation,
} from "../../core/validation.ts";
import type { PrintOptions } from "../../render/print_options.ts";
import { allowedFormats, type OutputFormat } from "../../render/renderer.ts";
import { type FlagValues, switchFlag, valueFlag } from "../command_spec.ts";
import { foldFormatCase, parseOutputFormat } from "../output.ts";
import { parseGoBool } from "../parse/go_bool.ts";
import { TEMPLATE_FORMATS, type TemplateFormat } from "../template_formats.ts";

/** kubectl's printing flags of `get`, on list and get alike. */
export const PRINT_FLAGS = [
  valueFlag("--label-columns", "keys", "add a column per label key (a,b; repeatable)", {
    short: "-L",
    repeatable: true,
  }),
  switchFlag("--show-labels", "add a LABELS column with every label"),
  switchFlag("--show-kind", "print NAME as kind.group/name"),
  switchFlag("--show-managed-fields", "keep metadata.managedFields in -o json|yaml"),
  switchFlag("--output-watch-events", "under --watch, templates see {type, object} per event"),
  valueFlag(
    "--allow-missing-template-keys",
    "bool",
    "a missing field in a jsonpath template prints nothing (false: an error)",
    { value: "optional", default: "true" },
  ),
] as const;

/** `--no-headers`. */
export const NO_HEADERS_FLAG = switchFlag("--no-headers", "omit the table header");

/** The printing flags' values as the parser hands them over. */
export type PrintFlagValues = Partial<FlagValues<typeof PRINT_FLAGS>>;

/** A template that is a file, read by {@link withTemplateFile}. */
export interface TemplateFile {
  format: "jsonpath-file" | "custom-columns-file";
  path: string;
}

/** The chosen format and what prints it. */
export interface OutputChoice {
  output: OutputFormat;
  print: PrintOptions;
  /** `-o jsonpath-file=`/`custom-columns-file=`: still to be read into `print`. */
  templateFile?: TemplateFile;
}

/** What the check needs to know about the command. */
export interface OutputFlagsContext {
  /** `--watch` or `--watch-only` was given. */
  watch: boolean;
  /** stdout is a terminal. @default false */
  terminal?: boolean;
}

const GO_TEMPLATES = ["go-template", "go-template-file", "template", "templatefile"];

function jsonPathOf(text: string): JsonPathTemplate {
  try {
    return parseJsonPath(text);
  } catch (e) {
    throw new InputError(`cannot parse jsonpath template "${text}": ${(e as Error).message}`);
  }
}

function columnsOf(parse: () => CustomColumn[]): CustomColumn[] {
  try {
    return parse();
  } catch (e) {
    throw new InputError(`cannot parse custom columns: ${(e as Error).message}`);
  }
}

function templateChoice(format: TemplateFormat, value: string): OutputChoice {
  switch (format) {
    case "jsonpath":
    case "jsonpath-as-json":
      return { output: format, print: { jsonPath: jsonPathOf(value), jsonPathSource: value } };
    case "custom-columns":
      return {
        output: format,
        print: { customColumns: columnsOf(() => parseCustomColumns(value)) },
      };
    case "jsonpath-file":
      return { output: "jsonpath", print: {}, templateFile: { format, path: value } };
    case "custom-columns-file":
      return { output: "custom-columns", print: {}, templateFile: { format, path: value } };
  }
}

function formatChoice(given: string | undefined): OutputChoice {
  const value = foldFormatCase(given);
  const eq = value?.indexOf("=") ?? -1;
  const name = value === undefined || eq < 0 ? value : value.slice(0, eq);
  if (name !== undefined && GO_TEMPLATES.includes(name)) {
    throw new InputError(
      `-o ${name} is not supported: use -o jsonpath=TEMPLATE (kubectl's jsonpath), or -o json | jq`,
    );
  }
  const template = TEMPLATE_FORMATS.find((f) => f === name);
  if (template !== undefined) {
    const argument = eq < 0 ? "" : value!.slice(eq + 1);
    if (argument === "") {
      throw new InputError(
        template.startsWith("custom-columns")
          ? `-o ${template} needs columns, e.g. -o custom-columns=NAME:.metadata.name,CPUS:.spec.cpus`
          : `-o ${template} needs a template, e.g. -o jsonpath='{.items[*].metadata.name}'`,
      );
    }
    return templateChoice(template, argument);
  }
  const plain = allowedFormats();
  if (value !== undefined && !plain.includes(value as OutputFormat) && value !== "") {
    const all = [...plain, ...TEMPLATE_FORMATS.map((f) => `${f}=…`)];
    const hint = closest(value, [...plain, ...TEMPLATE_FORMATS]);
    throw new InputError(
      `unknown output format "${value}": allowed formats are ${all.join(", ")}${
        hint ? ` (did you mean "${hint}"?)` : ""
      }`,
    );
  }
  return { output: parseOutputFormat(value), print: {} };
}

function parseBoolean(flag: string, value: string | boolean | undefined): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  const on = parseGoBool(value);
  if (on === undefined) throw new InputError(`${flag} must be true or false, got "${value}"`);
  return on;
}

/**
 * `--show-labels` with a format that has no table is refused, as kubectl refuses it; `-L` and
 * `--show-kind` are ignored there, as kubectl ignores them, so scripts written for it still run.
 */
function labelsFit(choice: OutputChoice, value: string | undefined, showLabels: boolean) {
  return mapValid(
    unless(
      showLabels && !hasTable(choice),
      `--show-labels adds a table column: it cannot be used with -o ${value}`,
    ),
    () => choice,
  );
}

const hasTable = (choice: OutputChoice) => choice.output === "table" || choice.output === "wide";

/**
 * Check `-o` and the printing flags of list/get: the format and its print options, or every
 * problem with them.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { orThrow } from "../../core/validation.ts";
 * import { checkPrintFlags } from "./print_flags.ts";
 * const { output, print } = orThrow(checkPrintFlags("jsonpath={.kind}", {}, { watch: false }));
 * equal(output, "jsonpath");
 * equal(print.allowMissingKeys, true);
 * ```
 */
export function checkPrintFlags(
  value: string | undefined,
  flags: PrintFlagValues,
  context: OutputFlagsContext,
): Validation<OutputChoice> {
  const labelColumns = (flags.labelColumns ?? [])
    .flatMap((v) => v.split(","))
    .map((k) => k.trim())
    .filter(Boolean);
  const showLabels = flags.showLabels === true;
  return mapValid(
    collect({
      choice: andThen(attempt(() => formatChoice(value)), (c) => labelsFit(c, value, showLabels)),
      allowMissingKeys: attempt(() =>
        parseBoolean("--allow-missing-template-keys", flags.allowMissingTemplateKeys) ?? true
      ),
      watchEvents: unless(
        flags.outputWatchEvents === true && !context.watch,
        "--output-watch-events can only be used with --watch or --watch-only",
      ),
    }),
    ({ choice, allowMissingKeys }) => ({
      ...choice,
      print: {
        ...choice.print,
        allowMissingKeys,
        labelColumns: hasTable(choice) ? labelColumns : [],
        showLabels,
        showKind: hasTable(choice) && flags.showKind === true,
        showManagedFields: flags.showManagedFields === true,
        watchEvents: flags.outputWatchEvents === true,
        terminal: context.terminal === true,
      },
    }),
  );
}

/**
 * `choice` with its template file read and parsed; the choice itself when it has none.
 *
 * @throws InputError (exit 2) for a file that cannot be read or parsed
 */
export function withTemplateFile(
  choice: OutputChoice,
  read: (path: string) => string,
): OutputChoice {
  const file = choice.templateFile;
  if (file === undefined) return choice;
  const what = file.format === "jsonpath-file" ? "jsonpath" : "custom-columns";
  let text: string;
  try {
    text = read(file.path);
  } catch (e) {
    throw new InputError(`cannot read ${what} file "${file.path}": ${(e as Error).message}`);
  }
  const template: PrintOptions = file.format === "jsonpath-file"
    ? { jsonPath: jsonPathOf(text), jsonPathSource: text }
    : { customColumns: columnsOf(() => parseCustomColumnsFile(text)) };
  return { output: choice.output, print: { ...choice.print, ...template } };
}
