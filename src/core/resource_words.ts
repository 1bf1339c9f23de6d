/**
 * The words kubectl accepts for a resource type, mapped to hyperctl's kinds: plural, singular,
 * short name and Kind in any case, each optionally qualified by group (`virtualmachines.hypersdk.io`)
 * or version and group (`vm.v1alpha1.hypersdk.io`), and `TYPE/NAME` references.
 * @module
 */

import { GROUP, kindByName, type KindInfo, VERSION } from "./kinds.ts";

const QUALIFIERS = [`.${VERSION}.${GROUP}`, `.${GROUP}`];

/**
 * The kind a resource word names, as kubectl resolves it for these CRDs; undefined otherwise.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindOfResource } from "./resource_words.ts";
 * equal(kindOfResource("virtualmachines.hypersdk.io")?.noun, "vm");
 * equal(kindOfResource("BJ")?.noun, "backup");
 * equal(kindOfResource("vmsnapshot.v1alpha1.hypersdk.io")?.noun, "snapshot");
 * equal(kindOfResource("pods"), undefined);
 * ```
 */
export function kindOfResource(word: string): KindInfo | undefined {
  const lower = word.toLowerCase();
  const suffix = QUALIFIERS.find((q) => lower.endsWith(q));
  const bare = suffix ? lower.slice(0, -suffix.length) : lower;
  return bare ? kindByName(bare) : undefined;
}

/** One `TYPE/NAME` reference, split. */
export interface TypedName {
  kind: KindInfo;
  name: string;
}

/**
 * Split `vm/web-1` (or `virtualmachine.hypersdk.io/web-1`, as `-o name` prints it); undefined when
 * the word has no slash or its type is not a HyperSDK kind.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { splitTypedName } from "./resource_words.ts";
 * equal(splitTypedName("virtualmachine.hypersdk.io/web-1")?.name, "web-1");
 * equal(splitTypedName("web-1"), undefined);
 * ```
 */
export function splitTypedName(word: string): TypedName | undefined {
  const slash = word.indexOf("/");
  if (slash <= 0) return undefined;
  const kind = kindOfResource(word.slice(0, slash));
  return kind ? { kind, name: word.slice(slash + 1) } : undefined;
}
