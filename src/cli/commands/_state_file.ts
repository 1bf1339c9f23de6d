/**
 * `--state-file`: load a watch checkpoint, hold a lock against a concurrent run, and save the
 * checkpoint atomically when the run ends.
 *
 * A damaged file is refused before anything is sent and left as it is; the saved file is created
 * 0600 (it holds whole objects), and an existing file keeps its mode.
 * @module
 */

import {
  type Checkpoint,
  type CheckpointQuery,
  checkSameCluster,
  parseCheckpoint,
  serializeCheckpoint,
} from "../../core/checkpoint.ts";
import type { WatchResume } from "../../core/watch_state.ts";
import { writeFileAtomic } from "../atomic_file.ts";
import { InputError } from "../outcomes.ts";
import { errorLine } from "../exit_code.ts";

/** An open state file: the checkpoint to resume from, and how to save and release. */
export interface StateFile {
  /** The saved checkpoint, undefined on a first run. */
  readonly checkpoint: Checkpoint | undefined;
  /**
   * Refuse the checkpoint if it was saved on another cluster (CheckpointClusterError, exit 6);
   * `clusterId` is remembered for the next save.
   */
  checkCluster(clusterId: string | undefined): void;
  /** Where to resume; undefined on a first run. */
  resume(): WatchResume | undefined;
  save(read: () => WatchResume | undefined, nowMs: number): Promise<void>;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    Deno.kill(pid, "SIGCONT" as Deno.Signal);
    return true;
  } catch (e) {
    return !(e instanceof Deno.errors.NotFound) &&
      !String((e as Error).message).includes("ESRCH");
  }
}

async function lock(path: string): Promise<void> {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // createNew is O_EXCL: it neither follows nor replaces a symlink planted at the lock's name.
      await Deno.writeTextFile(lockPath, `${Deno.pid}\n`, { createNew: true, mode: 0o600 });
      return;
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) {
        throw new InputError(`cannot use state file "${path}": ${(e as Error).message}`);
      }
      const holder = Number((await Deno.readTextFile(lockPath).catch(() => "")).trim());
      if (holder > 0 && alive(holder)) {
        // Overlapping runs are the job's own doing, not the cluster's: exit 2, nothing was sent.
        throw new InputError(
          `state file "${path}" is in use by another hyperctl run (pid ${holder}); ` +
            `if that is wrong, remove ${lockPath}`,
        );
      }
      await Deno.remove(lockPath).catch(() => {}); // a crashed run left it behind
    }
  }
  // Another run took the lock between our removing a stale one and retaking it.
  throw new InputError(`cannot lock state file "${path}": another hyperctl run took it`);
}

async function readCheckpoint(path: string, query: CheckpointQuery) {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw new InputError(`cannot read state file "${path}": ${(e as Error).message}`);
  }
  return parseCheckpoint(text, query, path);
}

/** Open (and lock) the state file for `query`. A missing file means a first run. */
export async function openStateFile(path: string, query: CheckpointQuery): Promise<StateFile> {
  await lock(path);
  const release = () => Deno.remove(`${path}.lock`).catch(() => {});
  let checkpoint: Checkpoint | undefined;
  try {
    checkpoint = await readCheckpoint(path, query);
  } catch (e) {
    await release();
    throw e;
  }
  let clusterId = checkpoint?.clusterId;
  return {
    checkpoint,
    checkCluster(id) {
      if (checkpoint !== undefined) checkSameCluster(checkpoint, id, path);
      clusterId = id ?? clusterId;
    },
    resume: () =>
      checkpoint && { resourceVersion: checkpoint.resourceVersion, objects: checkpoint.objects },
    async save(read, nowMs) {
      const cp = read();
      if (cp === undefined) return;
      await writeFileAtomic(
        path,
        serializeCheckpoint(query, { ...cp, clusterId }, { savedAtMs: nowMs }),
        { what: "state file", mode: 0o600 },
      );
    },
    release,
  };
}

/** How a slice that holds a state file ends: what to save, the clock, where a line goes. */
export interface SliceEnd {
  /** The checkpoint to save; undefined keeps the file as it is. */
  read(): WatchResume | undefined;
  nowMs(): number;
  /** Writes one line to stderr. */
  report(line: string): Promise<unknown>;
}

/**
 * Run `slice` holding `state`, then save and release the lock however it ended.
 *
 * Why one place for both failures: the slice's own outcome decides the exit code (a lost watch
 * stays 5, Ctrl+C 130), and a save that fails as well gets its own line before that error; a
 * failed save alone is the run's error. Either way the file keeps its previous checkpoint, which
 * the next run resumes from.
 */
export async function endingSlice(
  state: StateFile,
  slice: () => Promise<void>,
  end: SliceEnd,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  try {
    await slice();
  } catch (error) {
    failure = { error };
  }
  try {
    await state.save(() => end.read(), end.nowMs());
  } catch (error) {
    if (failure === undefined) failure = { error };
    else await end.report(`${errorLine(error)}\n`).catch(() => {});
  } finally {
    await state.release();
  }
  if (failure) throw failure.error;
}
