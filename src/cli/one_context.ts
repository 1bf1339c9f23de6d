/**
 * `--context a,b` where a command works on one cluster. Only list (and its watch) takes several
 * contexts; elsewhere the comma list reached the kubeconfig as one name and failed as
 * `context "a,b" not found` (exit 1), which hid the real mistake.
 * @module
 */

import { InputError } from "../core/input_error.ts";

/**
 * Refuse a comma list of contexts before connecting. A kubeconfig context name is a free string
 * and may itself contain a comma; kubectl would use such a context, so the list is refused only
 * when the kubeconfig has no context of that exact name. That takes reading the kubeconfig, which
 * the parser does not do, hence this check at connect time: still before anything is sent.
 *
 * @param names the kubeconfig's context names, read only for a value with a comma
 * @throws InputError (exit 2) when `context` names several contexts
 */
export function checkOneContext(context: string | undefined, names: () => string[]): void {
  if (context === undefined || !context.includes(",")) return;
  if (names().includes(context)) return;
  throw new InputError(
    `--context ${
      JSON.stringify(context)
    } names several contexts, but this command works on one cluster (only list, and list --watch, take several)`,
  );
}
