/**
 * Small pieces every command shares: the resource address of a kind, and colour.
 * @module
 */

import { GROUP, type KindInfo, VERSION } from "../../core/kinds.ts";
import type { ResourceRef } from "../../k8s/api.ts";
import { type ColorFlag, shouldColor } from "../../render/color.ts";
import type { Deps, GlobalFlags } from "../deps.ts";

/** The collection of `kind` in `namespace` (undefined = all namespaces). */
export function refFor(kind: KindInfo, namespace: string | undefined): ResourceRef {
  return { group: GROUP, version: VERSION, plural: kind.plural, namespace };
}

/** Whether tables on stdout get colour (`--color`, `NO_COLOR`, TTY). */
export function colorFor(globals: GlobalFlags, deps: Pick<Deps, "io" | "env">): boolean {
  return shouldColor({
    flag: (globals.color ?? "auto") as ColorFlag,
    isTTY: deps.io.stdoutIsTTY,
    noColorEnv: deps.env("NO_COLOR"),
  });
}
