/**
 * The typed options of `get` for several kinds (get_kinds.ts), apart so the run side shares the
 * type without importing the command back.
 * @module
 */

import type { ResourceRequest } from "../../core/resource_words.ts";
import type { IncludeObject } from "../../core/server_rows.ts";
import type { SortKey } from "../../core/sort.ts";
import type { GlobalFlags } from "../global_flags.ts";
import type { OutputChoice } from "./print_flags.ts";

/** Typed options of `get KIND,KIND…` and `get KIND/NAME…`, checked before anything is sent. */
export interface GetKindsOptions extends OutputChoice {
  /** The collections or the objects asked for, in kubectl's order. */
  request: ResourceRequest;
  /** The global flags `get` honours, for the connection and colour. */
  globals: GlobalFlags;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  sortKey?: SortKey;
  noHeaders: boolean;
  chunkSize: number;
  /** Only metadata is read (`-o name`, templates over `.metadata`): lists ask for metadata only. */
  metadataOnly?: boolean;
  /** Tables print the server's rows; what each row carries beside its cells. */
  rows?: IncludeObject;
}
