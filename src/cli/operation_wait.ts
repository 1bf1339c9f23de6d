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
  concatMap,
  from,
  lastValueFrom,
  map,
  merge,
  type Observable,
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
import { object$ } from "../k8s/watch_object.ts";
import { createProgressBar } from "../render/progress_bar.ts";
import { createProgressLines } from "../render/progress_lines.ts";
import { terminalNotification } from "../render/notify.ts";
import type { ProgressRow } from "../render/progress_model.ts";
import { refFor } from "./commands/common.ts";
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
}

/** How one target ended. */
export interface WaitResult {
  target: WaitTarget;
  outcome: WaitOutcome | "timeout" | "interrupted";
  /** The last state seen (undefined: never seen, or deleted). */
  object: KubeObject | undefined;
  /** The object existed at some point during the wait. */
  seen: boolean;
}

interface Tracked {
  target: WaitTarget;
  object: KubeObject | undefined;
  outcome: WaitOutcome;
}

function follow$(api: KubeApi, target: WaitTarget, once: boolean): Observable<Tracked> {
  const states$ = object$(api, refFor(target.kind, target.namespace), target.name).pipe(
    map((object): Tracked => ({
      target,
      object,
      outcome: target.condition
        ? waitVerdict(target.kind, target.condition, object)
        : waitOutcome(target.kind, object),
    })),
  );
  return once
    ? states$.pipe(take(1))
    : states$.pipe(takeWhile((s) => s.outcome === "pending", true));
}

function rowOf(s: Tracked, elapsedMs: number): ProgressRow {
  const p = progressOf(s.target.kind, s.object);
  const done = s.outcome === "succeeded"
    ? "succeeded"
    : s.outcome === "failed"
    ? "failed"
    : undefined;
  return { title: s.target.title, ...p, elapsedMs, done };
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
  const each$ = targets.map((t, i) => follow$(api, t, once).pipe(map((s) => [i, s] as const)));
  await lastValueFrom(
    merge(...each$).pipe(
      // Checking once needs no time limit: each target stops after its first state.
      until(once ? undefined : options.timeoutMs, deps),
      concatMap(([i, s]) => {
        latest.set(i, s);
        if (s.object !== undefined) seen.add(i);
        return from(draw());
      }),
    ),
    { defaultValue: undefined },
  );
  if (options.progress === "bar") await deps.io.err.write(""); // final frame stays on screen
  const interrupted = deps.interruptedBy() !== undefined;
  return targets.map((target, i) => {
    const s = latest.get(i);
    const outcome = s?.outcome ?? "pending";
    return {
      target,
      object: s?.object,
      seen: seen.has(i),
      outcome: outcome !== "pending" ? outcome : interrupted ? "interrupted" : "timeout",
    };
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

/**
 * Turn results into the command's outcome: messages on stderr and the worst exit as an error
 * (failed 4 > deleted 1 > timeout 3; interrupted 130 wins over all, it was the user's choice).
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
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length > 0) {
    const why = failed.map(failure);
    throw new OperationFailedError(why.join("; "));
  }
  const gone = results.filter((r) => r.outcome === "gone");
  if (gone.length > 0) {
    throw new ObjectGoneError(
      gone.map((r) =>
        r.object === undefined && !r.seen
          ? `${r.target.kind.singular} "${r.target.name}" not found in namespace "${r.target.namespace}"`
          : `${r.target.kind.singular} "${r.target.name}" was deleted while waiting`
      ).join("; "),
    );
  }
  const late = results.filter((r) => r.outcome === "timeout");
  if (late.length > 0) {
    const limit = options.timeoutMs === 0
      ? "on the first check"
      : `after ${formatDuration(options.timeoutMs)}`;
    throw new WaitTimeoutError(
      `not finished ${limit}: ${
        late.map((r) => {
          const p = progressOf(r.target.kind, r.object);
          return `${r.target.name} (${p.phase ?? "no status yet"}${
            p.percent !== undefined ? `, ${p.percent}%` : ""
          })`;
        }).join(", ")
      }; resume with: ${late.map((r) => resumeHint(r.target, deps.programName)).join(" ; ")}`,
    );
  }
}

/** One line for a notification: how the wait ended, worst outcome first. */
function summary(results: readonly WaitResult[]): string {
  const order: WaitResult["outcome"][] = ["interrupted", "failed", "gone", "timeout", "succeeded"];
  const worst = order.find((o) => results.some((r) => r.outcome === o)) ?? "succeeded";
  const names = results.filter((r) => r.outcome === worst).map((r) => r.target.name);
  const words = {
    interrupted: "interrupted",
    failed: "failed",
    gone: "not found or deleted",
    timeout: "timed out",
    succeeded: "done",
    pending: "pending",
  };
  return `${words[worst]}: ${names.join(", ")}`;
}
