/**
 * Exact Kubernetes resource quantities (`4Gi`, `1.5G`, `500m`, `1e3`).
 *
 * Mirrors apimachinery `api/resource/quantity.go`, but never through floats: a quantity is a
 * BigInt coefficient times a power of ten, so `4G < 4Gi` and `9223372036854775807` stay exact.
 * Upstream quirks that accept garbage (a bare suffix such as `Gi`, a lone `.`) are rejected.
 * @module
 */

import { InputError } from "./input_error.ts";

/** How the quantity was written; the canonical form keeps the family (binary stays binary). */
export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/**
 * An exact quantity: `coefficient * 10^exponent`.
 *
 * Normalised so equal values have equal fields: the coefficient has no trailing zeros (zero is
 * `0n` with exponent 0) and the exponent is never below -9, because upstream rounds every
 * non-zero value up to the next nano unit.
 */
export interface Quantity {
  readonly coefficient: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

const DECIMAL_SI: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SI: Readonly<Record<string, number>> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};
const SUFFIX_FOR_EXPONENT: Readonly<Record<number, string>> = {
  [-9]: "n",
  [-6]: "u",
  [-3]: "m",
  0: "",
  3: "k",
  6: "M",
  9: "G",
  12: "T",
  15: "P",
  18: "E",
};
const BINARY_SUFFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const;
const MAX_INT64 = (1n << 63n) - 1n;
const INT32_MAX = 2147483647;
const VALID_SUFFIXES = "n u m k M G T P E Ki Mi Gi Ti Pi Ei, or an exponent such as e3";
/**
 * The longest quantity text accepted. int64 needs 19 digits, nano precision 9 more, plus sign,
 * point and suffix; a config preset holding 100 000 digits would only cost time.
 */
export const MAX_QUANTITY_LENGTH = 64;

const fail = (input: string, why: string): never => {
  throw new InputError(`cannot parse quantity ${JSON.stringify(input)}: ${why}`);
};

/** A hint for suffixes people write from habit: K, KB, GiB, Gb, mi, ... */
function suffixHint(suffix: string): string {
  if (/^[eE][+-]?$/.test(suffix)) return ` (an exponent needs digits, as in "1e3")`;
  const m = /^([kmgtpe])(i?)(b?)$/i.exec(suffix);
  if (m) {
    const letter = m[1].toUpperCase();
    const decimal = letter === "K" ? "k" : letter;
    return ` (did you mean "${decimal}" or "${letter}i"?)`;
  }
  return ` (valid suffixes: ${VALID_SUFFIXES})`;
}

