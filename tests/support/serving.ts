/**
 * A hyperctl process that serves until interrupted (`vm vnc --proxy-only`, `--web`): start it,
 * read the first line it prints, then stop it with a signal and collect what it said.
 * @module
 */

import { type CliOptions, type CliResult, hyperctlCommand } from "./cli.ts";

/** A serving hyperctl process. */
export interface Serving {
  /** The first line on stdout (the address or URL), or the whole result if it exited first. */
  firstLine: Promise<string | CliResult>;
  /** Send `signal` (default SIGINT, as Ctrl+C) and wait for the exit. */
  stop(signal?: Deno.Signal): Promise<CliResult>;
}

/** Start `hyperctl ...args` with stdout and stderr captured. */
export function serveHyperctl(args: string[], options: CliOptions = {}): Serving {
  const command = hyperctlCommand(args, options);
  const child = new Deno.Command(command.cmd, {
    args: command.args,
    env: command.env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let stdout = "";
  let stderr = "";
  const line = Promise.withResolvers<string>();
  const reading = Promise.all([
    (async () => {
      for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
        stdout += chunk;
        if (stdout.includes("\n")) line.resolve(stdout.slice(0, stdout.indexOf("\n")));
      }
    })(),
    (async () => {
      for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
    })(),
  ]);
  const result = (async (): Promise<CliResult> => {
    const status = await child.status;
    await reading;
    return { code: status.code, stdout, stderr };
  })();
  return {
    firstLine: Promise.race([line.promise, result]),
    async stop(signal: Deno.Signal = "SIGINT") {
      try {
        child.kill(signal);
      } catch { /* already exited */ }
      return await result;
    },
  };
}
