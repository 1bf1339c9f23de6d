/**
 * Run a parsed template over a decoded JSON value, a port of client-go's `util/jsonpath`
 * `FindResults`/`PrintResults`: the same results, the same order, the same errors.
 *
 * Where Go's order is random (iterating a map with `.*` or `..`), keys are sorted, so the output
 * is stable. Unlike client-go, evaluation keeps no state between calls, so one template can
 * print every event of a watch.
 * @module
 */

import {
  goCompare,
  GoFloat,
  goJson,
  goSprint,
  goTypeName,
  isContainer,
  sortedKeys,
} from "./go_values.ts";
import type { FilterTest, JsonPathNode, ListNode, SliceParam } from "./nodes.ts";

/** How to run a template. */
export interface JsonPathOptions {
  /** `--allow-missing-template-keys`: a missing field prints nothing instead of failing. @default true */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result group as an indented JSON array. @default false */
  asJson?: boolean;
}

/** A template met data it cannot walk (e.g. an index out of range); kubectl exits 1 there. */
export class JsonPathExecutionError extends Error {
  override name = "JsonPathExecutionError";
}

/** Stands for "no object" where a range over nothing still walks its body (Go's invalid Value). */
const INVALID = undefined;

const fail = (message: string): never => {
  throw new JsonPathExecutionError(message);
};

const bytesOf = (s: string): number[] => Array.from(new TextEncoder().encode(s));

function isMap(v: unknown): v is Record<string, unknown> {
  return isContainer(v) && !Array.isArray(v);
}

/** The children `.*` and `..` visit: map values by sorted key, array items, a string's bytes. */
function childrenOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === "string") return bytesOf(v);
  return [];
}

class Execution {
  #beginRange = 0;
  #inRange = 0;
  #endRange = 0;
  #lastEnd = -1;

  constructor(readonly allowMissingKeys: boolean) {}

