/**
 * `--wait` and `op wait`: watch each created object until it reaches a terminal state, showing
 * progress on stderr.
 *
 * Built on object$ (a watch with a field selector on the name that resumes and reconnects), so
 * completion is noticed as soon as the status changes — no polling — and the first check is the
 * initial list, i.e. immediate. Several targets are followed at once, one progress row each.
 * @module
 */

import type { ProgressMode } from "./progress_mode.ts";
import {
  catchError,
  concatMap,
  from,
  lastValueFrom,
  map,
  merge,
  type Observable,
  of,
  take,
  takeWhile,
} from "../rx.ts";
import { formatDuration } from "../core/duration.ts";
import type { KindInfo } from "../core/kinds.ts";
import { isWaitable, type WaitOutcome, waitOutcome } from "../core/phases.ts";
import { progressOf } from "../core/progress.ts";
import type { KubeObject } from "../core/types.ts";
import {
  conditionText,
  type WaitCondition,
  waitVerdict,
  whyNever,
} from "../core/wait_condition.ts";
import type { KubeApi } from "../k8s/api.ts";
import { object$, type ObjectWatchOptions } from "../k8s/watch_object.ts";
import { createProgressBar } from "../render/progress_bar.ts";
import { createProgressLines } from "../render/progress_lines.ts";
import { terminalNotification } from "../render/notify.ts";
import type { ProgressRow } from "../render/progress_model.ts";
import { refFor } from "./commands/common.ts";
import { REPEAT_MS, watchHealth } from "./commands/_watch_health.ts";
import { errorLine } from "./exit_code.ts";
import type { Deps } from "./deps.ts";
import { hintCommand } from "./program_name.ts";
import { until } from "./stream_tail.ts";
import {
  InterruptedError,
  ObjectGoneError,
  OperationFailedError,
  WaitTimeoutError,
} from "./outcomes.ts";

/** One object to wait for. */
export interface WaitTarget {
  kind: KindInfo;
  namespace: string;
  name: string;
  /** Row label, e.g. `web-1 migrate`. */
  title: string;
  /**
   * What to wait for (`hyperctl wait`'s `--for`); default: the kind's terminal phases (`op wait`,
   * `--wait` on a job), which only kinds with a `<noun> wait` command have.
   */
  condition?: WaitCondition;
}

/** Options of a wait. */
export interface WaitOptions {
  /** 0 = check once. @default 300000 (5m) */
  timeoutMs: number;
  progress: ProgressMode;
  /** `--notify`: ask the terminal for a desktop notification when the wait ends. @default false */
  notify?: boolean;
  /** `HYPERCTL_WATCH_IDLE_TIMEOUT`, read before connecting (watchIdleMs). @default 90 s */
  idleMs?: number;
}

/** How one target ended. */
export interface WaitResult {
  target: WaitTarget;
  outcome: WaitOutcome | "timeout" | "interrupted" | "error";
  /** The last state seen (undefined: never seen, or deleted). */
  object: KubeObject | undefined;
  /** The object existed at some point during the wait. */
  seen: boolean;
  /**
   * Outcome "error": why the wait could not tell — the cluster never answered within the time
   * limit (exit 1), was unreachable when it ended or the watch was lost (5), or refused (1).
   */
  error?: unknown;
}

interface Tracked {
  target: WaitTarget;
  object: KubeObject | undefined;
  outcome: WaitOutcome | "error";
  error?: unknown;
}

function follow$(
  api: KubeApi,
  target: WaitTarget,
  once: boolean,
  watch: ObjectWatchOptions,
): Observable<Tracked> {
  const states$ = object$(api, refFor(target.kind, target.namespace), target.name, watch).pipe(
    map((object): Tracked => ({
      target,
      object,
      outcome: target.condition
        ? waitVerdict(target.kind, target.condition, object)
        : waitOutcome(target.kind, object),
    })),
  );
  // A lost watch or a refusal ends this target only, so the others' outcomes are still told.
  return (once
    ? states$.pipe(take(1))
    : states$.pipe(takeWhile((s) => s.outcome === "pending", true)))
    .pipe(
      catchError((error) => of<Tracked>({ target, object: undefined, outcome: "error", error })),
    );
}

/**
 * Reconnect notices of several targets' watches, once: their watches fail together, and their
 * lines differ only in the request's query and the counts.
 */
