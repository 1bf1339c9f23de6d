/**
 * The flags every writing command shares (`--dry-run`, and `--wait` with its company) and their
 * check, as a validation so a command names their problems together with its own.
 *
 * Light on purpose: command modules import it to build their spec and parse, so it must not pull
 * in the cluster client or the renderers.
 * @module
 */

import { parseDuration } from "../../core/duration.ts";
import {
  attempt,
  collect,
  invalid,
  mapValid,
  unless,
  valid,
  type Validation,
} from "../../core/validation.ts";
import { type FlagValues, switchFlag, valueFlag } from "../command_spec.ts";
import { checkGlobals, type GlobalFlags } from "../global_flags.ts";
import { parseOutputFormat } from "../output.ts";
import { parseProgressMode, type ProgressMode } from "../progress_mode.ts";
import type { OutputFormat } from "../../render/renderer.ts";
import type { Deps } from "../deps.ts";
import { watchIdleMs } from "./_watch_idle.ts";

/** `--dry-run[=client|server]`. */
export const DRY_RUN_FLAG = {
  long: "--dry-run",
  value: "optional",
  placeholder: "strategy",
  description: "client: print the manifest, send nothing; server: validate with dryRun=All",
} as const;

/** `--notify`, for every command that can wait. */
export const NOTIFY_FLAG = switchFlag(
  "--notify",
  "on a terminal, a desktop notification when the wait ends",
);

/** `--wait` and what tunes it. */
export const WAIT_FLAGS = [
  switchFlag("--wait", "wait until the operation finishes, showing progress on stderr"),
  valueFlag("--timeout", "duration", "with --wait: give up after this long (0 = check once)"),
  valueFlag("--progress", "mode", "auto|bar|lines|none (auto: a bar on a terminal, else lines)"),
  switchFlag("--show-progress", "same as --progress bar"),
  NOTIFY_FLAG,
] as const;

/** The flags of a command that writes and can wait. */
export const MUTATION_FLAGS = [DRY_RUN_FLAG, ...WAIT_FLAGS] as const;

/** Their values as the parser hands them over (a command that cannot wait has only `dryRun`). */
export type MutationFlagValues = Partial<FlagValues<typeof MUTATION_FLAGS>>;

/** Checked values of the shared flags. */
export interface MutationOptions {
  dryRun: "none" | "client" | "server";
  wait: boolean;
  timeoutMs: number;
  progress: ProgressMode;
  /** `--notify`: a desktop notification through the terminal when the wait ends. */
  notify: boolean;
  /** `-o`; undefined = the kubectl-style "x created" line. */
  output?: Exclude<OutputFormat, "table" | "wide">;
  /** `HYPERCTL_WATCH_IDLE_TIMEOUT` of the wait; set by {@link withWatchIdle}. */
  idleMs?: number;
}

/**
 * The options with the wait's watch idle bound read from the environment: called before
 * connecting, so a bad value exits 2 with nothing sent, and only when the command waits.
 */
export function withWatchIdle(m: MutationOptions, deps: Pick<Deps, "env">): MutationOptions {
  return m.wait ? { ...m, idleMs: watchIdleMs((name) => deps.env(name)) } : m;
}

/**
 * Check the shared flags of a writing command.
 *
 * @example
 * ```ts
 * import { equal, ok } from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { checkMutation } from "./mutation_flags.ts";
 * const v = checkMutation({ dryRun: true, wait: true, timeout: "x" }, {}, false, true);
 * ok(isLeft(v));
 * equal(v.left.length, 2); // --timeout "x" and --wait with --dry-run
 * ```
 */
export function checkMutation(
  flags: MutationFlagValues,
  globals: GlobalFlags,
  stderrIsTTY: boolean,
  waitable: boolean,
): Validation<MutationOptions> {
  const dryRun = flags.dryRun === undefined
    ? "none"
    : flags.dryRun === true
    ? "client"
    : flags.dryRun;
  const wait = flags.wait === true;
  const notWaiting = collect({
    waitable: unless(
      (wait || flags.timeout !== undefined) && !waitable,
      "--wait is not available for this command",
    ),
    dryRun: unless(wait && dryRun !== "none", "--wait cannot be used with --dry-run"),
    timeout: unless(flags.timeout !== undefined && !wait, "--timeout needs --wait"),
    notify: unless(flags.notify === true && !wait, "--notify needs --wait"),
  });
  const strategy: Validation<MutationOptions["dryRun"]> =
    dryRun === "none" || dryRun === "client" || dryRun === "server"
      ? valid(dryRun)
      : invalid(`--dry-run must be "client" or "server", got "${flags.dryRun}"`);
  const values = collect({
    dryRun: strategy,
    timeoutMs: attempt(() => flags.timeout === undefined ? 300_000 : parseDuration(flags.timeout)),
    progress: attempt(() => parseProgressMode(flags.progress, flags.showProgress, stderrIsTTY)),
    output: attempt(() =>
      globals.output === undefined
        ? undefined
        : parseOutputFormat(globals.output, ["json", "yaml", "name"]) as MutationOptions["output"]
    ),
    rules: notWaiting,
  });
  return mapValid(values, (v) => ({
    dryRun: v.dryRun,
    wait,
    timeoutMs: v.timeoutMs,
    progress: v.progress,
    notify: flags.notify === true,
    ...(v.output !== undefined && { output: v.output }),
  }));
}

/** The global flags and the shared flags of a writing command, checked. */
export interface WritingOptions {
  globals: GlobalFlags;
  mutation: MutationOptions;
}

/**
 * Check a writing command's line: the global flags, the shared flags and the command's `own`
 * checks, every problem in that order; valid, the command's options.
 */
export function checkWriting<X extends object>(
  flags: MutationFlagValues & GlobalFlags,
  stderrIsTTY: boolean,
  waitable: boolean,
  own: Validation<X>,
): Validation<WritingOptions & X> {
  const checked = collect({
    globals: checkGlobals(flags),
    mutation: checkMutation(flags, flags, stderrIsTTY, waitable),
    own,
  });
  return mapValid(checked, ({ globals, mutation, own }) => ({ globals, mutation, ...own }));
}
