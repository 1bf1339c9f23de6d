/**
 * Which objects a command names: object names or `-l SELECTOR`, checked before anything is sent.
 * Resolving them against the cluster (and the pick list) is `_targets.ts`, loaded by `run`.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { validateDns1123Name } from "../../core/names.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../../core/validation.ts";

/** Names or a selector, as given. */
export interface TargetSpec {
  names: string[];
  selector?: string;
}

/** Every name of `names` checked as a name of `kind`. */
export function checkNames(kind: KindInfo, names: readonly string[]): Validation<string[]> {
  const each = Object.fromEntries(
    names.map((name, i) => [i, attempt(() => validateDns1123Name(name, `${kind.singular} name`))]),
  );
  return mapValid(collect(each), () => [...names]);
}

/**
 * Check the names/selector combination: every bad name and a bad selector at once.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { kindByNoun } from "../../core/kinds.ts";
 * import { checkTargets } from "./target_spec.ts";
 * const v = checkTargets(kindByNoun("vm"), ["A", "b_"], "x in (");
 * equal(isLeft(v) && v.left.length, 4);
 * ```
 */
export function checkTargets(
  kind: KindInfo,
  names: readonly string[],
  selector: string | undefined,
): Validation<TargetSpec> {
  const checked = collect({
    both: unless(
      names.length > 0 && selector !== undefined,
      `give ${kind.singular} names or -l, not both`,
    ),
    names: checkNames(kind, names),
    selector: attempt(() => selector === undefined ? undefined : parseLabelSelector(selector)),
  });
  return mapValid(checked, () => ({
    names: [...names],
    ...(selector !== undefined && { selector }),
  }));
}