function sharedWriter(deps: Deps): (line: string) => void {
  const said = new Map<string, number>();
  return (line) => {
    const gist = line.replace(/\?\S*/g, "").replace(/\d+/g, "#");
    const now = deps.clock.now();
    if (now - (said.get(gist) ?? -Infinity) < REPEAT_MS) return;
    said.set(gist, now);
    void deps.io.err.write(line).catch(() => {});
  };
}

function rowOf(s: Tracked, elapsedMs: number): ProgressRow {
  const p = progressOf(s.target.kind, s.object);
  const done = s.outcome === "succeeded"
    ? "succeeded"
    : s.outcome === "failed"
    ? "failed"
    : undefined;
  return { title: s.target.title, ...p, elapsedMs, done, absent: s.object === undefined };
}

/**
 * Wait for every target; resolves with one result per target, in order. Progress goes to stderr.
 * Ends early on SIGINT/SIGTERM (the operations keep running: this only detaches).
 */
export async function waitFor(
  api: KubeApi,
  targets: readonly WaitTarget[],
  options: WaitOptions,
  deps: Deps,
): Promise<WaitResult[]> {
  const started = deps.clock.now();
  const once = options.timeoutMs === 0;
  const latest = new Map<number, Tracked>();
  const seen = new Set<number>();
  const bar = createProgressBar({ width: deps.io.columns() });
  const lines = createProgressLines();
  const draw = (): Promise<unknown> => {
    const rows = targets.map((t, i) =>
      rowOf(
        latest.get(i) ?? { target: t, object: undefined, outcome: "pending" },
        deps.clock.now() - started,
      )
    );
    if (options.progress === "none") return Promise.resolve();
    const text = options.progress === "bar" ? bar.update(rows) : lines.update(rows);
    return text ? deps.io.err.write(text) : Promise.resolve();
  };
  const write = sharedWriter(deps);
  const health = targets.map(() => watchHealth(write, () => deps.clock.now(), api.server));
  const each$ = targets.map((t, i) =>
    follow$(api, t, once, { idleMs: options.idleMs, onNotice: health[i].onNotice }).pipe(
      map((s) => [i, s] as const),
    )
  );
  await lastValueFrom(
    merge(...each$).pipe(
      // Checking once needs no time limit: each target stops after its first state.
      until(once ? undefined : options.timeoutMs, deps),
      concatMap(([i, s]) => {
        // An error ends the watch, not the object: keep the last state read.
        latest.set(i, s.outcome === "error" ? { ...s, object: latest.get(i)?.object } : s);
        if (s.object !== undefined) seen.add(i);
        return from(draw());
      }),
    ),
    { defaultValue: undefined },
  );
  if (options.progress === "bar") await deps.io.err.write(""); // final frame stays on screen
  const interrupted = deps.interruptedBy() !== undefined;
  const limit = once ? "the first check" : `--timeout ${formatDuration(options.timeoutMs)}`;
  return targets.map((target, i): WaitResult => {
    const s = latest.get(i);
    const result = { target, object: s?.object, seen: seen.has(i) };
    if (s?.outcome === "error") return { ...result, outcome: "error", error: s.error };
    if (s !== undefined && s.outcome !== "pending") return { ...result, outcome: s.outcome };
    if (interrupted) return { ...result, outcome: "interrupted" };
    // Out of time: only a timeout if the cluster answered and still does (as a watch's --for).
    const error = health[i].problem(limit);
    return error ? { ...result, outcome: "error", error } : { ...result, outcome: "timeout" };
  });
}

/**
 * The resume hint printed after a timeout or Ctrl+C, under the name the program was run as: a
 * `hyperctl wait` line for a condition, else `<noun> wait`, which only waitable kinds have.
 */
