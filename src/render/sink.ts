/**
 * The only writer: every byte hyperctl prints goes through a sink.
 *
 * Each `write` is written fully before it resolves (Deno's stdout is unbuffered, so that is a
 * flush per write; a watch writes each event, or the events that queued up behind the last write,
 * as soon as it can, like kubectl flushing per watch event). When the reader goes away
 * (`hyperctl … | head -1`), the write fails with EPIPE; the sink then reports itself closed and
 * swallows further writes, so the command can stop and exit 0 without a stack trace
 * (as gh's `iostreams` does). This is the one file in src/render that touches Deno.
 * @module
 */

/** Anything with Deno's `Writer` shape (Deno.stdout, a file, a test buffer). */
export interface WritableLike {
  write(p: Uint8Array): Promise<number>;
}

/** A text output that never throws on a closed reader. */
export interface Sink {
  /**
   * Write the whole text; resolves true when written, false when the reader is gone.
   * Writes are serialised in call order, so concurrent callers never interleave bytes.
   */
  write(text: string): Promise<boolean>;
  /** True once the reader has gone (EPIPE); later writes are dropped. */
  readonly closed: boolean;
}

/**
 * True for the errors a closed pipe or socket produces: Deno's `BrokenPipe`, and Node-style
 * `EPIPE`/`ECONNRESET` codes from npm streams.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(isBrokenPipe(new Deno.errors.BrokenPipe("x")), true);
 * equal(isBrokenPipe(new Error("disk full")), false);
 * ```
 */
export function isBrokenPipe(error: unknown): boolean {
  if (error instanceof Deno.errors.BrokenPipe) return true;
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "EPIPE" || code === "ECONNRESET";
}

/** Writing to stdout or stderr failed for another reason than a closed reader (disk full). */
export class OutputWriteError extends Error {
  override name = "OutputWriteError";
}

const encoder = new TextEncoder();

/**
 * Create a sink over a writer. Errors other than a broken pipe (disk full, bad descriptor) are
 * real failures and are rethrown for the CLI's error handler; with `name`, as an
 * `OutputWriteError` that says what was being written (the OS's own text names no file).
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const chunks: Uint8Array[] = [];
 * const sink = createSink({ write: (p) => (chunks.push(p), Promise.resolve(p.length)) });
 * equal(await sink.write("hi\n"), true);
 * equal(new TextDecoder().decode(chunks[0]), "hi\n");
 * ```
 */
export function createSink(stream: WritableLike, name?: string): Sink {
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const writeAll = async (bytes: Uint8Array): Promise<boolean> => {
    if (closed) return false;
    try {
      let offset = 0;
      // A writer may accept fewer bytes than offered (pipes, sockets); loop until all are out.
      while (offset < bytes.length) offset += await stream.write(bytes.subarray(offset));
      return true;
    } catch (error) {
      if (!isBrokenPipe(error)) {
        if (name === undefined) throw error;
        throw new OutputWriteError(`cannot write to ${name}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      closed = true;
      return false;
    }
  };

  return {
    get closed() {
      return closed;
    },
    write(text) {
      if (text === "") return Promise.resolve(!closed);
      const result = queue.then(() => writeAll(encoder.encode(text)));
      queue = result.catch(() => {});
      return result;
    },
  };
}

/** A sink over the process's stdout (data only). */
export function stdoutSink(): Sink {
  return createSink(Deno.stdout, "stdout");
}

/** A sink over the process's stderr (messages, progress, prompts). */
export function stderrSink(): Sink {
  return createSink(Deno.stderr, "stderr");
}

/**
 * An in-memory sink for command tests: collects text, optionally pretends the reader closed
 * after some writes.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const mem = memorySink();
 * await mem.sink.write("a\n");
 * equal(mem.text(), "a\n");
 * ```
 */
export function memorySink(options: { closeAfterWrites?: number } = {}): {
  sink: Sink;
  text(): string;
} {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  let writes = 0;
  const sink = createSink({
    write(p) {
      if (options.closeAfterWrites !== undefined && writes >= options.closeAfterWrites) {
        return Promise.reject(new Deno.errors.BrokenPipe("reader closed"));
      }
      writes++;
      chunks.push(decoder.decode(p));
      return Promise.resolve(p.length);
    },
  });
  return { sink, text: () => chunks.join("") };
}
