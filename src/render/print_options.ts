/**
 * What `get`/`list` print beyond the format name: the parsed template of `-o jsonpath=…` or
 * `-o custom-columns=…`, and kubectl's table and template flags.
 * @module
 */

import type { CustomColumn } from "../core/custom_columns.ts";
import type { JsonPathTemplate } from "../core/jsonpath/mod.ts";

/** Printing options of list and get; every field defaults to off (or kubectl's default). */
export interface PrintOptions {
  /** The template of `-o jsonpath=…`, `-o jsonpath-file=…`, `-o jsonpath-as-json=…`. */
  jsonPath?: JsonPathTemplate;
  /** The template's text, quoted in execution errors. */
  jsonPathSource?: string;
  /** The columns of `-o custom-columns=…` or `-o custom-columns-file=…`. */
  customColumns?: readonly CustomColumn[];
  /** `--allow-missing-template-keys`: a missing field prints nothing. @default true */
  allowMissingKeys?: boolean;
  /** `-L`: one table column per label key, headed by the key's last segment in capitals. */
  labelColumns?: readonly string[];
  /** `--show-labels`: a LABELS column with every label. @default false */
  showLabels?: boolean;
  /** `--show-kind`: NAME as `virtualmachine.hypersdk.io/web-1`. @default false */
  showKind?: boolean;
  /** `--show-managed-fields`: keep metadata.managedFields in -o json/yaml. @default false */
  showManagedFields?: boolean;
  /** `--output-watch-events`: templates see `{type, object}` per watch event. @default false */
  watchEvents?: boolean;
  /** stdout is a terminal: control characters in template output are made visible. @default false */
  terminal?: boolean;
}
