/**
 * The watch protocol as one pure state machine.
 *
 * Modelled on kube-rs `watcher::State` + `step`: the machine is either `listing` (the initial list,
 * or a relist after 410 Gone) or `watching` from a resourceVersion. The Rx shell in
 * `src/k8s/watch.ts` performs the action `actionOf(state)` names, feeds what comes back into
 * `step`, emits the returned events and obeys `next`. Everything about resume, relist and view
 * semantics is decided here, so it is tested without a server or a clock.
 * @module
 */

import type { KubeObject, WatchEvent } from "./types.ts";
import { getNumber, getString } from "./types.ts";
import type { ObjectPredicate } from "./types.ts";
import type { ViewCache, ViewEvent } from "./view_cache.ts";
import { applyEvent, applyListPage, emptyCache, endList, replaceAll } from "./view_cache.ts";

/** Fixed choices of one watch. */
export interface WatchConfig {
  /** Prime the cache from the initial list but emit nothing for it (`--watch-only`). */
  readonly watchOnly: boolean;
  /** The client-side filter with view semantics. */
  readonly keep: ObjectPredicate;
  /**
   * Relist a resumed watch even when its checkpoint could be followed, so the difference since
   * the checkpoint arrives at once, before a SYNCED marker (`--for 0`). @default false
   */
  readonly relistOnResume?: boolean;
}

/**
 * Where the protocol is. `listing.initial` is true until the first list succeeded, and
 * `listing.seen` holds the keys its pages returned so far; `checking` is a resumed watch asking
 * the server for its current resourceVersion before trusting the saved one. The cache is owned by
 * the state and updated in place by `step`.
 */
export type WatchState =
  | { readonly kind: "checking"; readonly cache: ViewCache }
  | {
    readonly kind: "listing";
    readonly initial: boolean;
    readonly cache: ViewCache;
    readonly seen?: Set<string>;
  }
  | { readonly kind: "watching"; readonly cache: ViewCache };

/** A checkpoint to resume from: the last resourceVersion and the objects known at that point. */
export interface WatchResume {
  readonly resourceVersion: string;
  readonly objects: readonly KubeObject[];
}

/** What the shell must do to make progress from a state. */
export type WatchAction =
  | { readonly kind: "probe" }
  | { readonly kind: "list" }
  | { readonly kind: "watch"; readonly resourceVersion: string | undefined };

/**
 * What the shell feeds back: the server's current resourceVersion (`probed`), one page of a list
 * (`first` when the list starts, or starts over after its continue token expired; `last` when no
 * page follows), one watch event, or an HTTP 410 on opening a watch.
 */
export type WatchInput =
  | { readonly type: "probed"; readonly resourceVersion: string }
  | {
    readonly type: "page";
    readonly items: readonly KubeObject[];
    /** The list's resourceVersion (every page carries the first page's). */
    readonly resourceVersion: string;
    readonly first: boolean;
    readonly last: boolean;
  }
  | { readonly type: "event"; readonly event: WatchEvent }
  | { readonly type: "gone" };

/** Marks the end of a list's events: after it the view equals the server's list (waits and `--for 0`). */
export interface SyncedMarker {
  readonly type: "SYNCED";
}

/** What a step emits: view events, and a marker after each (re)list. */
export type StepEvent = ViewEvent | SyncedMarker;

/**
 * What the shell does with the current request after a step: keep reading it, drop it and perform
 * the new state's action (410 Gone), or fail it with a retryable error (an in-stream ERROR).
 */
export type StepNext =
  | { readonly kind: "continue" }
  | { readonly kind: "restart" }
  | { readonly kind: "fail"; readonly status: WatchErrorStatus };

/** The Status carried by an in-stream ERROR event, reduced to what error messages need. */
export interface WatchErrorStatus {
  readonly code: number | undefined;
  readonly reason: string | undefined;
  readonly message: string | undefined;
}

