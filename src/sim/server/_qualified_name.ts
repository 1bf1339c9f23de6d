/**
 * Label and annotation keys as the API server checks them: an optional DNS-subdomain prefix and
 * `/`, then a name of at most 63 bytes. The messages are the server's, word for word, so a client
 * shows the same reason whichever server refused the key.
 * @module
 */

import { utf8Length } from "../../core/code_points.ts";

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and " +
  "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used " +
  "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN_RULE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric " +
  "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. " +
  "'example.com', regex used for validation is " +
  "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/**
 * What is wrong with `key` as a qualified name; empty when it is one.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * deepEqual(qualifiedNameErrors("example.com/tier"), []);
 * deepEqual(qualifiedNameErrors("/tier"), ["prefix part must be non-empty"]);
 * ```
 */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split("/");
  if (parts.length > 2) {
    return [
      `a valid label key ${NAME_RULE} with an optional DNS subdomain prefix and '/' ` +
      "(e.g. 'example.com/MyName')",
    ];
  }
  const errors: string[] = [];
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === "") errors.push("prefix part must be non-empty");
    else {
      if (utf8Length(prefix) > 253) errors.push("prefix part must be no more than 253 bytes");
      if (!SUBDOMAIN.test(prefix)) errors.push(`prefix part ${SUBDOMAIN_RULE}`);
    }
  }
  if (name === "") errors.push("name part must be non-empty");
  else if (utf8Length(name) > 63) errors.push("name part must be no more than 63 bytes");
  if (!NAME.test(name)) errors.push(`name part ${NAME_RULE}`);
  return errors;
}
