/**
 * The `yaml` package's `stringify` with the options `-o yaml` prints with. It is the reference
 * the hand-written emitter (_yaml_emitter.ts) matches byte for byte, and what prints any value
 * that is not plain JSON data.
 * @module
 */

import { stringify } from "yaml";

/**
 * One YAML document as the `yaml` package prints it: YAML 1.1 quoting, sequences not indented
 * under their key, long strings never folded, no anchors/aliases for shared objects.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(libraryYaml({ on: "yes", ns: [1] }), '"on": "yes"\nns:\n- 1\n');
 * ```
 */
export function libraryYaml(value: unknown): string {
  return stringify(value, {
    version: "1.1",
    indentSeq: false,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}