/** The result of one step. */
export interface StepResult {
  readonly state: WatchState;
  readonly events: readonly StepEvent[];
  readonly next: StepNext;
  /** Something the user must be told (on stderr), e.g. why a checkpoint was not followed. */
  readonly warning?: string;
}

/**
 * The state a watch starts in.
 *
 * Why: a watch resumed from a checkpoint (`--state-file`) starts `checking` with the saved objects:
 * the server's current resourceVersion decides whether the saved one can be followed, and a relist
 * (after 410, or when it cannot) emits only the difference against the saved objects.
 *
 * @param resume a saved resourceVersion and the objects known then, if any
 * @param keep the client-side filter, so saved objects get the right visibility
 * @returns `listing` for a fresh watch, `checking` for a resumed one
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(initialWatchState().kind, "listing");
 * assertEquals(actionOf(initialWatchState({ resourceVersion: "42", objects: [] })), {
 *   kind: "probe",
 * });
 * ```
 */
export function initialWatchState(resume?: WatchResume, keep?: ObjectPredicate): WatchState {
  // Packed: a watch replaces a cached object on every event and reads them back only on a
  // relist or for the state file.
  if (resume === undefined) {
    return { kind: "listing", initial: true, cache: emptyCache(undefined, { packed: true }) };
  }
  const cache = emptyCache(undefined, { packed: true });
  replaceAll(cache, resume.objects, resume.resourceVersion, keep);
  return { kind: "checking", cache };
}

/**
 * True until the cluster has answered once (the first list, or a resumed watch's check).
 *
 * Why: before that, a failure says the cluster cannot be reached or refuses us, and the watch
 * fails the way a plain list does (exit 1 at once) instead of retrying in silence.
 *
 * @param state the current state
 * @returns whether a failure now ends the watch
 */
export function isUnreached(state: WatchState): boolean {
  return state.kind === "checking" || (state.kind === "listing" && state.initial);
}

const DECIMAL = /^(0|[1-9]\d*)$/;

/**
 * Why a saved resourceVersion cannot be followed on a server whose current one is `current`.
 *
 * resourceVersions are opaque, but every server that issues decimal ones (etcd revisions) issues
 * only those, and only increasing: a saved one that is not decimal, or is ahead of the server's,
 * was issued by another cluster (rebuilt at the same URL, restored from backup) or edited. The
 * server would answer such a watch with 500s or silence, so following it would lose every change.
 *
 * @param saved the checkpoint's resourceVersion
 * @param current the resourceVersion of a list made now
 * @returns the reason, or undefined when the saved one may be followed
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(checkpointProblem("90", "100"), undefined);
 * equal(checkpointProblem("999", "100"), 'saved resourceVersion 999 is ahead of the server\'s 100');
 * ```
 */
export function checkpointProblem(saved: string, current: string): string | undefined {
  if (!DECIMAL.test(current)) return undefined;
  if (!DECIMAL.test(saved)) {
    return `saved resourceVersion ${JSON.stringify(saved)} is not one this server issues`;
  }
  if (BigInt(saved) > BigInt(current)) {
    return `saved resourceVersion ${saved} is ahead of the server's ${current}`;
  }
  return undefined;
}

/**
 * The request a state calls for.
 *
 * @param state the current state
 * @returns list, or watch from the last resourceVersion seen (events and BOOKMARKs advance it)
 */
export function actionOf(state: WatchState): WatchAction {
  if (state.kind === "checking") return { kind: "probe" };
  return state.kind === "listing"
    ? { kind: "list" }
    : { kind: "watch", resourceVersion: state.cache.resourceVersion };
}

const CONTINUE: StepNext = { kind: "continue" };
const RESTART: StepNext = { kind: "restart" };

/** Reduce an ERROR event's object to a status; its shape is whatever the server sent. */
function statusOf(object: unknown): WatchErrorStatus {
  return {
    code: getNumber(object, ["code"]),
    reason: getString(object, ["reason"]),
    message: getString(object, ["message"]),
  };
}

