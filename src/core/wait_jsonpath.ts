/**
 * `wait --for jsonpath='{…}'[=VALUE]` as kubectl 1.33 reads and judges it (its `wait` command's
 * JSONPath condition), on top of the full JSONPath evaluator:
 *
 * - the text splits at each single `=` (`==` stays in the path), so it has one or two parts;
 * - the path is kubectl's "relaxed" form: `{.a.b}`, `{a.b}`, `.a.b` or `a.b`;
 * - the value loses surrounding quotes and is compared as Go's `%v` prints the found value, both
 *   sides trimmed of spaces;
 * - no value found is "not yet"; several values, or a map or list compared to a value, can never
 *   match (kubectl stops there with an error too).
 * @module
 */

import { InputError } from "./input_error.ts";
import { isContainer } from "./jsonpath/go_values.ts";
import {
  findJsonPathValues,
  goSprint,
  JsonPathExecutionError,
  type JsonPathTemplate,
  parseJsonPath,
} from "./jsonpath/mod.ts";

/** A parsed `--for jsonpath=…`. */
export interface JsonPathWait {
  /** The path as the user wrote it, for messages and resume hints. */
  expression: string;
  template: JsonPathTemplate;
  /** The wanted value; absent: any value will do. */
  value?: string;
}

/** How one state of the object measures up: met, not yet, or never (with kubectl's reason). */
export type JsonPathJudgement = "met" | "pending" | { never: string };

const FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or " +
  "--for=jsonpath='{.status.readyReplicas}'";

// kubectl's RelaxedJSONPathExpression: one action, braces and the leading dot optional.
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** Split at every `=` that is not part of `==`, as kubectl does. */
function splitAtEquals(text: string): string[] {
  const parts: string[] = [];
  let part = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "=") part += text[i];
    else if (text[i + 1] === "=") part += text[i++] + "=";
    else {
      parts.push(part);
      part = "";
    }
  }
  return [...parts, part];
}

/**
 * Parse what follows `--for jsonpath=`.
 *
 * @throws InputError with kubectl's reason (format, path shape, template syntax, empty value)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPathWait } from "./wait_jsonpath.ts";
 * const w = parseJsonPathWait(`{.status.conditions[?(@.type=="Ready")].status}='True'`);
 * equal(w.value, "True");
 * equal(w.expression, `{.status.conditions[?(@.type=="Ready")].status}`);
 * ```
 */
export function parseJsonPathWait(text: string): JsonPathWait {
  const parts = splitAtEquals(text);
  if (parts.length > 2) throw new InputError(`--for: ${FORMAT}`);
  const [expression, wanted] = parts;
  if (expression === "") throw new InputError("--for: jsonpath expression cannot be empty");
  const m = RELAXED.exec(expression);
  if (!m) {
    throw new InputError(
      `--for jsonpath: unexpected path string ${JSON.stringify(expression)}, expected a ` +
        `'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`,
    );
  }
  let template: JsonPathTemplate;
  try {
    template = parseJsonPath(`{.${m[1] ?? m[2]}}`);
  } catch (e) {
    throw new InputError(`--for jsonpath ${expression}: ${(e as Error).message}`);
  }
  if (wanted === undefined) return { expression, template };
  const value = wanted.replace(/^['"]+|['"]+$/g, "");
  if (value === "") {
    throw new InputError("--for: jsonpath wait has to have a value after equal sign");
  }
  return { expression, template, value };
}

/**
 * Judge one state of the object.
 *
 * @example
 * ```ts
 * import { deepEqual, equal } from "node:assert/strict";
 * import { judgeJsonPathWait, parseJsonPathWait } from "./wait_jsonpath.ts";
 * const obj = { status: { ips: ["10.0.0.1", "10.0.0.2"], phase: "Running" } };
 * equal(judgeJsonPathWait(parseJsonPathWait("{.status.phase}=Running"), obj), "met");
 * equal(judgeJsonPathWait(parseJsonPathWait("{.status.node}"), obj), "pending");
 * deepEqual(judgeJsonPathWait(parseJsonPathWait("{.status.ips[*]}=x"), obj), {
 *   never: "given jsonpath expression matches more than one value",
 * });
 * ```
 */
export function judgeJsonPathWait(wait: JsonPathWait, obj: unknown): JsonPathJudgement {
  let results: unknown[][];
  try {
    results = findJsonPathValues(wait.template, obj, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathExecutionError) return { never: e.message };
    throw e;
  }
  if (results.length === 0 || results[0].length === 0) return "pending";
  if (results[0].length > 1) {
    return { never: "given jsonpath expression matches more than one value" };
  }
  if (wait.value === undefined) return "met";
  const found = results[0][0];
  if (isContainer(found)) {
    return { never: "jsonpath leads to a nested object or list which is not supported" };
  }
  return goSprint(found).trim() === wait.value.trim() ? "met" : "pending";
}
