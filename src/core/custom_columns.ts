/**
 * `-o custom-columns=NAME:.metadata.name,CPUS:.spec.cpus` and `-o custom-columns-file=FILE`:
 * kubectl's spec syntax (kubectl `get/customcolumn.go`), parsed once before anything is sent.
 * @module
 */

import { InputError } from "./input_error.ts";
import { parseJsonPath } from "./jsonpath/parse.ts";
import type { ListNode } from "./jsonpath/nodes.ts";

/** One column: its header and the template that fills its cells. */
export interface CustomColumn {
  header: string;
  template: ListNode;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's relaxed path: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(relaxedJsonPath("spec.cpus"), "{.spec.cpus}");
 * ```
 */
export function relaxedJsonPath(path: string): string {
  if (path === "") return path;
  const m = RELAXED.exec(path);
  if (!m) {
    throw new InputError(
      `unexpected path string "${path}", expected a 'name1.name2' or '.name1.name2' or ` +
        "'{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

function column(header: string, path: string): CustomColumn {
  const text = relaxedJsonPath(path);
  try {
    return { header, template: parseJsonPath(text) };
  } catch (e) {
    throw new InputError(`cannot parse column ${header} path "${path}": ${(e as Error).message}`);
  }
}

/**
 * Parse `HEADER:PATH,…`; throws InputError (exit 2) with kubectl's reason.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(parseCustomColumns("NAME:.metadata.name,CPUS:spec.cpus").map((c) => c.header), ["NAME", "CPUS"]);
 * ```
 */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === "") {
    throw new InputError("custom-columns format specified but no custom columns given");
  }
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) {
      throw new InputError(
        `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      );
    }
    return column(part.slice(0, colon), part.slice(colon + 1));
  });
}

/**
 * Parse a custom-columns file: one line of headers, one line of paths, both split on blanks.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(parseCustomColumnsFile("NAME CPUS\n.metadata.name .spec.cpus\n").length, 2);
 * ```
 */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  // Lines as Go's bufio.Scanner reads them: a final newline ends the last line, it opens no other.
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const expected = "Expected format is one line of space separated headers, one line of space " +
    "separated column specs.";
  if (lines.length < 1) throw new InputError(`invalid template, missing header line. ${expected}`);
  if (lines.length < 2) throw new InputError(`invalid template, missing spec line. ${expected}`);
  const words = (line: string) => line.split(/\s+/).filter(Boolean);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new InputError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((h, i) => column(h, specs[i]));
}
