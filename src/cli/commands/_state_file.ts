/**
 * `--state-file`: load a watch checkpoint, hold a lock against a concurrent run, and save the
 * checkpoint atomically (temp file + rename) when the run ends.
 * @module
 */

import {
  type CheckpointQuery,
  parseCheckpoint,
  serializeCheckpoint,
} from "../../core/checkpoint.ts";
import type { WatchResume } from "../../core/watch_state.ts";

/** An open state file: the checkpoint to resume from, and how to save and release. */
export interface StateFile {
  resume: WatchResume | undefined;
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
      await Deno.writeTextFile(lockPath, `${Deno.pid}\n`, { createNew: true });
      return;
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
      const holder = Number((await Deno.readTextFile(lockPath).catch(() => "")).trim());
      if (holder > 0 && alive(holder)) {
        throw new Error(
          `state file "${path}" is in use by another hyperctl run (pid ${holder}); ` +
            `if that is wrong, remove ${lockPath}`,
        );
      }
      await Deno.remove(lockPath).catch(() => {}); // a crashed run left it behind
    }
  }
  throw new Error(`cannot lock state file "${path}"`);
}

/** Open (and lock) the state file for `query`. A missing file means a first run. */
export async function openStateFile(path: string, query: CheckpointQuery): Promise<StateFile> {
  await lock(path);
  let resume: WatchResume | undefined;
  try {
    const text = await Deno.readTextFile(path).catch((e) => {
      if (e instanceof Deno.errors.NotFound) return undefined;
      throw e;
    });
    if (text !== undefined) {
      const cp = parseCheckpoint(text, query, path);
      resume = { resourceVersion: cp.resourceVersion, objects: cp.objects };
    }
  } catch (e) {
    await Deno.remove(`${path}.lock`).catch(() => {});
    throw e;
  }
  return {
    resume,
    async save(read, nowMs) {
      const cp = read();
      if (cp === undefined) return;
      const tmp = `${path}.tmp-${Deno.pid}`;
      await Deno.writeTextFile(
        tmp,
        serializeCheckpoint(query, cp.resourceVersion, cp.objects, nowMs),
      );
      await Deno.rename(tmp, path);
    },
    release: () => Deno.remove(`${path}.lock`).catch(() => {}),
  };
}
