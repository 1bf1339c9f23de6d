/**
 * What `list` reads: the flags as the parser hands them over, and the typed options parsed from
 * them. Apart from list.ts so the stream, renderer and multi-cluster helpers can share the
 * options type without importing the command back.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { SortKey } from "../../core/sort.ts";
import type { ObjectPredicate } from "../../core/types.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import type { PrintOptions } from "../../render/print_options.ts";
import type { RawPrintFlags } from "../print_flags.ts";

/** Flags of `list`, as the parser hands them over (strings until parsed). */
export interface RawListFlags extends RawPrintFlags {
  selector?: string;
  fieldSelector?: string;
  status?: string;
  node?: string;
  minCpus?: string;
  minMemory?: string;
  createdAfter?: string;
  createdBefore?: string;
  where?: string;
  preset?: string;
  sortBy?: string;
  headers?: boolean;
  chunkSize?: string;
  watch?: boolean;
  watchOnly?: boolean;
  for?: string;
  live?: boolean;
  stateFile?: string;
  allContexts?: boolean;
}

/** Typed options of `list`, produced before anything is sent. */
export interface ListCommandOptions {
  kind: KindInfo;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** Client-side filters and `--where`, ANDed. */
  keep: ObjectPredicate;
  sortKey?: SortKey;
  output: OutputFormat;
  /** Template, label columns and kubectl's other printing flags. */
  print: PrintOptions;
  noHeaders: boolean;
  chunkSize: number;
  watch: "none" | "watch" | "watch-only";
  /** `--for`: stop watching after this long (exit 0). */
  forMs?: number;
  live: boolean;
  /** Several clusters: context names, or every context of the kubeconfig. */
  contexts?: string[] | "all";
  /** `--state-file`: resume a cron watch where the last run stopped. */
  stateFile?: string;
  /** `HYPERCTL_WATCH_IDLE_TIMEOUT`: silence after which a watch stream counts as dead. */
  idleMs?: number;
}
