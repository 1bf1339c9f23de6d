/**
 * The size a selector may have once URL-encoded.
 *
 * Selectors travel in the request URL, and Deno's HTTP client refuses a URL over 64 KiB before
 * sending anything ("Invalid URL"). Checking while parsing turns that into a usage error that
 * names the flag; half the limit each leaves room for both selectors, the path and a continue
 * token.
 * @module
 */

import { InputError } from "./input_error.ts";

/** Largest URL-encoded selector, in bytes. */
export const MAX_SELECTOR_BYTES = 30_000;

/**
 * Throw an InputError when `input` would make the request URL too long to send.
 *
 * @param what how the error names the selector, e.g. `label selector`
 * @param input the selector as given
 * @example
 * ```ts
 * import { throws } from "node:assert/strict";
 * import { InputError } from "./input_error.ts";
 * import { checkSelectorSize } from "./selector_size.ts";
 * checkSelectorSize("label selector", "env=prod");
 * throws(() => checkSelectorSize("label selector", "a=".repeat(20_000)), InputError);
 * ```
 */
export function checkSelectorSize(what: string, input: string): void {
  const bytes = encodeURIComponent(input).length;
  if (bytes > MAX_SELECTOR_BYTES) {
    throw new InputError(
      `cannot use ${what} "${input.slice(0, 20)}…": ${bytes} bytes once URL-encoded, more than ` +
        `the ${MAX_SELECTOR_BYTES} a request URL leaves for it (split the query or use fewer values)`,
    );
  }
}
