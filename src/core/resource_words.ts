/**
 * The words kubectl accepts for a resource type, mapped to hyperctl's kinds: plural, singular,
 * short name and Kind in any case, each optionally qualified by group (`virtualmachines.hypersdk.io`)
 * or version and group (`vm.v1alpha1.hypersdk.io`), and `TYPE/NAME` references.
 * @module
 */

import { InputError } from "./input_error.ts";
import { GROUP, kindByName, type KindInfo, KINDS, VERSION } from "./kinds.ts";

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

/** The kinds and their short names, for messages: `virtualmachines (vm, vms), …`. */
export const KNOWN_KINDS = KINDS.map((k) => `${k.plural} (${k.shortNames.join(", ")})`).join(", ");

/**
 * Read kubectl's resource arguments: `TYPE [NAME…]` or `TYPE/NAME…`, one kind at a time.
 *
 * @param words the non-flag words, at least one
 * @throws SyntaxError for an unknown type, several kinds, or a mix of both forms
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { resourceArgs } from "./resource_words.ts";
 * deepEqual(resourceArgs(["vm/a", "vm/b"]).names, ["a", "b"]);
 * deepEqual(resourceArgs(["bj"]).kind.noun, "backup");
 * ```
 */
export function resourceArgs(words: readonly string[]): TypedNames {
  if (words[0].includes("/")) {
    const refs = words.map(typedNameArg);
    const nouns = new Set(refs.map((r) => r.kind.noun));
    if (nouns.size > 1) {
      throw new InputError(`one kind at a time: got ${[...nouns].join(" and ")}`);
    }
    return { kind: refs[0].kind, names: refs.map((r) => r.name) };
  }
  if (words[0].includes(",")) throw new InputError(`one kind at a time: got "${words[0]}"`);
  return { kind: kindArg(words[0]), names: namesAfterType(words) };
}

/** A kind and names of its objects (none: the whole collection). */
export interface TypedNames {
  kind: KindInfo;
  names: string[];
}

/**
 * What `get` is asked for, any number of kinds: whole collections (`vm,vmop`), or objects by name
 * (`vm/a vmop/b`, or `vm,vmop a b`: each name of each kind), in the order kubectl fetches them.
 */
export type ResourceRequest =
  | { form: "collections"; kinds: KindInfo[] }
  | { form: "objects"; refs: TypedName[] };

/**
 * Read kubectl's resource arguments with any number of kinds: `TYPE[,TYPE…] [NAME…]` or
 * `TYPE/NAME…`. A kind named twice (`vm,vms`) is listed once, as kubectl lists it; by name it is
 * asked twice, as kubectl asks.
 *
 * @param words the non-flag words, at least one
 * @throws SyntaxError for an unknown type or a mix of both forms
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { resourceRequest } from "./resource_words.ts";
 * const list = resourceRequest(["vm,vmop,vms"]);
 * deepEqual(list.form === "collections" && list.kinds.map((k) => k.noun), ["vm", "op"]);
 * const named = resourceRequest(["vm,bj", "a", "b"]);
 * deepEqual(named.form === "objects" && named.refs.map((r) => `${r.kind.noun}/${r.name}`), [
 *   "vm/a", "vm/b", "backup/a", "backup/b",
 * ]);
 * ```
 */
export function resourceRequest(words: readonly string[]): ResourceRequest {
  if (words[0].includes("/")) return { form: "objects", refs: words.map(typedNameArg) };
  const kinds = words[0].split(",").map(kindArg);
  const names = namesAfterType(words);
  if (names.length === 0) {
    return { form: "collections", kinds: kinds.filter((k, i) => kinds.indexOf(k) === i) };
  }
  return { form: "objects", refs: kinds.flatMap((kind) => names.map((name) => ({ kind, name }))) };
}

/** The distinct kinds a request names, in order. */
export function kindsOf(request: ResourceRequest): KindInfo[] {
  const kinds = request.form === "collections" ? request.kinds : request.refs.map((r) => r.kind);
  return kinds.filter((k, i) => kinds.indexOf(k) === i);
}

/** One `TYPE/NAME` argument; every argument must have that form once the first has. */
function typedNameArg(word: string): TypedName {
  const ref = splitTypedName(word);
  if (ref) return ref;
  throw new InputError(
    word.includes("/")
      ? `unknown resource type in "${word}": HyperSDK kinds are ${KNOWN_KINDS}`
      : `"${word}" has no type: give every argument as TYPE/NAME, or TYPE NAME…`,
  );
}

/** The kind of a `TYPE` argument. */
function kindArg(word: string): KindInfo {
  const kind = kindOfResource(word);
  if (kind) return kind;
  throw new InputError(`unknown resource type "${word}": HyperSDK kinds are ${KNOWN_KINDS}`);
}

/** The names after a `TYPE` argument; none may have a type of its own. */
function namesAfterType(words: readonly string[]): string[] {
  const names = words.slice(1);
  if (names.some((n) => n.includes("/"))) {
    // kubectl's own words for `get vm vm/a`.
    throw new InputError(
      "there is no need to specify a resource type as a separate argument when passing " +
        "arguments in resource/name form",
    );
  }
  return names;
}