export function resumeHint(t: WaitTarget, program?: string): string {
  if (t.condition === undefined && isWaitable(t.kind)) {
    return hintCommand(program, `${t.kind.noun} wait ${t.name} -n ${t.namespace}`);
  }
  if (t.condition === undefined) throw new Error(`no wait command for ${t.kind.kind}`);
  const cond = conditionText(t.condition);
  const quoted = /^[\w=.,/-]+$/.test(cond) ? cond : `'${cond.replaceAll("'", `'\\''`)}'`;
  return hintCommand(
    program,
    `wait ${t.kind.noun}/${t.name} --for ${quoted} -n ${t.namespace}`,
  );
}

/** Why a "failed" target's wanted state cannot come. */
function failure(r: WaitResult): string {
  const { kind, name, condition } = r.target;
  const reason = r.object && condition && whyNever(kind, condition, r.object);
  if (reason) return `${kind.singular} ${name}: ${reason}; waited for ${conditionText(condition!)}`;
  const p = progressOf(kind, r.object);
  return `${kind.singular} ${name} ${p.phase ?? "failed"}${p.message ? `: ${p.message}` : ""}`;
}

/** Worst first: what is known to be bad, then what could not be told, then "not yet". */
function rank(err: Error): number {
  if (err instanceof OperationFailedError) return 0;
  if (err instanceof ObjectGoneError) return 1;
  if (err instanceof WaitTimeoutError) return 3;
  return 2; // the cluster: never answered, lost, refused
}

/** The error one target ended with, or undefined when it succeeded (or was interrupted). */
function problemOf(r: WaitResult, options: WaitOptions, program?: string): Error | undefined {
  const { kind, name, namespace } = r.target;
  switch (r.outcome) {
    case "failed":
      return new OperationFailedError(failure(r));
    case "gone":
      return new ObjectGoneError(
        r.object === undefined && !r.seen
          ? `${kind.singular} "${name}" not found in namespace "${namespace}"`
          : `${kind.singular} "${name}" was deleted while waiting`,
      );
    case "error":
      return r.error instanceof Error ? r.error : new Error(String(r.error));
    case "timeout": {
      const limit = options.timeoutMs === 0
        ? "on the first check"
        : `after ${formatDuration(options.timeoutMs)}`;
      const p = progressOf(kind, r.object);
      const state = r.object === undefined
        ? "does not exist"
        : `${p.phase ?? "no status yet"}${p.percent !== undefined ? `, ${p.percent}%` : ""}`;
      return new WaitTimeoutError(
        `not finished ${limit}: ${name} (${state}); resume with: ${resumeHint(r.target, program)}`,
      );
    }
    default:
      return undefined;
  }
}

/**
 * Turn results into the command's outcome: one `error:` line on stderr per target that did not
 * succeed, and the worst as the thrown error, printed last (failed 4 > missing or deleted 1 >
 * cluster unreachable 1 or lost 5 > timeout 3; interrupted 130 wins over all, it was the user's
 * choice).
 */
export async function concludeWait(
  results: readonly WaitResult[],
  options: WaitOptions,
  deps: Deps,
): Promise<void> {
  if (options.notify && deps.io.stderrIsTTY) {
    await deps.io.err.write(terminalNotification("hyperctl", summary(results), deps.env));
  }
  const interrupted = results.filter((r) => r.outcome === "interrupted");
  // Problems and resume hints name the program as it was run.
  if (interrupted.length > 0 || results.some((r) => r.outcome !== "succeeded")) {
    await deps.settleProgramName?.();
  }
  const problems = results.flatMap((r) => problemOf(r, options, deps.programName) ?? []);
  const worst = interrupted.length > 0
    ? undefined
    : problems.reduce<Error | undefined>((w, p) => (w && rank(w) <= rank(p) ? w : p), undefined);
  // Targets on one unreachable cluster fail alike: each line once, the worst's last.
  const lines = new Set(problems.map((p) => errorLine(p, deps.programName)));
  if (worst) lines.delete(errorLine(worst, deps.programName));
  for (const line of lines) await deps.io.err.write(`${line}\n`);
  if (interrupted.length > 0) {
    const what = interrupted.every((r) => r.target.condition !== undefined)
      ? "stopped waiting"
      : "detached; the operation keeps running";
    await deps.io.err.write(
      `${what}. Resume with:\n${
        interrupted.map((r) => `  ${resumeHint(r.target, deps.programName)}\n`).join("")
      }`,
    );
    throw new InterruptedError(deps.interruptedBy() ?? "SIGINT");
  }
  if (worst) throw worst;
}

/** One line for a notification: how the wait ended, worst outcome first. */
function summary(results: readonly WaitResult[]): string {
  const order: WaitResult["outcome"][] = [
    "interrupted",
    "failed",
    "gone",
    "error",
    "timeout",
    "succeeded",
  ];
  const worst = order.find((o) => results.some((r) => r.outcome === o)) ?? "succeeded";
  const names = results.filter((r) => r.outcome === worst).map((r) => r.target.name);
  const words = {
    interrupted: "interrupted",
    failed: "failed",
    gone: "not found or deleted",
    error: "cluster unreachable",
    timeout: "timed out",
    succeeded: "done",
    pending: "pending",
  };
  return `${words[worst]}: ${names.join(", ")}`;
}