/**
 * True when a status says the resourceVersion (or continue token) was compacted away: 410, or
 * reason Expired/Gone.
 *
 * Why: only a relist recovers from it, whether it came as an in-stream ERROR event or as the HTTP
 * status of a request; one rule keeps the watch and the pager deciding alike.
 *
 * @param status the code and reason the server sent, either possibly missing
 * @returns true for "too old, list again"
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * assertEquals(isGoneStatus({ code: 410, reason: undefined }), true);
 * assertEquals(isGoneStatus({ code: undefined, reason: "Expired" }), true);
 * assertEquals(isGoneStatus({ code: 500, reason: "InternalError" }), false);
 * ```
 */
export function isGoneStatus(status: Pick<WatchErrorStatus, "code" | "reason">): boolean {
  return status.code === 410 || status.reason === "Expired" || status.reason === "Gone";
}

/**
 * Advance the watch by one input.
 *
 * Why: one pure function decides resume, relist and view semantics, so marble tests of the shell
 * only have to prove the wiring. Updates `state.cache` in place; do not reuse the old state.
 *
 * @param state the current state (consumed)
 * @param input what the current request produced
 * @param config watch-only and the client-side filter
 * @returns the next state, the events to emit, and what to do with the current request
 * @example
 * ```ts
 * import { deepStrictEqual as assertEquals } from "node:assert/strict";
 * const config = { watchOnly: false, keep: () => true };
 * const a = { metadata: { name: "a", resourceVersion: "3" } };
 * const page = { type: "page", items: [a], resourceVersion: "5", first: true, last: true } as const;
 * const r = step(initialWatchState(), page, config);
 * assertEquals(r.events, [{ type: "ADDED", object: a }, { type: "SYNCED" }]);
 * assertEquals(actionOf(r.state), { kind: "watch", resourceVersion: "5" });
 * ```
 */
export function step(state: WatchState, input: WatchInput, config: WatchConfig): StepResult {
  const cache = state.cache;
  if (input.type === "probed") {
    if (state.kind !== "checking") return { state, events: [], next: CONTINUE };
    const problem = checkpointProblem(cache.resourceVersion ?? "", input.resourceVersion);
    if (problem === undefined) {
      return config.relistOnResume
        ? relist(cache)
        : { state: { kind: "watching", cache }, events: [], next: CONTINUE };
    }
    return {
      ...relist(cache),
      warning: `${problem}: listing again and printing the difference from the saved objects`,
    };
  }
  if (input.type === "page") {
    if (state.kind !== "listing") return { state, events: [], next: CONTINUE };
    // Each page's changes go out as it arrives; what the list did not return is DELETED after its
    // last page, the only point at which that is known.
    const seen = input.first || state.seen === undefined ? new Set<string>() : state.seen;
    const changes = applyListPage(cache, input.items, seen, config.keep);
    const silent = state.initial && config.watchOnly;
    if (!input.last) {
      return { state: { ...state, seen }, events: silent ? [] : changes, next: CONTINUE };
    }
    const gone = endList(cache, seen, input.resourceVersion, config.keep);
    const events: StepEvent[] = silent ? [] : [...changes, ...gone];
    events.push({ type: "SYNCED" });
    return { state: { kind: "watching", cache }, events, next: CONTINUE };
  }
  if (state.kind !== "watching") return { state, events: [], next: CONTINUE };
  if (input.type === "gone") return relist(cache);

  const event = input.event;
  if (event.type === "ERROR") {
    const status = statusOf(event.object);
    // 410 Gone/Expired: our resourceVersion was compacted away; only a relist can recover.
    if (isGoneStatus(status)) {
      return relist(cache);
    }
    return { state, events: [], next: { kind: "fail", status } };
  }
  return { state, events: applyEvent(cache, event, config.keep), next: CONTINUE };
}

function relist(cache: ViewCache): StepResult {
  return { state: { kind: "listing", initial: false, cache }, events: [], next: RESTART };
}
