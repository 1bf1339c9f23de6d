/**
 * The `--state-file` document: where a cron watch stopped, and for which query.
 *
 * A cron job that watches in slices (`--watch --for 9m` every 10 minutes) resumes from the saved
 * resourceVersion, so no change between runs is missed; after a 410 it relists and emits the diff
 * against the saved objects. The query is saved too: resuming a different query would be wrong.
 * @module
 */

import { InputError } from "./input_error.ts";
import { isRecord, type KubeObject } from "./types.ts";

/** What identifies the watched query. */
export interface CheckpointQuery {
  kind: string;
  /** undefined = all namespaces */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  server: string;
}

/** The saved document. */
export interface Checkpoint {
  version: 1;
  query: CheckpointQuery;
  resourceVersion: string;
  objects: KubeObject[];
  /** RFC 3339, for people reading the file. */
  savedAt: string;
}

function sameQuery(a: CheckpointQuery, b: CheckpointQuery): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.labelSelector === b.labelSelector &&
    a.fieldSelector === b.fieldSelector && a.server === b.server;
}

/**
 * Parse a saved checkpoint for `query`; a file for another query or in another format is an
 * error (the user should point each cron job at its own file).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseCheckpoint, serializeCheckpoint } from "./checkpoint.ts";
 * const q = { kind: "VirtualMachine", namespace: "prod", server: "https://k" };
 * const text = serializeCheckpoint(q, "42", [], 0);
 * equal(parseCheckpoint(text, q, "vms.state").resourceVersion, "42");
 * ```
 */
export function parseCheckpoint(text: string, query: CheckpointQuery, path: string): Checkpoint {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError(`cannot read state file "${path}": not JSON`);
  }
  if (
    !isRecord(doc) || doc.version !== 1 || !isRecord(doc.query) ||
    typeof doc.resourceVersion !== "string" || !Array.isArray(doc.objects)
  ) {
    throw new InputError(`cannot read state file "${path}": not a hyperctl watch checkpoint`);
  }
  const saved = doc.query as unknown as CheckpointQuery;
  if (!sameQuery(saved, query)) {
    throw new InputError(
      `state file "${path}" was written for another query (${describe(saved)}); ` +
        `this run watches ${describe(query)}: use one state file per query`,
    );
  }
  return doc as unknown as Checkpoint;
}

function describe(q: CheckpointQuery): string {
  const parts = [q.kind, q.namespace ? `namespace ${q.namespace}` : "all namespaces"];
  if (q.labelSelector) parts.push(`-l ${q.labelSelector}`);
  if (q.fieldSelector) parts.push(`--field-selector ${q.fieldSelector}`);
  parts.push(q.server);
  return parts.join(", ");
}

/** The file text for a checkpoint taken at `nowMs`. */
export function serializeCheckpoint(
  query: CheckpointQuery,
  resourceVersion: string,
  objects: readonly KubeObject[],
  nowMs: number,
): string {
  const doc: Checkpoint = {
    version: 1,
    query,
    resourceVersion,
    objects: [...objects],
    savedAt: new Date(nowMs).toISOString(),
  };
  return JSON.stringify(doc) + "\n";
}
