import { deepStrictEqual as assertEquals } from "node:assert/strict";
import type { KubeObject } from "./types.ts";
import {
  actionOf,
  checkpointProblem,
  initialWatchState,
  isUnreached,
  step,
  type WatchConfig,
  type WatchInput,
  type WatchState,
} from "./watch_state.ts";

const vm = (name: string, rv: string, phase = "Running"): KubeObject => ({
  metadata: { name, namespace: "ns", uid: `uid-${name}`, resourceVersion: rv },
  status: { phase },
});
const all: WatchConfig = { watchOnly: false, keep: () => true };
/** One page of a list; by default the only one. */
const page = (
  items: KubeObject[],
  resourceVersion: string,
  at: { first?: boolean; last?: boolean } = {},
): WatchInput => ({
  type: "page",
  items,
  resourceVersion,
  first: at.first ?? true,
  last: at.last ?? true,
});
const listed = (items: KubeObject[], resourceVersion: string) => page(items, resourceVersion);
const event = (type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR", object: unknown) =>
  ({ type: "event", event: { type, object } }) as WatchInput;

/** Run inputs through step, collecting emitted events and the last result's `next`. */
function run(inputs: WatchInput[], config = all, state: WatchState = initialWatchState()) {
  const emitted: unknown[] = [];
  let next: unknown = undefined;
  for (const input of inputs) {
    const r = step(state, input, config);
    state = r.state;
    emitted.push(...r.events);
    next = r.next;
  }
  return { state, emitted, next, action: actionOf(state) };
}

Deno.test("step() initial list emits ADDED per object, SYNCED, then watches from the list RV", () => {
  const r = run([listed([vm("a", "3"), vm("b", "4")], "10")]);
  assertEquals(r.emitted, [
    { type: "ADDED", object: vm("a", "3") },
    { type: "ADDED", object: vm("b", "4") },
    { type: "SYNCED" },
  ]);
  assertEquals(r.action, { kind: "watch", resourceVersion: "10" });
  assertEquals(r.next, { kind: "continue" });
});

Deno.test("step() watch-only primes the cache silently but still reports later changes", () => {
  const r = run(
    [listed([vm("a", "3")], "10"), event("MODIFIED", vm("a", "11", "Stopped"))],
    { watchOnly: true, keep: () => true },
  );
  assertEquals(r.emitted, [{ type: "SYNCED" }, {
    type: "MODIFIED",
    object: vm("a", "11", "Stopped"),
  }]);
});

Deno.test("step() events and BOOKMARKs advance the resourceVersion; BOOKMARK emits nothing", () => {
  const r = run([
    listed([], "10"),
    event("ADDED", vm("a", "12")),
    event("BOOKMARK", { kind: "VirtualMachine", metadata: { resourceVersion: "40" } }),
  ]);
  assertEquals(r.emitted, [{ type: "SYNCED" }, { type: "ADDED", object: vm("a", "12") }]);
  assertEquals(r.action, { kind: "watch", resourceVersion: "40" });
});

Deno.test("step() in-stream ERROR 410 restarts into a relist that emits only the difference", () => {
  const gone = {
    kind: "Status",
    code: 410,
    reason: "Expired",
    message: "too old resource version",
  };
  const r1 = run([listed([vm("a", "3"), vm("b", "4"), vm("c", "5")], "10"), event("ERROR", gone)]);
  assertEquals(r1.next, { kind: "restart" });
  assertEquals(r1.action, { kind: "list" });
  const r2 = run(
    [listed([vm("a", "3"), vm("b", "20", "Stopped"), vm("d", "21")], "30")],
    all,
    r1.state,
  );
  assertEquals(r2.emitted, [
    { type: "MODIFIED", object: vm("b", "20", "Stopped") },
    { type: "ADDED", object: vm("d", "21") },
    { type: "DELETED", object: vm("c", "5") },
    { type: "SYNCED" },
  ]);
  assertEquals(r2.action, { kind: "watch", resourceVersion: "30" });
});

Deno.test("step() relist after watch-only start still emits its differences", () => {
  const config = { watchOnly: true, keep: () => true };
  const r1 = run([listed([vm("a", "3")], "10"), { type: "gone" }], config);
  assertEquals(r1.action, { kind: "list" });
  const r2 = run([listed([], "30")], config, r1.state);
  assertEquals(r2.emitted, [{ type: "DELETED", object: vm("a", "3") }, { type: "SYNCED" }]);
});

Deno.test("step() other in-stream ERRORs fail the request and keep the resourceVersion", () => {
  const r = run([listed([], "10"), event("ERROR", { kind: "Status", code: 500, message: "boom" })]);
  assertEquals(r.next, {
    kind: "fail",
    status: { code: 500, reason: undefined, message: "boom" },
  });
  assertEquals(r.action, { kind: "watch", resourceVersion: "10" });
});

Deno.test("step() applies the filter with view semantics", () => {
  const running = {
    watchOnly: false,
    keep: (o: KubeObject) => (o.status as { phase?: string })?.phase === "Running",
  };
  const r = run([
    listed([vm("a", "3"), vm("b", "4", "Stopped")], "10"),
    event("MODIFIED", vm("a", "11", "Stopped")),
    event("MODIFIED", vm("b", "12")),
    event("MODIFIED", vm("c", "13", "Stopped")),
  ], running);
  assertEquals(r.emitted, [
    { type: "ADDED", object: vm("a", "3") },
    { type: "SYNCED" },
    { type: "DELETED", object: vm("a", "11", "Stopped") },
    { type: "ADDED", object: vm("b", "12") },
  ]);
});

Deno.test("initialWatchState() with a checkpoint checks, watches from it and diffs a relist against it", () => {
  const state = initialWatchState({ resourceVersion: "50", objects: [vm("a", "3")] });
  assertEquals(actionOf(state), { kind: "probe" });
  const probed = step(state, { type: "probed", resourceVersion: "55" }, all);
  assertEquals([probed.events, probed.next, probed.warning], [[], { kind: "continue" }, undefined]);
  assertEquals(actionOf(probed.state), { kind: "watch", resourceVersion: "50" });
  const r = run([{ type: "gone" }, listed([vm("a", "3"), vm("b", "60")], "70")], all, probed.state);
  assertEquals(r.emitted, [{ type: "ADDED", object: vm("b", "60") }, { type: "SYNCED" }]);
});

Deno.test("step() relists a checkpoint the server cannot serve and emits the exact diff, with a warning", () => {
  for (
    const [saved, why] of [
      ["999999999", "saved resourceVersion 999999999 is ahead of the server's 70"],
      ["not-a-number", 'saved resourceVersion "not-a-number" is not one this server issues'],
    ]
  ) {
    const state = initialWatchState({
      resourceVersion: saved,
      objects: [vm("a", "3"), vm("gone", "4")],
    });
    const probed = step(state, { type: "probed", resourceVersion: "70" }, all);
    assertEquals(probed.next, { kind: "restart" });
    assertEquals(
      probed.warning,
      `${why}: listing again and printing the difference from the saved objects`,
    );
    assertEquals(actionOf(probed.state), { kind: "list" });
    const r = run([listed([vm("a", "65"), vm("new", "66")], "70")], all, probed.state);
    assertEquals(r.emitted, [
      { type: "MODIFIED", object: vm("a", "65") },
      { type: "ADDED", object: vm("new", "66") },
      { type: "DELETED", object: vm("gone", "4") },
      { type: "SYNCED" },
    ]);
    assertEquals(r.action, { kind: "watch", resourceVersion: "70" });
  }
});

Deno.test("checkpointProblem() trusts only what it can compare", () => {
  const cases: [string, string, boolean][] = [
    ["90", "100", false],
    ["100", "100", false],
    ["101", "100", true],
    ["18446744073709551616", "100", true],
    ["abc", "100", true],
    ["", "100", true],
    ["007", "100", true],
    ["abc", "opaque", false],
    ["999", "opaque", false],
  ];
  for (const [saved, current, refused] of cases) {
    assertEquals(
      checkpointProblem(saved, current) !== undefined,
      refused,
      `${saved} vs ${current}`,
    );
  }
});

Deno.test("isUnreached() is true only before the cluster first answered", () => {
  assertEquals(isUnreached(initialWatchState()), true);
  assertEquals(isUnreached(initialWatchState({ resourceVersion: "5", objects: [] })), true);
  const listedOnce = run([listed([], "10")]).state;
  assertEquals(isUnreached(listedOnce), false);
  assertEquals(isUnreached({ kind: "listing", initial: false, cache: listedOnce.cache }), false);
});

Deno.test("step() ignores inputs that do not belong to the state", () => {
  const r = run([event("ADDED", vm("a", "1"))]);
  assertEquals(r.emitted, []);
  assertEquals(r.action, { kind: "list" });
});

Deno.test("step() prints each page of the initial list as it arrives and SYNCED after the last", () => {
  let state = initialWatchState();
  const r1 = step(state, page([vm("a", "3"), vm("b", "4")], "10", { last: false }), all);
  assertEquals(r1.events, [
    { type: "ADDED", object: vm("a", "3") },
    { type: "ADDED", object: vm("b", "4") },
  ]);
  state = r1.state;
  // Between pages the watch is still listing, has not reached the cluster's snapshot, and keeps
  // no resourceVersion a checkpoint could save.
  assertEquals([actionOf(state), isUnreached(state)], [{ kind: "list" }, true]);
  assertEquals(state.cache.resourceVersion, undefined);
  const r2 = step(state, page([vm("c", "5")], "10", { first: false }), all);
  assertEquals(r2.events, [{ type: "ADDED", object: vm("c", "5") }, { type: "SYNCED" }]);
  assertEquals([actionOf(r2.state), isUnreached(r2.state)], [
    { kind: "watch", resourceVersion: "10" },
    false,
  ]);
});

Deno.test("step() deletes after the last page what a paged relist did not return", () => {
  const r1 = run([listed([vm("a", "3"), vm("b", "4"), vm("c", "5")], "10"), { type: "gone" }]);
  const r2 = run(
    [
      page([vm("a", "3"), vm("b", "20", "Stopped")], "30", { last: false }),
      page([vm("d", "21")], "30", { first: false }),
    ],
    all,
    r1.state,
  );
  assertEquals(r2.emitted, [
    { type: "MODIFIED", object: vm("b", "20", "Stopped") },
    { type: "ADDED", object: vm("d", "21") },
    { type: "DELETED", object: vm("c", "5") },
    { type: "SYNCED" },
  ]);
});

Deno.test("step() forgets the keys of a list that started over (continue token expired)", () => {
  const r = run([
    page([vm("a", "3"), vm("b", "4")], "10", { last: false }),
    // The token expired: the list starts over at a newer snapshot, in which b is gone.
    page([vm("a", "3")], "12", { last: false }),
    page([vm("c", "11")], "12", { first: false }),
  ]);
  assertEquals(r.emitted, [
    { type: "ADDED", object: vm("a", "3") },
    { type: "ADDED", object: vm("b", "4") },
    { type: "ADDED", object: vm("c", "11") },
    { type: "DELETED", object: vm("b", "4") },
    { type: "SYNCED" },
  ]);
  assertEquals(r.action, { kind: "watch", resourceVersion: "12" });
});

Deno.test("step() watch-only stays silent over every page of the initial list", () => {
  const r = run([
    page([vm("a", "3")], "10", { last: false }),
    page([vm("b", "4")], "10", { first: false }),
    event("MODIFIED", vm("b", "11", "Stopped")),
  ], { watchOnly: true, keep: () => true });
  assertEquals(r.emitted, [{ type: "SYNCED" }, {
    type: "MODIFIED",
    object: vm("b", "11", "Stopped"),
  }]);
});
