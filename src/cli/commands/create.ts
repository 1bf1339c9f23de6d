/**
 * The creating commands that make one object from a builder: `vm create`, `snapshot create`,
 * `backup create`, `restore create`, `schedule create`.
 *
 * Each parses its flags with the pure parser from core/manifests (first with the flag namespace,
 * so bad input fails with exit 2 before the kubeconfig is read), then creates through createAll.
 * @module
 */

import { kindByNoun, type Noun } from "../../core/kinds.ts";
import {
  type BackupCreateFlags,
  buildBackupJob,
  buildBackupSchedule,
  buildRestoreJob,
  buildVirtualMachine,
  buildVmSnapshot,
  type Manifest,
  nextRuns,
  parseBackupCreate,
  parseRestoreCreate,
  parseScheduleCreate,
  parseSnapshotCreate,
  parseVmCreate,
  type RestoreCreateFlags,
  type ScheduleCreateFlags,
  type SnapshotCreateFlags,
  type VmCreateFlags,
} from "../../core/manifests/mod.ts";
import type { KubeObject } from "../../core/types.ts";
import { type WaitCondition, waitVerdict, whyNever } from "../../core/wait_condition.ts";
import type { Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { createAll, parseMutationOptions, type RawMutationFlags } from "./_mutate.ts";
import { requireExisting } from "./_targets.ts";

interface Recipe<F> {
  noun: Noun;
  waitable: boolean;
  /** An object the new one refers to, checked first so a typo is a clear 404 (exit 1). */
  requires?: (arg: string | undefined, flags: F) => { noun: Noun; name: string } | undefined;
  /** Build the manifest for `arg` in `namespace`; throws usage errors. */
  build(arg: string | undefined, flags: F & { namespace: string }): Manifest<unknown>;
  title(arg: string | undefined, manifest: Manifest<unknown>): string;
  /** What `--wait` waits for when the kind has no terminal phases (a VM: Running). */
  awaits?: WaitCondition;
}

const recipes = {
  vm: {
    noun: "vm",
    waitable: true,
    awaits: { type: "phase", phases: ["Running"] },
    build: (arg, flags) => buildVirtualMachine(parseVmCreate(arg, flags)),
    title: (arg) => `${arg} create`,
  } as Recipe<Omit<VmCreateFlags, "namespace">>,
  snapshot: {
    noun: "snapshot",
    waitable: true,
    requires: (arg) => (arg ? { noun: "vm", name: arg } : undefined),
    build: (arg, flags) => buildVmSnapshot(parseSnapshotCreate(arg, flags)),
    title: (arg) => `${arg} snapshot`,
  } as Recipe<Omit<SnapshotCreateFlags, "namespace">>,
  backup: {
    noun: "backup",
    waitable: true,
    requires: (arg) => (arg ? { noun: "vm", name: arg } : undefined),
    build: (arg, flags) => buildBackupJob(parseBackupCreate(arg, flags)),
    title: (arg) => `${arg} backup`,
  } as Recipe<Omit<BackupCreateFlags, "namespace">>,
  restore: {
    noun: "restore",
    waitable: true,
    requires: (_arg, flags) => (flags.backup ? { noun: "backup", name: flags.backup } : undefined),
    build: (_arg, flags) => buildRestoreJob(parseRestoreCreate(flags)),
    title: (_arg, m) =>
      `${(m.spec as { destination?: { vmName?: string } }).destination?.vmName} restore`,
  } as Recipe<Omit<RestoreCreateFlags, "namespace">>,
  schedule: {
    noun: "schedule",
    waitable: false,
    build: (arg, flags) => buildBackupSchedule(parseScheduleCreate(arg, flags)),
    title: (arg) => `${arg} schedule`,
  } as Recipe<Omit<ScheduleCreateFlags, "namespace">>,
};

/** Which creating commands exist. */
export type CreatableNoun = keyof typeof recipes;

/** `<noun> create [ARG] …flags`. */
export async function runCreateCommand(
  noun: CreatableNoun,
  arg: string | undefined,
  flags: Record<string, unknown> & RawMutationFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  // The command line's flags arrive untyped; each parser checks every value it reads.
  const recipe = recipes[noun] as unknown as Recipe<Record<string, unknown>>;
  validateGlobalFlags(globals);
  const mutation = parseMutationOptions(flags, globals, deps.io.stderrIsTTY, {
    waitable: recipe.waitable,
  });
  recipe.build(arg, { ...flags, namespace: globals.namespace ?? "default" });
  const conn = await deps.connect(globals);
  try {
    const manifest = recipe.build(arg, { ...flags, namespace: conn.namespace });
    const required = recipe.requires?.(arg, flags);
    if (required && mutation.dryRun !== "client") {
      await requireExisting(conn, kindByNoun(required.noun), [required.name]);
    }
    const kind = kindByNoun(recipe.noun);
    const awaits = recipe.awaits;
    const until = awaits && {
      verdict: (o: KubeObject | undefined) => waitVerdict(kind, awaits, o),
      why: (o: KubeObject) => whyNever(kind, awaits, o),
    };
    await createAll(
      conn,
      [{ kind, manifest, title: recipe.title(arg, manifest), until }],
      mutation,
      deps,
    );
    if (noun === "schedule") {
      const spec = manifest.spec as { schedule: string; timezone?: string };
      const runs = nextRuns(spec.schedule, spec.timezone ?? "UTC", deps.clock.now(), 3);
      await deps.io.err.write(
        `next runs (${spec.timezone ?? "UTC"}): ${runs.map((d) => d.toISOString()).join(", ")}\n`,
      );
    }
  } finally {
    conn.close();
  }
}
