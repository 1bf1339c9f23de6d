/**
 * The README's samples: each `$ hyperctl …` line of a console block and the output shown under
 * it. The README test runs them against the embedded cluster and `deno task readme` writes their
 * real output back, so the examples cannot drift from what hyperctl prints.
 *
 * A sample that should fail says so with a trailing `# exit N`; the others must exit 0.
 * @module
 */

import { parse } from "shell-quote";

/** One sample. */
export interface Sample {
  /** The command line as written, without "$ ". */
  line: string;
  /** hyperctl's arguments (the words after `hyperctl`). */
  args: string[];
  /** The exit code the sample states (`# exit 2`); 0 when it states none. */
  exitCode: number;
  /** The output shown, without the trailing newline. */
  output: string;
  /** Where the output lines are in the README: [start, end) offsets. */
  span: [number, number];
}

/** Words of a command line, as sh would split them, and its trailing `# comment`. */
function words(line: string): { words: string[]; comment?: string } {
  const out: string[] = [];
  let comment: string | undefined;
  for (const token of parse(line)) {
    if (typeof token === "string") out.push(token);
    else if ("comment" in token) comment = token.comment;
    else throw new SyntaxError(`README sample "${line}" uses shell syntax beyond words`);
  }
  return { words: out, comment };
}

/** The exit code a sample states with `# exit N`; 0 without a comment. */
function statedExit(line: string, comment: string | undefined): number {
  if (comment === undefined) return 0;
  const m = /^\s*exit (\d+)\s*$/.exec(comment);
  if (!m) throw new SyntaxError(`README sample "${line}": a comment must read "# exit N"`);
  return Number(m[1]);
}

/**
 * The samples of `markdown`, in document order.
 *
 * @throws SyntaxError for a `$` line in a console block that does not run hyperctl
 */
export function readmeSamples(markdown: string): Sample[] {
  const samples: Sample[] = [];
  for (const block of markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let offset = block.index! + "```console\n".length;
    const lines = block[1].split("\n").slice(0, -1);
    let current: { line: string; args: string[]; exitCode: number; start: number } | undefined;
    let out: string[] = [];
    const finish = () => {
      if (!current) return;
      while (out.length && out.at(-1) === "") out.pop();
      const text = out.join("\n");
      samples.push({
        line: current.line,
        args: current.args,
        exitCode: current.exitCode,
        output: text,
        span: [current.start, current.start + (text ? text.length + 1 : 0)],
      });
    };
    for (const line of lines) {
      if (line.startsWith("$ ")) {
        finish();
        const parsed = words(line.slice(2));
        if (parsed.words[0] !== "hyperctl") {
          throw new SyntaxError(`README sample "${line}" does not run hyperctl`);
        }
        current = {
          line: line.slice(2),
          args: parsed.words.slice(1),
          exitCode: statedExit(line, parsed.comment),
          start: offset + line.length + 1,
        };
        out = [];
      } else out.push(line);
      offset += line.length + 1;
    }
    finish();
  }
  return samples;
}

/** `markdown` with each sample's output replaced by `outputs[i]`. */
export function withOutputs(
  markdown: string,
  samples: readonly Sample[],
  outputs: string[],
): string {
  let text = markdown;
  // From the last sample back, so earlier spans stay valid.
  for (let i = samples.length - 1; i >= 0; i--) {
    const [start, end] = samples[i].span;
    const body = outputs[i].replace(/\s+$/, "");
    text = text.slice(0, start) + (body ? `${body}\n` : "") + text.slice(end);
  }
  return text;
}

/**
 * An output as the comparison sees it: ages, elapsed times, IP addresses and the random suffixes
 * of generated names replaced, runs of blanks made one. These differ on every run.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { normalizeOutput } from "./samples.ts";
 * equal(normalizeOutput("db-006   Running   10.244.2.50   14m"), "db-006 Running <ip> <age>");
 * ```
 */
export function normalizeOutput(output: string): string {
  return output.split("\n").map((line) =>
    line
      .replace(/\b\d{1,3}(\.\d{1,3}){3}\b/g, "<ip>")
      .replace(/\[\d+(\.\d+)?m?s\]/g, "[<elapsed>]")
      .replace(/(?<=\s|^)(\d+[smhdy]){1,2}(?=\s|$)/g, "<age>")
      // generateName's suffix: 5 of Kubernetes' consonants and digits
      .replace(/(?<=[a-z0-9]-)[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, "<id>")
      .replace(/\s+/g, " ")
      .trimEnd()
  ).join("\n");
}

/**
 * The flags the README starts the embedded cluster with: the words after `hyperctl sim` on its
 * first such line (in any block).
 */
export function readmeSimFlags(markdown: string): string[] {
  const line = /^(?:\$ )?hyperctl sim( .*)?$/m.exec(markdown);
  if (!line) throw new SyntaxError("the README never starts `hyperctl sim`");
  return words(line[0].replace(/^\$ /, "")).words.slice(2);
}
