/**
 * `--sort-by`: order objects by a field as kubectl 1.33 does, with two deliberate differences.
 *
 * The field is kubectl's: a JSONPath, relaxed as for custom columns (`spec.cpus`, `.spec.cpus`,
 * `{.spec.cpus}`), whose first value in an object is its sort value. Numbers compare by value,
 * two strings that both parse as quantities by value (`8.2Gi` before `10.5Gi`), other strings by
 * their bytes. A path no listed object has is an error, as in kubectl; an empty list is not.
 *
 * Differences: the sort is stable, so objects with equal values keep the server's order
 * (kubectl's is not, so its ties may come out otherwise), and objects without the field come last.
 * Names such as `memory` and `age` are hyperctl's own shorthands.
 * @module
 */

import { InputError } from "./input_error.ts";
import { parseTimestamp } from "./age.ts";
import { relaxedJsonPath } from "./custom_columns.ts";
import {
  findJsonPathValues,
  goJson,
  goSprint,
  JsonPathExecutionError,
  type JsonPathTemplate,
  parseJsonPath,
} from "./jsonpath/mod.ts";
import type { KindInfo } from "./kinds.ts";
import { compareCodePoints } from "./code_points.ts";
import { compareQuantities, parseQuantity, type Quantity } from "./quantity.ts";
import { SortFieldError } from "./sort_field_error.ts";
import type { KubeObject } from "./types.ts";

/** A parsed sort key: kubectl's field and how its values compare. */
export interface SortKey {
  /** The JSONPath as kubectl writes it in errors, `{.spec.cpus}`. */
  field: string;
  template: JsonPathTemplate;
  /** The template's field names when it is nothing but fields (`.spec.cpus`): walked directly. */
  fields?: readonly string[];
  /** `time`: timestamps compare by instant; `auto`: as kubectl compares values. */
  as: "auto" | "time";
}

/** Column-like names users type (`--sort-by memory`) mapped to fields. */
const NAMED: Record<string, { field: string; as: SortKey["as"] }> = {
  name: { field: "{.metadata.name}", as: "auto" },
  namespace: { field: "{.metadata.namespace}", as: "auto" },
  age: { field: "{.metadata.creationTimestamp}", as: "time" },
  created: { field: "{.metadata.creationTimestamp}", as: "time" },
  status: { field: "{.status.phase}", as: "auto" },
  phase: { field: "{.status.phase}", as: "auto" },
  node: { field: "{.status.nodeName}", as: "auto" },
  cpus: { field: "{.spec.cpus}", as: "auto" },
  memory: { field: "{.spec.memory}", as: "auto" },
  progress: { field: "{.status.progress}", as: "auto" },
};

/**
 * Parse `--sort-by`: a name (`memory`, `age`) or kubectl's JSONPath (`.spec.cpus`,
 * `{.metadata.labels['tier']}`, `.status.conditions[0].type`).
 *
 * @throws InputError with kubectl's reason for a path it refuses (exit 2, nothing sent)
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { KINDS } from "./kinds.ts";
 * import { parseSortKey } from "./sort.ts";
 * equal(parseSortKey("spec.cpus", KINDS[0]).field, "{.spec.cpus}");
 * ```
 */
export function parseSortKey(input: string, _kind?: KindInfo): SortKey {
  const text = input.trim();
  const named = NAMED[text.toLowerCase()];
  try {
    const field = named ? named.field : relaxedJsonPath(text);
    const template = parseJsonPath(field);
    return { field, template, fields: fieldChain(template), as: named ? named.as : "auto" };
  } catch (e) {
    throw new InputError(
      `cannot sort by ${JSON.stringify(input)}: ${(e as Error).message} ` +
        `(sort by a JSONPath such as .spec.cpus, or by ${Object.keys(NAMED).join(", ")})`,
    );
  }
}

/** `{.a.b.c}` as `["a", "b", "c"]`; undefined for any other template. */
function fieldChain(template: JsonPathTemplate): string[] | undefined {
  const [action, ...rest] = template.nodes;
  if (rest.length > 0 || action?.type !== "list") return undefined;
  const names = action.nodes.map((n) => n.type === "field" && n.name !== "" ? n.name : undefined);
  return names.length > 0 && names.every((n) => n !== undefined) ? names as string[] : undefined;
}

/**
 * What a chain of fields selects in `obj`: the value, `missing`, or undefined where a step meets
 * something other than an object (a list, a string, null), which the JSONPath engine decides.
 * Sorting 100 000 objects by `.spec.cpus` this way keeps no result arrays per object.
 */
function walkFields(
  obj: unknown,
  fields: readonly string[],
): { raw: unknown } | "missing" | undefined {
  let value = obj;
  for (const name of fields) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, name)) return "missing";
    value = (value as Record<string, unknown>)[name];
  }
  return { raw: value };
}

/**
 * An object's sort value: missing, a number (`n`), or text. `s` is the text it compares as beside
 * text (a number's only once it is compared so), `q` its quantity once asked for (null: none),
 * `astral` whether `s` has a character past U+FFFF. One shape for both keeps the comparator fast
 * over 100 000 objects.
 */
type Value =
  | { t: "none" }
  | { t: "num" | "text"; n: number; s?: string; q?: Quantity | null; astral: boolean };