const digitCount = (n: bigint): number => (n < 0n ? -n : n).toString().length;
const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Strip trailing zeros into the exponent and round up (away from zero) to nano units. */
function normalize(
  negative: boolean,
  magnitude: bigint,
  exponent: number,
  format: QuantityFormat,
): Quantity {
  if (magnitude === 0n) return { coefficient: 0n, exponent: 0, format };
  let c = magnitude;
  let e = exponent;
  while (c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  if (e < -9) {
    const shift = -9 - e;
    // When the shift exceeds the digit count the value is below 1n, so rounding up gives 1n.
    c = shift > digitCount(c) ? 1n : (c + pow10(shift) - 1n) / pow10(shift);
    e = -9;
    while (c % 10n === 0n) {
      c /= 10n;
      e++;
    }
  }
  if (format === "BinarySI" && compareMagnitude(c, e, MAX_INT64, 0) > 0) {
    // Upstream caps binary quantities at 2^63-1 (`9Ei` == maxInt64).
    return normalize(negative, MAX_INT64, 0, "BinarySI");
  }
  // A binary value below one would need rounding to print, so upstream switches it to decimal.
  const fmt = format === "BinarySI" && e < 0 && compareMagnitude(c, e, 1n, 0) < 0
    ? "DecimalSI"
    : format;
  return { coefficient: negative ? -c : c, exponent: e, format: fmt };
}

/** Compare two non-negative values `a*10^ea` and `b*10^eb` without building huge powers. */
function compareMagnitude(a: bigint, ea: number, b: bigint, eb: number): -1 | 0 | 1 {
  if (a === 0n || b === 0n) return a === b ? 0 : a === 0n ? -1 : 1;
  const oa = digitCount(a) + ea;
  const ob = digitCount(b) + eb;
  if (oa !== ob) return oa < ob ? -1 : 1;
  // Same order of magnitude: the exponents differ by at most the digit counts, so scaling is cheap.
  const e = Math.min(ea, eb);
  const x = a * pow10(ea - e);
  const y = b * pow10(eb - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Parse a Kubernetes quantity exactly.
 *
 * Accepts the upstream grammar (`<sign><digits>.<digits><suffix>`), and JSON numbers because CR
 * specs may store `memory: 4294967296`. Throws an InputError with a hint for the usual mistakes.
 *
 * @param input the quantity as written by a user or stored in an object
 * @returns the normalised, exact quantity
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatQuantity, parseQuantity } from "./quantity.ts";
 * assert.deepEqual(formatQuantity(parseQuantity("1.5Gi")), "1536Mi");
 * ```
 */
export function parseQuantity(input: string | number): Quantity {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail(String(input), "not a finite number");
    // String() of a JS number is its shortest exact decimal form (possibly "1e+21").
    return parseQuantity(String(input));
  }
  if (typeof input !== "string") return fail(String(input), "not a string or number");
  if (input === "") return fail(input, "empty string");
  if (input.length > MAX_QUANTITY_LENGTH) {
    throw new InputError(
      `cannot parse quantity "${input.slice(0, 20)}…": ${input.length} characters, ` +
        `more than the ${MAX_QUANTITY_LENGTH} any real quantity needs`,
    );
  }
  if (/\s/.test(input)) {
    return fail(input, `contains whitespace (write it without spaces, as in "1Gi")`);
  }
  const m = /^([+-]?)(\d*)(?:(\.)(\d*))?(.*)$/s.exec(input);
  if (!m) return fail(input, "not a number");
  const [, sign, intPart, dot, fracPart = "", suffix] = m;
  if (intPart === "" && fracPart === "") {
    if (dot) return fail(input, "no digits around the decimal point");
    return fail(input, `missing number${suffix ? ` before "${suffix}"` : ""}`);
  }
  if (suffix.startsWith(".")) return fail(input, "more than one decimal point");

  let format: QuantityFormat;
  let exp10 = 0;
  let exp2 = 0;
  if (suffix in DECIMAL_SI) {
    format = "DecimalSI";
    exp10 = DECIMAL_SI[suffix];
  } else if (suffix in BINARY_SI) {
    format = "BinarySI";
    exp2 = BINARY_SI[suffix];
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = "DecimalExponent";
    // Upstream stores the exponent as int32; reject instead of wrapping around.
    const raw = suffix.slice(1).replace(/^\+/, "");
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n > INT32_MAX || n < -INT32_MAX - 1) {
      return fail(input, `exponent ${raw} is out of range`);
    }
    exp10 = n;
  } else {
    return fail(input, `unknown suffix ${JSON.stringify(suffix)}${suffixHint(suffix)}`);
  }

  // Trailing zeros go into the exponent on the text, once, rather than one BigInt division each.
  const all = intPart + fracPart;
  const significant = all.replace(/^0+/, "").replace(/0+$/, "");
  const zeros = significant === "" ? 0 : all.length - all.replace(/0+$/, "").length;
  const magnitude = BigInt(significant || "0") << BigInt(exp2);
  return normalize(sign === "-", magnitude, exp10 - fracPart.length + zeros, format);
}

/**
 * Compare two quantities by exact value, ignoring how they were written.
 *
 * @returns -1, 0 or 1 like a comparator, so it sorts
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareQuantities, parseQuantity } from "./quantity.ts";
 * assert.deepEqual(compareQuantities(parseQuantity("4G"), parseQuantity("4Gi")), -1);
 * assert.deepEqual(compareQuantities(parseQuantity("1k"), parseQuantity("1e3")), 0);
 * ```
 */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const sa = a.coefficient < 0n ? -1 : a.coefficient > 0n ? 1 : 0;
  const sb = b.coefficient < 0n ? -1 : b.coefficient > 0n ? 1 : 0;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const c = compareMagnitude(abs(a.coefficient), a.exponent, abs(b.coefficient), b.exponent);
  return sa < 0 && c !== 0 ? ((-c) as -1 | 1) : c;
}

/** True when both quantities have the same value (`1Ki` equals `1024`). */
export function quantitiesEqual(a: Quantity, b: Quantity): boolean {
  return compareQuantities(a, b) === 0;
}

/**
 * The value rounded up to a whole number of base units (bytes, cores), as a BigInt.
 *
 * Throws a RangeError for absurd exponents (`1e2000000000`) rather than allocating gigabytes.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseQuantity, quantityToBigIntCeil } from "./quantity.ts";
 * assert.deepEqual(quantityToBigIntCeil(parseQuantity("4Gi")), 4294967296n);
 * assert.deepEqual(quantityToBigIntCeil(parseQuantity("500m")), 1n);
 * ```
 */
export function quantityToBigIntCeil(q: Quantity): bigint {
  const { coefficient: c, exponent: e } = q;
  if (e >= 0) {
    if (e > 100_000) throw new RangeError(`quantity 1e${e} is too large to convert`);
    return c * pow10(e);
  }
  const d = pow10(-e);
  // Ceiling division for both signs.
  return c >= 0n ? (c + d - 1n) / d : c / d;
}

/**
 * True when the input parses and uses a binary suffix (Ki…Ei), e.g. to insist memory is binary.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isBinaryQuantity } from "./quantity.ts";
 * assert.deepEqual(isBinaryQuantity("8Gi"), true);
 * assert.deepEqual(isBinaryQuantity("8G"), false);
 * ```
 */
export function isBinaryQuantity(input: string | number): boolean {
  if (typeof input !== "string") return false;
  try {
    parseQuantity(input);
  } catch {
    return false;
  }
  return /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(input);
}

/**
 * The canonical text upstream would print: no fraction digits, the largest suffix that keeps the
 * value exact, and the input's suffix family (`1.5` → `1500m`, `1024Mi` → `1Gi`).
 *
 * One deliberate deviation: decimal values of 1000E and more print as multiples of `E`, where
 * upstream drops the suffix and prints a wrong number.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatQuantity, parseQuantity } from "./quantity.ts";
 * assert.deepEqual(formatQuantity(parseQuantity("1000M")), "1G");
 * assert.deepEqual(formatQuantity(parseQuantity("1.5")), "1500m");
 * ```
 */
export function formatQuantity(q: Quantity): string {
  const { coefficient: c, exponent: e } = q;
  if (c === 0n) return "0";
  const abs = c < 0n ? -c : c;
  if (
    q.format === "BinarySI" && e >= 0 && compareMagnitude(abs, e, 1024n, 0) >= 0
  ) {
    let n = c * pow10(e); // binary values are capped at 2^63-1, so this is small
    let k = 0;
    while (n % 1024n === 0n && k < BINARY_SUFFIXES.length - 1) {
      n /= 1024n;
      k++;
    }
    return `${n}${BINARY_SUFFIXES[k]}`;
  }
  // Move the exponent down to a multiple of three so it maps to an SI suffix.
  const r = ((e % 3) + 3) % 3;
  let mantissa = c * pow10(r);
  let exp = e - r;
  if (q.format === "DecimalExponent") return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  if (exp > 18) {
    mantissa *= pow10(exp - 18);
    exp = 18;
  }
  return `${mantissa}${SUFFIX_FOR_EXPONENT[exp]}`;
}
