/**
 * `run(argv)`: parse the command line, run one command, and turn its outcome into an exit code.
 *
 * Errors become one `error: …` line on stderr (a stack trace only with -v); see exit_code.ts.
 * @module
 */

import type { Deps } from "./deps.ts";
import { errorLine, ExitCode, exitCodeOf } from "./exit_code.ts";
import { InputError, InterruptedError } from "./outcomes.ts";

function wantsVerbose(argv: readonly string[]): boolean {
  return argv.includes("-v") || argv.includes("--verbose");
}

/** Errors already explained on screen: a quiet interrupt. */
function isSilent(err: unknown): boolean {
  return err instanceof InterruptedError && !err.message;
}

/** Run hyperctl with `argv`; resolves to the process exit code. */
export async function run(argv: readonly string[], deps?: Deps): Promise<number> {
  const d = deps ?? (await import("./real_deps.ts")).realDeps();
  try {
    if (argv[0] === "__complete") {
      // Called by the completion scripts; before parsing, since the words contain flags.
      const [{ runCompleteCommand }, { commandTree }] = await Promise.all([
        import("./completion/mod.ts"),
        import("./program.ts"),
      ]);
      await runCompleteCommand(argv.slice(1), {}, commandTree(d), d);
      return 0;
    }
    let args = [...argv];
    // HyperSDK's `hyperctl k8s -op …` command line, translated by a pure function; hyperctl's
    // global flags may stand before `k8s` as before any command.
    const k8s = argv.includes("k8s") ? (await import("./compat/mod.ts")).k8sLine(argv) : undefined;
    if (k8s) {
      const { translateK8sArgs } = await import("./compat/mod.ts");
      const translated = translateK8sArgs(k8s.k8s);
      if ("help" in translated) {
        await d.io.out.write(translated.help);
        return 0;
      }
      args = [...translated.argv, ...k8s.globals];
    }
    const [{ commandTree }, { checkProblems, parseCommandLine }] = await Promise.all([
      import("./program.ts"),
      import("./parse/mod.ts"),
    ]);
    let line = await parseCommandLine(commandTree(d), args);
    if ((line.kind === "help" || line.kind === "usage") && d.settleProgramName) {
      // Help and usage name the program: as `kubectl hyperctl` when run as the plugin.
      await d.settleProgramName();
      line = await parseCommandLine(commandTree(d), args);
    }
    switch (line.kind) {
      case "version": {
        const { VERSION } = await import("./version.ts");
        await d.io.out.write(`hyperctl ${VERSION}\n`);
        return 0;
      }
      case "help":
        await d.io.out.write(line.text);
        return 0;
      case "usage":
        await d.io.err.write(line.text);
        return ExitCode.usage;
    }
    let flags = line.invocation.flags;
    // Defaults and presets from ~/.config/hyperctl/config.yaml; the command line wins.
    const [{ CONFIG_FREE_VERBS, loadConfig, withConfig }, { kindByName }] = await Promise.all([
      import("./config/with_config.ts"),
      import("../core/kinds.ts"),
    ]);
    if (!CONFIG_FREE_VERBS.has(line.leaf.name)) {
      const config = await loadConfig((n) => d.env(n));
      const place = { verb: line.leaf.name, noun: kindByName(line.path[0] ?? "")?.noun };
      try {
        flags = withConfig(config, place, flags, line.given);
      } catch (e) {
        // An unknown preset is named with the line's other problems, in one message.
        if (!(e instanceof InputError)) throw e;
        const more = checkProblems(line.leaf, line.invocation);
        throw new InputError([e.message, ...more].join("; "));
      }
    }
    await line.leaf.run!({ ...line.invocation, flags });
    return d.exitCode;
  } catch (err) {
    const code = exitCodeOf(err);
    if (code !== 0 && !isSilent(err)) {
      await d.settleProgramName?.();
      // A stderr that cannot be written any more must not take the decision from the table.
      const say = (text: string) => d.io.err.write(text).catch(() => false);
      await say(`${errorLine(err, d.programName)}\n`);
      if (wantsVerbose(argv) && err instanceof Error && err.stack) await say(`${err.stack}\n`);
    }
    return code;
  }
}
