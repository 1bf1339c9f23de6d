/**
 * The `--state-file` document: where a cron watch stopped, for which query, on which cluster.
 *
 * A cron job that watches in slices (`--watch --for 9m` every 10 minutes) resumes from the saved
 * resourceVersion, so no change between runs is missed; after a 410 it relists and emits the diff
 * against the saved objects. The query is saved too: resuming a different query would be wrong.
 * So is the cluster's identity (the UID of the kind's CustomResourceDefinition): a cluster rebuilt
 * at the same URL has other resourceVersions, and following the old ones would silently lose
 * every change below them.
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
  /**
   * The client-side filters, flag → value as it identifies the query (`--status` → `Running`);
   * `{}` for none. Absent only in files saved before filters were recorded.
   */
  filters?: Readonly<Record<string, string>>;
}

/** What the checkpoint holds besides the query. */
export interface CheckpointState {
  resourceVersion: string;
  objects: readonly KubeObject[];
  /**
   * UID of the kind's CustomResourceDefinition when it could be read; it changes when the cluster
   * (or the CRD, and with it every object) is recreated.
   */
  clusterId?: string;
}

/** The saved document. */
export interface Checkpoint {
  version: 1;
  query: CheckpointQuery;
  resourceVersion: string;
  objects: KubeObject[];
  clusterId?: string;
  /** RFC 3339, for people reading the file. */
  savedAt: string;
}

/** The state file was saved on another cluster (or before its CRD was recreated); exit 6. */
export class CheckpointClusterError extends Error {
  override name = "CheckpointClusterError";
}

/** One part of a query, as the refusal names it: `-l tier=web`, `no -l`. */
interface Part {
  name: string;
  value: (q: CheckpointQuery) => string | undefined;
  show: (value: string | undefined) => string;
}

const flagPart = (flag: string, value: Part["value"]): Part => ({
  name: flag,
  value,
  show: (v) => v === undefined ? `no ${flag}` : `${flag} ${v}`,
});

const PARTS: readonly Part[] = [
  { name: "kind", value: (q) => q.kind, show: (v) => `kind ${v}` },
  {
    name: "namespace",
    value: (q) => q.namespace,
    show: (v) => v === undefined ? "all namespaces" : `namespace ${v}`,
  },
  flagPart("-l", (q) => q.labelSelector),
  flagPart("--field-selector", (q) => q.fieldSelector),
  { name: "server", value: (q) => q.server, show: (v) => `server ${v}` },
];

/**
 * How `saved` differs from this run's query, one `X there, Y here` per part; empty when it is
 * the same query. A file saved before filters were recorded has no `filters`: it is taken to
 * hold this run's filters (they were never checked, and refusing would stop every filtered cron
 * job at the upgrade); its next save records them, and from then on a change is refused.
 */
function differences(saved: CheckpointQuery, query: CheckpointQuery): string[] {
  const filterFlags = saved.filters === undefined
    ? []
    : [...new Set([...Object.keys(saved.filters), ...Object.keys(query.filters ?? {})])].sort();
  const parts = [
    ...PARTS,
    ...filterFlags.map((flag) => flagPart(flag, (q) => q.filters?.[flag])),
  ];
  return parts.flatMap((p) => {
    const [there, here] = [p.value(saved), p.value(query)];
    return there === here ? [] : [`${p.show(there)} there, ${p.show(here)} here`];
  });
}

const stringRecord = (v: unknown) =>
  v === undefined || (isRecord(v) && Object.values(v).every((x) => typeof x === "string"));

const optionalString = (v: unknown) => v === undefined || typeof v === "string";
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v !== "";

/** Why an entry of `objects` is unusable, or undefined when it is a proper object of the query. */
function objectProblem(o: unknown, query: CheckpointQuery, seen: Set<string>): string | undefined {
  if (!isRecord(o) || !isRecord(o.metadata)) return "not an object with metadata";
  if (o.kind !== query.kind) return `kind is ${JSON.stringify(o.kind)}, not "${query.kind}"`;
  const name = o.metadata.name;
  const namespace = o.metadata.namespace;
  if (!nonEmpty(name)) return "no metadata.name";
  if (!nonEmpty(namespace)) return "no metadata.namespace";
  if (query.namespace !== undefined && namespace !== query.namespace) {
    return `namespace "${namespace}" is outside the query`;
  }
  if (!nonEmpty(o.metadata.resourceVersion)) return "no metadata.resourceVersion";
  const key = `${namespace}/${name}`;
  if (seen.has(key)) return `${key} appears twice`;
  seen.add(key);
  return undefined;
}