const NONE: Value = { t: "none" };

/** kubectl's quantity grammar (apimachinery `parseQuantityString`), digits optional. */
const QUANTITY_SHAPE = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE][+-]?\d+|[numkMGTPE]|[KMGTPE]i)?$/;
const ZERO: Quantity = { coefficient: 0n, exponent: 0, format: "DecimalSI" };

/**
 * The quantity kubectl reads in `text`, if any. kubectl takes a string without digits that fits
 * the grammar (`m`, `Gi`, `-`, `.`) as zero, where hyperctl's parser refuses it. A quantity
 * longer than hyperctl's parser takes compares as text.
 */
function quantityOf(text: string): Quantity | undefined {
  const m = text === "" ? null : QUANTITY_SHAPE.exec(text);
  if (m === null) return undefined;
  if (m[1] === "" && !m[2]) return ZERO;
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/**
 * The value kubectl sorts `obj` by: the first value of the first result, or none. `found` is
 * false only when the path selects nothing; a `null` is found but sorts as missing.
 */
function valueOf(obj: KubeObject, key: SortKey): { value: Value; found: boolean } {
  const walked = key.fields && walkFields(obj, key.fields);
  if (walked === "missing") return { value: NONE, found: false };
  const raw = walked ? walked.raw : firstValue(obj, key);
  if (raw === MISSING) return { value: NONE, found: false };
  if (raw === null || raw === undefined) return { value: NONE, found: true };
  if (key.as === "time") {
    const ms = parseTimestamp(raw);
    const value: Value = ms === undefined ? NONE : { t: "num", n: ms, astral: false };
    return { value, found: true };
  }
  if (typeof raw === "number") {
    return { value: { t: "num", n: raw, astral: false }, found: true };
  }
  // kubectl fails on values it cannot compare (a boolean, a map, a list, an int beside a string
  // or a float): these compare as the text a custom column prints for them (a map or list as
  // JSON), so a number beside a quantity string compares by value.
  const s = typeof raw === "string" ? raw : typeof raw === "object" ? goJson(raw) : goSprint(raw);
  return { value: { t: "text", n: 0, s, astral: SURROGATE.test(s) }, found: true };
}

const SURROGATE = /[\uD800-\uDFFF]/;

const MISSING = Symbol("missing");

/** The first value of the first result of `key`'s template in `obj`, as kubectl takes it. */
function firstValue(obj: KubeObject, key: SortKey): unknown {
  let groups: unknown[][];
  try {
    groups = findJsonPathValues(key.template, obj, { allowMissingKeys: true });
  } catch (e) {
    if (!(e instanceof JsonPathExecutionError)) throw e;
    throw new SortFieldError(`cannot sort by ${key.field}: ${e.message}`);
  }
  return groups.length === 0 || groups[0].length === 0 ? MISSING : groups[0][0];
}

/**
 * Strings by their UTF-8 bytes, as Go compares them. That is code point order, which `<` on
 * UTF-16 units keeps unless a character past U+FFFF (`astral`) is involved.
 */
function compareBytes(a: string, b: string, astral: boolean): number {
  if (!astral) return a < b ? -1 : a > b ? 1 : 0;
  return compareCodePoints(a, b);
}

/** `v`'s text: a number's as a custom column prints it, made the first time it is asked for. */
function textOf(v: Exclude<Value, { t: "none" }>): string {
  return v.s ??= goSprint(v.n);
}

/** `v`'s quantity, parsed the first time it is asked for. */
function quantityCached(v: Exclude<Value, { t: "none" }>): Quantity | null {
  if (v.q === undefined) v.q = quantityOf(textOf(v)) ?? null;
  return v.q;
}

function compareValues(a: Value, b: Value): number {
  // Missing values sort last, in list order. (kubectl 1.33's comparator calls a missing value
  // less than anything, itself included, so its sort leaves them first in an order the algorithm
  // decides: reversed for up to 12 objects.)
  if (a.t === "none" || b.t === "none") return a.t === b.t ? 0 : a.t === "none" ? 1 : -1;
  if (a.t === "num" && b.t === "num") return a.n - b.n;
  // kubectl's rule for two strings. It is no order where some are quantities and some not
  // ("2" < "10" by value, "10" < "1a" < "2" by bytes): such a list comes out in an order the
  // algorithm decides, in kubectl as here.
  const qa = quantityCached(a);
  const qb = qa && quantityCached(b);
  if (qa && qb) return compareQuantities(qa, qb);
  return compareBytes(textOf(a), textOf(b), a.astral || b.astral);
}

/**
 * Sort a copy of `items` by `key`; equal values keep their order (namespace/name from the server).
 *
 * @throws SortFieldError when no object has the field (an empty list sorts), or one cannot be
 *   walked
 */
export function sortObjects(items: readonly KubeObject[], key: SortKey): KubeObject[] {
  let found = false;
  const keyed = items.map((obj, i) => {
    const v = valueOf(obj, key);
    found ||= v.found;
    return { obj, i, v: v.value };
  });
  if (items.length > 0 && !found) {
    throw new SortFieldError(
      `couldn't find any field with path ${JSON.stringify(key.field)} in the list of objects`,
    );
  }
  return keyed.sort((a, b) => compareValues(a.v, b.v) || a.i - b.i).map((x) => x.obj);
}
