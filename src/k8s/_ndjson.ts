/**
 * Incremental decoding of a watch body: newline-delimited JSON, one event per line.
 *
 * Chunks are split wherever the network splits them (mid-line, mid-UTF-8 character), so bytes
 * are decoded with a streaming TextDecoder and only complete lines are parsed; nothing buffers
 * the whole body, which on a watch never ends.
 * @module
 */

/** A line that is not JSON; the caller turns it into a typed transport error. */
export class NdjsonSyntaxError extends SyntaxError {
  override name = "NdjsonSyntaxError";
}

/** Yields each JSON value of an NDJSON byte stream; blank lines are skipped. */
export async function* decodeNdjson(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<unknown, void, undefined> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of chunks) {
    buffered += decoder.decode(chunk, { stream: true });
    // Scan with an index so a chunk holding many events is not re-copied once per line.
    let start = 0;
    let nl: number;
    while ((nl = buffered.indexOf("\n", start)) >= 0) {
      const value = parseLine(buffered.slice(start, nl));
      start = nl + 1;
      if (value !== undefined) yield value;
    }
    buffered = buffered.slice(start);
  }
  buffered += decoder.decode();
  const last = parseLine(buffered);
  if (last !== undefined) yield last;
}

function parseLine(line: string): unknown {
  const trimmed = line.trim();
  if (trimmed === "") return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    const shown = trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed;
    throw new NdjsonSyntaxError(`cannot decode watch event: not JSON: ${shown}`);
  }
}
