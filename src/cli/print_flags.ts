/**
 * `-o` with kubectl's template formats, and kubectl's printing flags of `get`/`list`: parsed and
 * checked before anything is sent, so a bad template is a usage error (exit 2) with stdout empty.
 * @module
 */

import { closest } from "../core/did_you_mean.ts";
import {
  type CustomColumn,
  parseCustomColumns,
  parseCustomColumnsFile,
} from "../core/custom_columns.ts";
import { type JsonPathTemplate, parseJsonPath } from "../core/jsonpath/mod.ts";
import type { PrintOptions } from "../render/print_options.ts";
import { allowedFormats, type OutputFormat } from "../render/renderer.ts";
import { parseOutputFormat } from "./output.ts";
import { InputError } from "./outcomes.ts";
import { TEMPLATE_FORMATS, type TemplateFormat } from "./template_formats.ts";

/** The printing flags as the parser hands them over. */
export interface RawPrintFlags {
  labelColumns?: string[];
  showLabels?: boolean;
  showKind?: boolean;
  showManagedFields?: boolean;
  outputWatchEvents?: boolean;
  allowMissingTemplateKeys?: string | boolean;
}

/** The chosen format and what prints it. */
export interface OutputChoice {
  output: OutputFormat;
  print: PrintOptions;
}

/** What the parse needs to know about the command. */
export interface OutputFlagsContext {
  /** `--watch` or `--watch-only` was given. */
  watch: boolean;
  /** stdout is a terminal. @default false */
  terminal?: boolean;
  /** Reads a `-o jsonpath-file=`/`custom-columns-file=` file. @default Deno.readTextFileSync */
  readFile?: (path: string) => string;
}

const GO_TEMPLATES = ["go-template", "go-template-file", "template", "templatefile"];

function readFileOrFail(path: string, what: string, read: (path: string) => string): string {
  try {
    return read(path);
  } catch (e) {
    throw new InputError(`cannot read ${what} file "${path}": ${(e as Error).message}`);
  }
}

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

function templateChoice(
  format: TemplateFormat,
  value: string,
  read: (path: string) => string,
): OutputChoice {
  switch (format) {
    case "jsonpath":
    case "jsonpath-as-json":
      return { output: format, print: { jsonPath: jsonPathOf(value), jsonPathSource: value } };
    case "jsonpath-file": {
      const text = readFileOrFail(value, "jsonpath", read);
      return { output: "jsonpath", print: { jsonPath: jsonPathOf(text), jsonPathSource: text } };
    }
    case "custom-columns":
      return {
        output: format,
        print: { customColumns: columnsOf(() => parseCustomColumns(value)) },
      };
    case "custom-columns-file": {
      const text = readFileOrFail(value, "custom-columns", read);
      return {
        output: "custom-columns",
        print: { customColumns: columnsOf(() => parseCustomColumnsFile(text)) },
      };
    }
  }
}

function formatChoice(value: string | undefined, read: (path: string) => string): OutputChoice {
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
    return templateChoice(template, argument, read);
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
  if (value === "true") return true;
  if (value === "false") return false;
  throw new InputError(`${flag} must be true or false, got "${value}"`);
}

/**
 * Parse `-o` and the printing flags of list/get into the format and its print options.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const { output, print } = parseOutputFlags("jsonpath={.kind}", {}, { watch: false });
 * equal(output, "jsonpath");
 * equal(print.allowMissingKeys, true);
 * ```
 */
export function parseOutputFlags(
  value: string | undefined,
  flags: RawPrintFlags,
  context: OutputFlagsContext,
): OutputChoice {
  const choice = formatChoice(value, context.readFile ?? Deno.readTextFileSync);
  const labelColumns = (flags.labelColumns ?? [])
    .flatMap((v) => v.split(","))
    .map((k) => k.trim())
    .filter(Boolean);
  const table = choice.output === "table" || choice.output === "wide";
  for (
    const [flag, given] of [
      ["--show-labels", flags.showLabels === true],
      ["-L/--label-columns", labelColumns.length > 0],
      ["--show-kind", flags.showKind === true],
    ] as const
  ) {
    if (given && !table) {
      throw new InputError(`${flag} adds a table column: it cannot be used with -o ${value}`);
    }
  }
  if (flags.outputWatchEvents && !context.watch) {
    throw new InputError("--output-watch-events can only be used with --watch or --watch-only");
  }
  return {
    output: choice.output,
    print: {
      ...choice.print,
      allowMissingKeys: parseBoolean(
        "--allow-missing-template-keys",
        flags.allowMissingTemplateKeys,
      ) ?? true,
      labelColumns,
      showLabels: flags.showLabels === true,
      showKind: flags.showKind === true,
      showManagedFields: flags.showManagedFields === true,
      watchEvents: flags.outputWatchEvents === true,
      terminal: context.terminal === true,
    },
  };
}
