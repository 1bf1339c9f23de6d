/**
 * JSON values seen the way kubectl's Go code sees them, so printing and comparing match it byte
 * for byte: whole numbers are `int64` and others `float64` (2 == 2.0 is an error, not true),
 * `fmt.Sprint` prints `map[k:v]` and `[a b]` with sorted keys, and `encoding/json` sorts keys and
 * escapes `<`, `>`, `&`.
 * @module
 */

import { compareCodePoints } from "../code_points.ts";
import { goMarshal, goMarshalIndent } from "../go_json_marshal.ts";
import { escapeLikeGo } from "../go_json_escape.ts";

/** A float literal of a template (`2.0`): Go keeps it a float64, unlike the whole number 2. */
export class GoFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

type Kind = "bool" | "int" | "float" | "string";
type GoMap = Record<string, unknown>;

const isRecord = (v: unknown): v is GoMap =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** True for values printed as JSON rather than as text (maps and arrays). */
export function isContainer(v: unknown): boolean {
  return Array.isArray(v) || isRecord(v);
}

/** A map's keys in Go's printing order. */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareCodePoints);
}

/**
 * The Go type name kubectl's errors show (`map[string]interface {}`, `int64`, `string`).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goTypeName(4), "int64");
 * ```
 */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof GoFloat) return "float64";
  if (isRecord(v)) return "map[string]interface {}";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  return "<nil>";
}

/**
 * Go's `%v` of a float64: shortest digits, exponent form from 1e+06 up and below 1e-04.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goFloatText(1234567), "1.234567e+06");
 * equal(goFloatText(2.5), "2.5");
 * ```
 */
export function goFloatText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "+Inf" : "-Inf";
  if (n === 0) return Object.is(n, -0) ? "-0" : "0";
  const [mantissa, expText] = n.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

/**
 * Go's `fmt.Sprint` of a decoded JSON value, as kubectl prints a jsonpath scalar or a
 * custom-columns cell.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goSprint({ b: [1, "x"], a: null }), "map[a:<nil> b:[1 x]]");
 * ```
 */
export function goSprint(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof GoFloat) return goFloatText(v.value);
  if (typeof v === "number") {
    return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : goFloatText(v);
  }
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  if (isRecord(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(" ")}]`;
  return v === undefined ? "<no value>" : "<nil>";
}

/**
 * Go's `json.Marshal` (or `MarshalIndent` with `indent`): keys sorted, HTML characters escaped.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(goJson({ b: "<x>", a: 1 }), '{"a":1,"b":"\\u003cx\\u003e"}');
 * ```
 */
export function goJson(v: unknown, indent = ""): string {
  const sorted = sortedCopy(v);
  if (sorted === UNSORTABLE) return indent ? goMarshalIndent(v, indent) : goMarshal(v);
  return escapeLikeGo(JSON.stringify(sorted, null, indent || undefined) ?? "null");
}

/** {@link sortedCopy} met an object whose keys `JSON.stringify` would write out of Go's order. */
const UNSORTABLE = Symbol("unsortable");

/**
 * A copy with every map's keys in Go's order, for `JSON.stringify` (about twice as fast as the
 * general writer on a page of objects); {@link UNSORTABLE} where that cannot hold: an object puts
 * integer-like keys (`"10"`, `"9"`) first in numeric order.
 */
function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = sortedCopy(v[i]);
      if (x === UNSORTABLE) return UNSORTABLE;
      out[i] = x;
    }
    return out;
  }
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(v)) {
    if (INDEX_LIKE.test(k)) return UNSORTABLE;
    const x = sortedCopy(v[k]);
    if (x === UNSORTABLE) return UNSORTABLE;
    out[k] = x;
  }
  return out;
}

/** Keys a JavaScript object orders by value, ahead of the others. */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

function kindOf(v: unknown): Kind {
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoFloat) return "float";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "string";
  throw new Error("invalid type for comparison");
}

const plain = (v: unknown) => (v instanceof GoFloat ? v.value : v) as number | string | boolean;

function equal(a: unknown, b: unknown): boolean {
  if (kindOf(a) !== kindOf(b)) throw new Error("incompatible types for comparison");
  return plain(a) === plain(b);
}

function less(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  if (ka !== kindOf(b)) throw new Error("incompatible types for comparison");
  if (ka === "bool") throw new Error("invalid type for comparison");
  return plain(a) < plain(b);
}

/**
 * Compare two values as the Go template functions client-go's filters call (`eq`, `lt`, …):
 * both sides must be of the same kind, and only numbers and strings order.
 *
 * @example
 * ```ts
 * import { equal, throws } from "node:assert/strict";
 * equal(goCompare(">", 4, 2), true);
 * throws(() => goCompare(">", 4, new GoFloat(1.5)), /incompatible types/);
 * ```
 */
export function goCompare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case "==":
      return equal(left, right);
    case "!=":
      return !equal(left, right);
    case "<":
      return less(left, right);
    case "<=":
      return less(left, right) || equal(left, right);
    case ">":
      return !(less(left, right) || equal(left, right));
    case ">=":
      return !less(left, right);
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}
