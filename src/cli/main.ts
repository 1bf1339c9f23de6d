/**
 * `run(argv)`: parse the command line, run one command, and turn its outcome into an exit code.
 *
 * Errors become one `error: …` line on stderr (a stack trace only with -v); see exit_code.ts.
 * @module
 */

import type { Deps } from "./deps.ts";
import { errorLine, exitCodeOf } from "./exit_code.ts";

/** Plural nouns that mean "list" on their own, like `kubectl get vms`: `hyperctl vms`. */
const LIST_SHORTCUTS = new Set([
  "vms",
  "ops",
  "vmops",
  "snapshots",
  "templates",
  "backups",
  "restores",
  "schedules",
]);

const VERBS = new Set(["list", "ls", "get", "-h", "--help", "help"]);

/** Rewrite `hyperctl vms …` to `hyperctl vms list …` so the plural works as a listing. */
export function expandShortcuts(
  argv: readonly string[],
  valueFlags: ReadonlySet<string>,
): string[] {
  // Skip global flags and their values (`-n prod`): the first other word is the noun.
  let i = 0;
  while (i < argv.length && argv[i].startsWith("-")) i += valueFlags.has(argv[i]) ? 2 : 1;
  if (i < argv.length && LIST_SHORTCUTS.has(argv[i]) && !VERBS.has(argv[i + 1] ?? "")) {
    return [...argv.slice(0, i + 1), "list", ...argv.slice(i + 1)];
  }
  return [...argv];
}

function wantsVerbose(argv: readonly string[]): boolean {
  return argv.includes("-v") || argv.includes("--verbose");
}

/** Errors already explained on screen: help shown for a missing verb, a quiet interrupt. */
function isSilent(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if ((err as { code?: string }).code === "commander.help") return true;
  return err.name === "InterruptedError" && !err.message;
}

/** Run hyperctl with `argv`; resolves to the process exit code. */
export async function run(argv: readonly string[], deps?: Deps): Promise<number> {
  const d = deps ?? (await import("./real_deps.ts")).realDeps();
  try {
    if (argv[0] === "__complete") {
      // Called by the completion scripts; before commander, since the words contain flags.
      const { runCompleteCommand } = await import("./completion/mod.ts");
      await runCompleteCommand(argv.slice(1), {}, d);
      return 0;
    }
    let args = [...argv];
    if (args[0] === "k8s") {
      // HyperSDK's `hyperctl k8s -op …` command line, translated by a pure function (SPEC §3.4).
      const { translateK8sArgs } = await import("./compat/mod.ts");
      const translated = translateK8sArgs(args.slice(1));
      if ("help" in translated) {
        await d.io.out.write(translated.help);
        return 0;
      }
      args = translated.argv;
    }
    const { buildProgram, valueFlagsOf } = await import("./program.ts");
    const program = buildProgram(d);
    await program.parseAsync(expandShortcuts(args, valueFlagsOf(program)), { from: "user" });
    return d.exitCode;
  } catch (err) {
    const code = exitCodeOf(err);
    if (code !== 0 && !isSilent(err)) {
      await d.io.err.write(`${errorLine(err)}\n`);
      if (wantsVerbose(argv) && err instanceof Error && err.stack) {
        await d.io.err.write(`${err.stack}\n`);
      }
    }
    return code;
  }
}
