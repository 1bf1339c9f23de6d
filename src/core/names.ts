/**
 * Kubernetes object-name rules (RFC 1123), checked before anything is sent so a typo gives a
 * hint and exit 2 instead of a 422 from the server.
 * @module
 */

import { InputError } from "./input_error.ts";
import { didYouMean } from "./did_you_mean.ts";

const LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const LABEL_RE = new RegExp(`^${LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** A plausible valid spelling of a bad name: lower-cased, `_` and spaces turned into `-`. */
function suggest(name: string, allowDots: boolean, max: number): string | undefined {
  let s = name.toLowerCase().replace(/[_\s]+/g, "-");
  if (!allowDots) s = s.replaceAll(".", "-");
  s = s.replace(/[^-a-z0-9.]/g, "").replace(/^[-.]+|[-.]+$/g, "");
  if (s === name || s === "" || s.length > max) return undefined;
  return (allowDots ? SUBDOMAIN_RE : LABEL_RE).test(s) ? s : undefined;
}

function check(name: string, what: string, allowDots: boolean, max: number): string {
  const kind = allowDots ? "RFC 1123 subdomain" : "RFC 1123 label";
  const prefix = `invalid ${what} ${JSON.stringify(name)}`;
  if (name === "") throw new InputError(`invalid ${what} "": must not be empty`);
  if (name.length > max) {
    throw new InputError(`${prefix}: must be at most ${max} characters (got ${name.length})`);
  }
  if (!(allowDots ? SUBDOMAIN_RE : LABEL_RE).test(name)) {
    const chars = allowDots ? `a-z, 0-9, "-" and "."` : `a-z, 0-9 and "-"`;
    const hint = suggest(name, allowDots, max);
    throw new InputError(
      `${prefix}: must be a lowercase ${kind} (${chars}, starting and ending with a letter or digit)` +
        didYouMean(hint),
    );
  }
  return name;
}

/**
 * Check an object name (VM, snapshot, ...): a lowercase RFC 1123 subdomain of at most 253
 * characters. Returns the name so it can be used inline; throws InputError with a hint.
 *
 * @param name the name to check
 * @param what what the name is for, used in the message (`VM name`)
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateDns1123Name } from "./names.ts";
 * assert.equal(validateDns1123Name("web-1.prod", "VM name"), "web-1.prod");
 * assert.throws(() => validateDns1123Name("Web_1", "VM name"), /did you mean "web-1"/);
 * ```
 */
export function validateDns1123Name(name: string, what: string): string {
  return check(name, what, true, 253);
}

/**
 * Check a namespace or other label-like name: a lowercase RFC 1123 label of at most 63
 * characters, no dots. Returns the name; throws InputError with a hint.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "./input_error.ts";
 * import { validateDns1123Label } from "./names.ts";
 * assert.equal(validateDns1123Label("prod", "namespace"), "prod");
 * assert.throws(() => validateDns1123Label("my.ns", "namespace"), InputError);
 * ```
 */
export function validateDns1123Label(name: string, what: string): string {
  return check(name, what, false, 63);
}

/** True for a lowercase RFC 1123 subdomain of at most 253 characters. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && SUBDOMAIN_RE.test(name);
}

/** True for a lowercase RFC 1123 label of at most 63 characters. */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && LABEL_RE.test(name);
}
