/**
 * Checks of the object names a command is given, as validations: every bad name is named, with
 * the command's other problems. Light, for command modules' `parse`.
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

/** Names or a label selector, not both, each checked. */
export function checkTargets(
  kind: KindInfo,
  names: readonly string[],
  selector: string | undefined,
): Validation<TargetSpec> {
  return mapValid(
    collect({
      either: unless(
        names.length > 0 && selector !== undefined,
        `give ${kind.singular} names or -l, not both`,
      ),
      names: checkNames(kind, names),
      selector: attempt(() => selector === undefined ? undefined : parseLabelSelector(selector)),
    }),
    ({ names }) => ({ names, selector }),
  );
}
