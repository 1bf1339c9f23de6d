/**
 * The typed options of `get`, parsed from its flags before anything is sent. Apart from
 * get.ts so the run side (_run_get.ts) shares the type without importing the command back.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { SortKey } from "../../core/sort.ts";
import type { GlobalFlags } from "../global_flags.ts";
import type { OutputChoice } from "./print_flags.ts";
import type { WatchMode } from "./watch_flags.ts";

/** Typed options of `get`, checked before anything is sent. */
export interface GetCommandOptions extends OutputChoice {
  kind: KindInfo;
  /** The global flags `get` honours, for the connection and colour. */
  globals: GlobalFlags;
  names: readonly string[];
  /** `--sort-by`: several names print in its order. */
  sortKey?: SortKey;
  noHeaders: boolean;
  watch: WatchMode;
  forMs?: number;
}
