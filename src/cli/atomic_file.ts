/**
 * Write a file so that no reader sees half of it and no planted symlink redirects it.
 *
 * The temporary file gets an unpredictable name in the target's directory and is created
 * exclusively (O_CREAT|O_EXCL, which also refuses to follow a symlink at that name), written,
 * flushed to disk and renamed over the target. A predictable `<file>.tmp-<pid>` in a shared
 * directory such as /tmp would let another user plant a symlink there and have us overwrite its
 * target. Renaming replaces a symlink at the target itself, never the file it points to.
 * @module
 */

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Mode of a new file; an existing regular file keeps its own. @default 0o600 */
  mode?: number;
  /** Keep an existing file's mode; false forces `mode` (a file holding credentials). @default true */
  keepMode?: boolean;
  /** How messages name the file, e.g. `state file`. @default "file" */
  what?: string;
}

/** Writing failed; the message names the file and the reason. */
export class FileWriteError extends Error {
  override name = "FileWriteError";
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    const info = await Deno.lstat(path);
    return info.isFile && info.mode !== null ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : path.slice(0, i);
}

/**
 * Replace `path` with `text` atomically.
 *
 * @param path the file to write
 * @param text its new contents
 * @param options mode of a new file, and the name messages use
 * @throws FileWriteError naming the path when any step fails; the target is then untouched
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const kept = options.keepMode === false ? undefined : await existingMode(path);
  const mode = kept ?? options.mode ?? 0o600;
  const dir = dirOf(path);
  const base = path.slice(path.lastIndexOf("/") + 1);
  const tmp = `${dir}/.${base}.${crypto.randomUUID()}.tmp`;
  let created = false;
  try {
    const file = await Deno.open(tmp, { write: true, createNew: true, mode });
    created = true;
    try {
      const bytes = new TextEncoder().encode(text);
      for (let done = 0; done < bytes.length;) done += await file.write(bytes.subarray(done));
      await file.syncData();
    } finally {
      file.close();
    }
    // The umask may have narrowed the mode at creation; an existing file's mode is kept exactly.
    await Deno.chmod(tmp, mode);
    await Deno.rename(tmp, path);
  } catch (e) {
    if (created) await Deno.remove(tmp).catch(() => {});
    throw new FileWriteError(
      `cannot write ${options.what ?? "file"} "${path}": ${(e as Error).message}`,
      { cause: e },
    );
  }
}