/**
 * Parse a saved checkpoint for `query`. A file for another query, in another format, or with any
 * damaged part is a SyntaxError naming the file: resuming from half a checkpoint would drop the
 * DELETED events of the objects it lost.
 *
 * @param text the file's contents
 * @param query the query of this run
 * @param path the file, for messages
 * @returns the checkpoint
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { parseCheckpoint, serializeCheckpoint } from "./checkpoint.ts";
 * const q = { kind: "VirtualMachine", namespace: "prod", server: "https://k" };
 * const text = serializeCheckpoint(q, { resourceVersion: "42", objects: [] }, { savedAtMs: 0 });
 * equal(parseCheckpoint(text, q, "vms.state").resourceVersion, "42");
 * ```
 */
export function parseCheckpoint(text: string, query: CheckpointQuery, path: string): Checkpoint {
  const damaged = (why: string): never => {
    throw new InputError(`cannot read state file "${path}": ${why} (fix or remove the file)`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return damaged("not JSON");
  }
  if (!isRecord(doc) || doc.version !== 1 || !isRecord(doc.query)) {
    return damaged("not a hyperctl watch checkpoint");
  }
  const saved = doc.query;
  if (
    !nonEmpty(saved.kind) || !nonEmpty(saved.server) || !optionalString(saved.namespace) ||
    !optionalString(saved.labelSelector) || !optionalString(saved.fieldSelector) ||
    !stringRecord(saved.filters)
  ) {
    return damaged("its query is damaged");
  }
  const differs = differences(saved as unknown as CheckpointQuery, query);
  if (differs.length > 0) {
    throw new InputError(
      `state file "${path}" was written for another query (${differs.join("; ")}): ` +
        `use one state file per query, or remove "${path}" to start afresh`,
    );
  }
  if (!nonEmpty(doc.resourceVersion)) return damaged("no resourceVersion");
  if (!optionalString(doc.clusterId) || !optionalString(doc.savedAt)) {
    return damaged("clusterId or savedAt is not a string");
  }
  if (!Array.isArray(doc.objects)) return damaged("objects is not a list");
  const seen = new Set<string>();
  doc.objects.forEach((o, i) => {
    const problem = objectProblem(o, query, seen);
    if (problem !== undefined) damaged(`objects[${i}]: ${problem}`);
  });
  return doc as unknown as Checkpoint;
}

/**
 * Refuse a checkpoint saved on another cluster.
 *
 * @param checkpoint the saved checkpoint
 * @param clusterId this cluster's identity, when it could be read
 * @param path the file, for the message
 * @throws CheckpointClusterError when both identities are known and differ
 */
export function checkSameCluster(
  checkpoint: Pick<Checkpoint, "clusterId" | "query">,
  clusterId: string | undefined,
  path: string,
): void {
  const saved = checkpoint.clusterId;
  if (saved === undefined || clusterId === undefined || saved === clusterId) return;
  throw new CheckpointClusterError(
    `state file "${path}" belongs to another cluster: ${checkpoint.query.kind} at ` +
      `${checkpoint.query.server} has been recreated (definition uid ${clusterId}, the file has ` +
      `${saved}); its resourceVersions mean nothing here: remove the file to start over`,
  );
}

/**
 * The file text for a checkpoint.
 *
 * @param query the query of this run
 * @param state where the watch stopped
 * @param options `savedAtMs`: when, for people reading the file
 * @returns one line of JSON
 */
export function serializeCheckpoint(
  query: CheckpointQuery,
  state: CheckpointState,
  options: { savedAtMs: number },
): string {
  const doc: Checkpoint = {
    version: 1,
    query,
    resourceVersion: state.resourceVersion,
    objects: [...state.objects],
    ...(state.clusterId === undefined ? {} : { clusterId: state.clusterId }),
    savedAt: new Date(options.savedAtMs).toISOString(),
  };
  return JSON.stringify(doc) + "\n";
}
