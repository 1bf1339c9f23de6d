/**
 * kubectl's "No resources found" line on stderr, when a read matched nothing.
 * @module
 */

import type { OutputFormat } from "../../render/renderer.ts";

/**
 * Whether an empty result is said on stderr: only for tables, as kubectl 1.33 says it (`-o name`
 * prints nothing at all; a JSON or template consumer gets its empty document).
 */
export function saysNoResources(output: OutputFormat): boolean {
  return output === "table" || output === "wide";
}

/** The line; `namespace` undefined for all namespaces or several clusters. */
export function noResourcesLine(namespace: string | undefined): string {
  return namespace === undefined
    ? "No resources found\n"
    : `No resources found in ${namespace} namespace.\n`;
}
