/**
 * The typed options of `list`, parsed from its flags before anything is sent. Apart from list.ts
 * so the stream, renderer and multi-cluster helpers can share the type without importing the
 * command back.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { IncludeObject } from "../../core/server_rows.ts";
import type { SortKey } from "../../core/sort.ts";
import type { ObjectPredicate } from "../../core/types.ts";
import type { GlobalFlags } from "../global_flags.ts";
import type { OutputChoice } from "./print_flags.ts";
import type { WatchMode } from "./watch_flags.ts";

/** Typed options of `list`, produced before anything is sent. */
export interface ListCommandOptions extends OutputChoice {
  kind: KindInfo;
  /** The global flags `list` honours, for the connection and colour. */
  globals: GlobalFlags;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Client-side filters and `--where`, ANDed. */
  keep: ObjectPredicate;
  /** The same filters as flag → value, so a state file can tell its query from another. */
  clientFilters: Readonly<Record<string, string>>;
  sortKey?: SortKey;
  noHeaders: boolean;
  chunkSize: number;
  watch: WatchMode;
  /** `--for`: stop watching after this long (exit 0). */
  forMs?: number;
  live: boolean;
  /** Several clusters: context names, or every context of the kubeconfig. */
  contexts?: string[] | "all";
  /** `--state-file`: resume a cron watch where the last run stopped. */
  stateFile?: string;
  /** `HYPERCTL_WATCH_IDLE_TIMEOUT`: silence after which a watch stream counts as dead. */
  idleMs?: number;
  /** Only metadata is read: the list or watch asks the server for metadata only. */
  metadataOnly?: boolean;
  /** The table prints the server's rows; what each row carries beside its cells. */
  rows?: IncludeObject;
}
