/**
 * The run side of the creating commands (`vm|snapshot|backup|restore|schedule create`): build the
 * manifest in the connection's namespace, check what it refers to, then create through createAll.
 * Each command (create_command.ts) checks its flags and imports this when it runs.
 * @module
 */

import { kindByNoun, type Noun } from "../../core/kinds.ts";
import type { Manifest } from "../../core/manifests/mod.ts";
import type { WaitCondition } from "../../core/wait_condition.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { type MutationOptions, withWatchIdle } from "./mutation_flags.ts";
import { createAll } from "./_mutate.ts";
import { requireExisting } from "./_targets.ts";

/** One object to create, its options checked. */
export interface CreateRun {
  noun: Noun;
  /** The manifest in `namespace` (the connection's: `-n`, else the context's). */
  build(namespace: string): Manifest<unknown>;
  /** The row label of `--wait`, e.g. `web-1 snapshot`. */
  title: string;
  /** An object the new one refers to, checked first so a typo is a clear 404 (exit 1). */
  requires?: { noun: Noun; name: string };
  /** What `--wait` waits for when the kind has no terminal phases (a VM: Running, or Stopped). */
  awaits?: WaitCondition;
  mutation: MutationOptions;
  globals: GlobalFlags;
}

/** Create (or dry-run) the object and wait when asked; returns the manifest sent. */
export async function runCreate(job: CreateRun, deps: Deps): Promise<Manifest<unknown>> {
  const mutation = withWatchIdle(job.mutation, deps);
  const conn = await deps.connect(job.globals);
  try {
    const manifest = job.build(conn.namespace);
    if (job.requires && job.mutation.dryRun !== "client") {
      await requireExisting(conn, kindByNoun(job.requires.noun), [job.requires.name]);
    }
    const kind = kindByNoun(job.noun);
    await createAll(
      conn,
      [{ kind, manifest, title: job.title, until: job.awaits }],
      mutation,
      deps,
    );
    return manifest;
  } finally {
    conn.close();
  }
}
