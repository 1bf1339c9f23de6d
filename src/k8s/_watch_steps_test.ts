import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { TestScheduler } from "rxjs/testing";
import { catchError, map, of } from "../rx.ts";
import type { KubeList, WatchEvent } from "../core/types.ts";
import type { StepEvent } from "../core/watch_state.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";
import { type WatchNotice, watchSteps$ } from "./_watch_steps.ts";
import { TransportError } from "./errors.ts";

const newScheduler = () => new TestScheduler((actual, expected) => assertEquals(actual, expected));
const exact = { random: () => 0 };
const refused = () => new TransportError("refused", "https://k:6443/apis", "connection refused");
const malformed = () => new TransportError("protocol", "https://k:6443/apis", "not JSON: {{{");
/** A step as `TYPE name` (`SYNCED ` carries no object), for marble values. */
const typeAndName = (e: StepEvent) => `${e.type} ${"object" in e ? e.object.metadata?.name : ""}`;
const bookmark = (rv: string) =>
  ({ type: "BOOKMARK", object: { metadata: { resourceVersion: rv } } }) as WatchEvent;

Deno.test("watchSteps$() tells each retry and the recovery as they happen", () => {
  const ts = newScheduler();
  const notices: [number, WatchNotice][] = [];
  ts.run(({ cold, expectObservable, flush }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    const w1 = cold<WatchEvent>("#", undefined, refused());
    const w2 = cold<WatchEvent>("#", undefined, refused());
    const w3 = cold<WatchEvent>("b", { b: bookmark("11") });
    const kube = fakeKube([l1], [w1, w2, w3]);
    const steps$ = watchSteps$(kube, VM_REF, {
      scheduler: ts,
      backoff: exact,
      onNotice: (n) => notices.push([ts.now(), n]),
    }).pipe(map((e) => e.type));
    expectObservable(steps$, "^ 10s !").toBe("s", { s: "SYNCED" });
    flush();
  });
  const reason = "cannot reach the cluster at https://k:6443: connection refused";
  assertEquals(notices, [
    [0, { kind: "reached" }],
    [0, { kind: "retrying", reason, attempt: 1, delayMs: 1000 }],
    [1000, { kind: "retrying", reason, attempt: 2, delayMs: 2000 }],
    [3000, { kind: "recovered" }],
  ]);
});

Deno.test("watchSteps$() on a resumed watch checks the server's resourceVersion first", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  const notices: WatchNotice[] = [];
  ts.run(({ cold, expectObservable }) => {
    const probe = cold<KubeList>("(l|)", { l: kubeList([vm("x", "5")], "70") });
    const relist = cold<KubeList>("(l|)", { l: kubeList([vm("a", "65")], "70") });
    kube = fakeKube([probe, relist], []);
    const steps$ = watchSteps$(kube, VM_REF, {
      scheduler: ts,
      backoff: exact,
      resume: { resourceVersion: "999999999", objects: [vm("a", "3"), vm("b", "4")] },
      onNotice: (n) => notices.push(n),
    }).pipe(map(typeAndName));
    expectObservable(steps$, "^ 1s !").toBe("(abc)", {
      a: "MODIFIED a",
      b: "DELETED b",
      c: "SYNCED ",
    });
  });
  assertEquals(kube.listCalls.map((c) => c.limit), [1, 500]);
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["70"]);
  assertEquals(notices, [
    {
      kind: "warning",
      message: "saved resourceVersion 999999999 is ahead of the server's 70: listing again and " +
        "printing the difference from the saved objects",
    },
    { kind: "reached" },
  ]);
});

Deno.test("watchSteps$() fails at once when a resumed watch cannot reach the cluster", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const probe = cold<KubeList>("#", undefined, refused());
    const steps$ = watchSteps$(fakeKube([probe]), VM_REF, {
      scheduler: ts,
      resume: { resourceVersion: "5", objects: [] },
    }).pipe(map((e) => e.type), catchError((e: Error) => of(e.message)));
    expectObservable(steps$).toBe("(e|)", {
      e: "cannot reach the cluster at https://k:6443: connection refused",
    });
  });
});

Deno.test("watchSteps$() counts malformed event lines toward the budget even between good events", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    // Every stream delivers a good event, then an undecodable line.
    const watches = [0, 1, 2, 3].map((i) =>
      cold<WatchEvent>("b#", { b: bookmark(`${11 + i}`) }, malformed())
    );
    const steps$ = watchSteps$(fakeKube([l1], watches), VM_REF, {
      scheduler: ts,
      backoff: { ...exact, maxAttempts: 3 },
    }).pipe(map((e) => e.type), catchError((e: Error) => of(`${e.name}: ${e.message}`)));
    expectObservable(steps$).toBe("s 7003ms (e|)", {
      s: "SYNCED",
      e: 'WatchLostError: lost the watch of virtualmachines.hypersdk.io in namespace "ns": ' +
        "gave up after 3 retries: unexpected response from https://k:6443/apis: not JSON: {{{",
    });
  });
});

Deno.test("watchSteps$() counts a silent stream as dead after 90 s and asks for 60-75 s lifetimes", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  const notices: WatchNotice[] = [];
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    const frozen = cold<WatchEvent>("-");
    const next = cold<WatchEvent>("-");
    kube = fakeKube([l1], [frozen, next]);
    expectObservable(
      watchSteps$(kube, VM_REF, {
        scheduler: ts,
        backoff: { random: () => 0.999 },
        onNotice: (n) => notices.push(n),
      }).pipe(map((e) => e.type)),
      "^ 100s !",
    ).toBe("s", { s: "SYNCED" });
    expectSubscriptions(frozen.subscriptions).toBe("^ 89999ms !");
  });
  assertEquals(kube.watchCalls.map((c) => c.timeoutSeconds), [74, 74]);
  assertEquals(notices.slice(1, 2), [{
    kind: "retrying",
    reason: "no data from the server for 90s (frozen server or dead connection)",
    attempt: 1,
    delayMs: 750,
  }]);
});

Deno.test("watchSteps$() hands on each page of the initial list as it arrives", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const p1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1"), vm("b", "2")], "10", "t1") });
    const p2 = cold<KubeList>("40ms (l|)", { l: kubeList([vm("c", "3")], "10") });
    kube = fakeKube([p1, p2], []);
    const steps$ = watchSteps$(kube, VM_REF, { scheduler: ts })
      .pipe(map(typeAndName));
    // The first page's rows do not wait for the second page.
    expectObservable(steps$, "^ 100ms !").toBe("(ab) 36ms (cs)", {
      a: "ADDED a",
      b: "ADDED b",
      c: "ADDED c",
      s: "SYNCED ",
    });
  });
  assertEquals(kube.listCalls.map((c) => c.continue), [undefined, "t1"]);
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["10"]);
});

Deno.test("watchSteps$() starts a paged list over once when its continue token expired", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const p1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1"), vm("b", "2")], "10", "t1") });
    const expired = cold<KubeList>("--#", undefined, { status: 410, message: "Expired" });
    const again = cold<KubeList>("---(l|)", { l: kubeList([vm("a", "1")], "12") });
    kube = fakeKube([p1, expired, again], []);
    const steps$ = watchSteps$(kube, VM_REF, { scheduler: ts })
      .pipe(map(typeAndName));
    expectObservable(steps$, "^ 100ms !").toBe("(ab)-(ds)", {
      a: "ADDED a",
      b: "ADDED b",
      d: "DELETED b",
      s: "SYNCED ",
    });
  });
  assertEquals(kube.listCalls.map((c) => c.continue), [undefined, "t1", undefined]);
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["12"]);
});