  /** client-go's FindResults over `nodes[start…]`: one result group per node, ranges expanded. */
  findResults(nodes: readonly JsonPathNode[], start: number, data: unknown): unknown[][] {
    const cur = [data];
    const full: unknown[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const results = this.#walk(cur, nodes[i]);
      if (this.#endRange > 0 && this.#endRange <= this.#inRange) {
        this.#endRange--;
        this.#lastEnd = i;
        break;
      }
      if (this.#beginRange > 0) {
        this.#beginRange--;
        this.#inRange++;
        if (results.length > 0) {
          for (const value of results) {
            for (const group of this.findResults(nodes, i + 1, value)) full.push(group);
          }
        } else {
          // The body still runs once, on nothing, so the matching {end} is found.
          this.findResults(nodes, i + 1, INVALID);
        }
        this.#inRange--;
        if (this.#lastEnd > i) i = this.#lastEnd;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  #walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case "list":
        return this.#list(input, node);
      case "text":
        return [node.text];
      case "field":
        return this.#field(input, node.name);
      case "array":
        return this.#array(input, node.params);
      case "filter":
        return this.#filter(input, node.test);
      case "int":
      case "bool":
        return input.map(() => node.value);
      case "float":
        return input.map(() => new GoFloat(node.value));
      case "wildcard":
        return input.filter((v) => v !== null).flatMap(childrenOf);
      case "recursive":
        return this.#recursive(input);
      case "union":
        return node.nodes.flatMap((list) => this.#list(input, list));
      case "identifier":
        return this.#identifier(input, node.name);
    }
  }

  #list(input: unknown[], list: ListNode): unknown[] {
    let cur = input;
    for (const node of list.nodes) cur = this.#walk(cur, node);
    return cur;
  }

  #identifier(input: unknown[], name: string): unknown[] {
    if (name === "range") {
      this.#beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.#inRange === 0) fail("not in range, nothing to end");
      this.#endRange++;
      return [];
    }
    return fail(`unrecognized identifier ${name}`);
  }

  #field(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results = input.filter((v) => isMap(v) && Object.hasOwn(v, name))
      .map((v) => (v as Record<string, unknown>)[name]);
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`);
    return results;
  }

  #array(input: unknown[], params: readonly SliceParam[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) {
        return fail(`${value === INVALID ? "<invalid>" : goTypeName(value)} is not array or slice`);
      }
      const length = value.length;
      const [p0, p1, p2] = params.map((p) => ({ ...p }));
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += length;
      if (!p1.known) p1.value = length;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += length;
      // Asking for no elements ends the whole step, as in client-go.
      if (p1.value === p0.value) return result;
      if (p0.value >= length || p0.value < 0) {
        fail(`array index out of bounds: index ${p0.value}, length ${length}`);
      }
      if (p1.value > length || p1.value < 0) {
        fail(`array index out of bounds: index ${p1.value - 1}, length ${length}`);
      }
      if (p0.value > p1.value) {
        fail(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      }
      if (p2.known && p2.value <= 0) fail("step must be > 0");
      const step = p2.known ? p2.value : 1;
      const slice = value.slice(p0.value, p1.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  /** Every container under `input`, each before its children (pushed, not spread: 10 000 VMs). */
  #recursive(input: unknown[], result: unknown[] = []): unknown[] {
    for (const value of input) {
      if (value === null) continue;
      // A string's children are its bytes, which have none: no need to make them.
      if (typeof value === "string") {
        if (value !== "") result.push(value);
        continue;
      }
      const children = childrenOf(value);
      if (children.length === 0) continue;
      result.push(value);
      this.#recursive(children, result);
    }
    return result;
  }

  #filter(input: unknown[], test: FilterTest): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        fail(
          `${value === INVALID ? "<invalid reflect.Value>" : goSprint(value)} is not array ` +
            "or slice and cannot be filtered",
        );
      }
      for (const item of value as unknown[]) if (this.#passes(item, test)) results.push(item);
    }
    return results;
  }

  #passes(item: unknown, test: FilterTest): boolean {
    if ("tests" in test) {
      return test.operator === "&&"
        ? test.tests.every((t) => this.#passes(item, t))
        : test.tests.some((t) => this.#passes(item, t));
    }
    if (test.operator === "exists") {
      try {
        return this.#list([item], test.left).length > 0;
      } catch {
        return false;
      }
    }
    const left = this.#one(item, test.left);
    if (left.length === 0) return false;
    const right = this.#one(item, test.right);
    if (right.length === 0) return false;
    try {
      return goCompare(test.operator, left[0], right[0]);
    } catch (e) {
      return fail((e as Error).message);
    }
  }

  /** One side of a comparison: nothing (skip the item) or exactly one value. */
  #one(item: unknown, side: ListNode): unknown[] {
    const values = this.#list([item], side);
    if (values.length > 1) fail("can only compare one element at a time");
    return values;
  }
}

/**
 * Print one result group as PrintResults does: space-separated, maps and lists as JSON.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(printGroup(["a", { b: 1 }], false), 'a {"b":1}');
 * ```
 */
export function printGroup(results: readonly unknown[], asJson: boolean): string {
  if (asJson) return goJson(results, "    ") + "\n";
  return results.map((r) => (isContainer(r) ? goJson(r) : goSprint(r))).join(" ");
}

/**
 * Execute a parsed template over `data` and return the text kubectl prints for it; throws
 * {@link JsonPathExecutionError} where kubectl fails to execute.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseJsonPath } from "./parse.ts";
 * const t = parseJsonPath('{range .items[*]}{.n}{"\\n"}{end}');
 * equal(executeJsonPath(t, { items: [{ n: "a" }, { n: "b" }] }), "a\nb\n");
 * ```
 */
export function executeJsonPath(
  template: ListNode,
  data: unknown,
  options: JsonPathOptions = {},
): string {
  const run = new Execution(options.allowMissingKeys ?? true);
  return run.findResults(template.nodes, 0, data)
    .map((group) => printGroup(group, options.asJson ?? false))
    .join("");
}

/**
 * The raw values a template selects, without printing them (custom-columns cells).
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { parseJsonPath } from "./parse.ts";
 * deepEqual(findJsonPathValues(parseJsonPath("{.a[*]}"), { a: [1, 2] }), [[1, 2]]);
 * ```
 */
export function findJsonPathValues(
  template: ListNode,
  data: unknown,
  options: Pick<JsonPathOptions, "allowMissingKeys"> = {},
): unknown[][] {
  return new Execution(options.allowMissingKeys ?? true).findResults(template.nodes, 0, data);
}
