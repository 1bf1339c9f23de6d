/**
 * The typed options of `wait`, parsed from its flags before anything is sent. Apart from
 * wait_for.ts so the run side (_run_wait_for.ts) shares the type without importing the command back.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { WaitCondition } from "../../core/wait_condition.ts";
import type { GlobalFlags } from "../global_flags.ts";
import type { WaitOptions } from "../operation_wait.ts";

/** Typed options of `wait`, checked before anything is sent. */
export interface WaitForOptions extends WaitOptions {
  kind: KindInfo;
  /** The global flags `wait` honours, for the connection. */
  globals: GlobalFlags;
  names: string[];
  selector?: string;
  all: boolean;
  /** `-A` with `-l`/`--all`: every namespace. */
  allNamespaces: boolean;
  condition: WaitCondition;
  output?: "json" | "yaml" | "name";
}
