import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { catchError, map, of } from "../rx.ts";
import { TestScheduler } from "rxjs/testing";
import type { KubeList, WatchEvent } from "../core/types.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";
import { watch$, WatchLostError } from "./watch.ts";

const newScheduler = () => new TestScheduler((actual, expected) => assertEquals(actual, expected));
const exact = { random: () => 0 };
const networkError = () => new TypeError("error sending request");
const added = (o: unknown) => ({ type: "ADDED", object: o });
const modified = (o: unknown) => ({ type: "MODIFIED", object: o });
const deleted = (o: unknown) => ({ type: "DELETED", object: o });
const gone = {
  type: "ERROR",
  object: { kind: "Status", code: 410, reason: "Expired", message: "too old resource version" },
};

/** Subscription marble for a request that fails (or ends) in the frame it started. */
const instant = (frame: number) => (frame === 0 ? "(^!)" : `${frame}ms (^!)`);

Deno.test("watch$() resumes after a normal close from the last resourceVersion", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "5")], "10") });
    const w1 = cold<WatchEvent>("--m--|", { m: modified(vm("a", "11")) as WatchEvent });
    const w2 = cold<WatchEvent>("--n", { n: modified(vm("a", "12")) as WatchEvent });
    kube = fakeKube([l1], [w1, w2]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, backoff: exact }), "^ 20ms !").toBe(
      "a-b----c",
      {
        a: added(vm("a", "5")),
        b: modified(vm("a", "11")),
        c: modified(vm("a", "12")),
      },
    );
    expectSubscriptions(w1.subscriptions).toBe("^----!");
    expectSubscriptions(w2.subscriptions).toBe("-----^ 15ms !");
  });
  assertEquals(kube.watchCalls, [
    {
      labelSelector: undefined,
      fieldSelector: undefined,
      resourceVersion: "10",
      // 2/3 of the 90 s dead-stream bound with no jitter: the server closes first.
      timeoutSeconds: 60,
      allowWatchBookmarks: true,
    },
    {
      labelSelector: undefined,
      fieldSelector: undefined,
      resourceVersion: "11",
      // 2/3 of the 90 s dead-stream bound with no jitter: the server closes first.
      timeoutSeconds: 60,
      allowWatchBookmarks: true,
    },
  ]);
  assertEquals(kube.listCalls.length, 1);
});

Deno.test("watch$() on an in-stream 410 relists and emits only the difference", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", {
      l: kubeList([vm("a", "1"), vm("b", "2"), vm("d", "4")], "10"),
    });
    const w1 = cold<WatchEvent>("-----e", { e: gone as WatchEvent });
    const l2 = cold<KubeList>("(l|)", {
      l: kubeList([vm("a", "1"), vm("b", "5", "Stopped"), vm("c", "6")], "20"),
    });
    const w2 = cold<WatchEvent>("-");
    kube = fakeKube([l1, l2], [w1, w2]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts }), "^ 30ms !").toBe("(abd)(yzx)", {
      a: added(vm("a", "1")),
      b: added(vm("b", "2")),
      d: added(vm("d", "4")),
      y: modified(vm("b", "5", "Stopped")),
      z: added(vm("c", "6")),
      x: deleted(vm("d", "4")),
    });
    expectSubscriptions(w1.subscriptions).toBe("^----!");
    expectSubscriptions(l2.subscriptions).toBe("-----(^!)");
    expectSubscriptions(w2.subscriptions).toBe("-----^ 25ms !");
  });
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["10", "20"]);
});

Deno.test("watch$() treats an HTTP 410 on opening the watch like an in-stream 410", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1")], "10") });
    const w1 = cold<WatchEvent>("--#", undefined, { status: 410, message: "Gone" });
    const l2 = cold<KubeList>("(l|)", { l: kubeList([], "20") });
    kube = fakeKube([l1, l2], [w1]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts }), "^ 10ms !").toBe("a-x", {
      a: added(vm("a", "1")),
      x: deleted(vm("a", "1")),
    });
  });
  assertEquals(kube.listCalls.length, 2);
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["10", "20"]);
});

Deno.test("watch$() backs off 1s, 2s, 4s … capped at 30s, and resets after a success", () => {
  const ts = newScheduler();
  const failFrames = [0, 1000, 3000, 7000, 15000, 31000, 61000, 91000, 121000];
  const okFrame = 151000;
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1")], "10") });
    const failing = failFrames.map(() => cold<WatchEvent>("#", undefined, networkError()));
    // A BOOKMARK is a success: it ends the streak.
    const ok = cold<WatchEvent>("b#", {
      b: { type: "BOOKMARK", object: { metadata: { resourceVersion: "20" } } },
    }, networkError());
    const after = [cold<WatchEvent>("#", undefined, networkError()), cold<WatchEvent>("-")];
    const kube = fakeKube([l1], [...failing, ok, ...after]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, backoff: exact }), "^ 200s !")
      .toBe("a", { a: added(vm("a", "1")) });
    failFrames.forEach((frame, i) =>
      expectSubscriptions(failing[i].subscriptions).toBe(instant(frame))
    );
    expectSubscriptions(ok.subscriptions).toBe(`${okFrame}ms ^!`);
    // After the success the streak starts over: 1 s, then 2 s (not 30 s).
    expectSubscriptions(after[0].subscriptions).toBe(instant(okFrame + 1001));
    expectSubscriptions(after[1].subscriptions).toBe(
      `${okFrame + 3001}ms ^ ${200_000 - okFrame - 3001}ms !`,
    );
  });
});

Deno.test("watch$() fails at once, like a list, while the cluster has never answered", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("5ms #", undefined, networkError());
    const l2 = cold<KubeList>("(l|)", { l: kubeList([], "1") });
    expectObservable(watch$(fakeKube([l1, l2]), VM_REF, { scheduler: ts })).toBe(
      "5ms #",
      undefined,
      networkError(),
    );
    expectSubscriptions(l2.subscriptions).toBe([]);
  });
});

Deno.test("watch$() reconnects an idle stream after 2x timeoutSeconds, from the same resourceVersion", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    // Events 30 s apart keep a stream alive; 40 s of silence kills it.
    const w1 = cold<WatchEvent>("30s m 29999ms m", {
      m: { type: "BOOKMARK", object: { metadata: { resourceVersion: "15" } } },
    });
    const w2 = cold<WatchEvent>("-");
    kube = fakeKube([l1], [w1, w2]);
    expectObservable(
      watch$(kube, VM_REF, { scheduler: ts, timeoutSeconds: 20, backoff: exact }),
      "^ 200s !",
    ).toBe("");
    expectSubscriptions(w1.subscriptions).toBe("^ 99999ms !");
    expectSubscriptions(w2.subscriptions).toBe("101s ^ 39999ms !");
  });
  assertEquals(kube.watchCalls.slice(0, 2).map((c) => [c.resourceVersion, c.timeoutSeconds]), [
    ["10", 20],
    ["15", 20],
  ]);
});

Deno.test("watch$() errors with WatchLostError once the retry budget is spent", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "1") });
    const watches = [0, 1, 2, 3].map(() => cold<WatchEvent>("#", undefined, networkError()));
    const kube = fakeKube([l1], watches);
    const result$ = watch$(kube, VM_REF, { scheduler: ts, backoff: { ...exact, maxAttempts: 3 } })
      .pipe(
        map((e) => e.type),
        catchError((e: Error) => of(`${e instanceof WatchLostError}: ${e.message}`)),
      );
    expectObservable(result$).toBe("7s (e|)", {
      e: 'true: lost the watch of virtualmachines.hypersdk.io in namespace "ns": ' +
        "gave up after 3 retries: error sending request",
    });
  });
});

Deno.test("watch$() gives up when failures last longer than maxElapsedMs", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "1") });
    const watches = [0, 1, 2, 3, 4].map(() => cold<WatchEvent>("#", undefined, networkError()));
    const kube = fakeKube([l1], watches);
    const result$ = watch$(kube, VM_REF, {
      scheduler: ts,
      backoff: { ...exact, maxElapsedMs: 5000 },
    })
      .pipe(catchError((e: Error) => of(e.name)));
    expectObservable(result$).toBe("7s (e|)", { e: "WatchLostError" });
  });
});

Deno.test("watch$() does not retry a 403 and passes the server's error through", () => {
  const ts = newScheduler();
  const forbidden = { status: 403, message: "forbidden" };
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("#", undefined, forbidden);
    const l2 = cold<KubeList>("(l|)", { l: kubeList([], "1") });
    expectObservable(watch$(fakeKube([l1, l2]), VM_REF, { scheduler: ts })).toBe(
      "#",
      undefined,
      forbidden,
    );
    expectSubscriptions(l2.subscriptions).toBe([]);
  });
});

Deno.test("watch$() retries an in-stream ERROR 500 from the same resourceVersion", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    const w1 = cold<WatchEvent>("--e", {
      e: { type: "ERROR", object: { kind: "Status", code: 500, message: "etcd hiccup" } },
    });
    const w2 = cold<WatchEvent>("-");
    kube = fakeKube([l1], [w1, w2]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, backoff: exact }), "^ 2s !").toBe("");
    expectSubscriptions(w1.subscriptions).toBe("^-!");
    expectSubscriptions(w2.subscriptions).toBe("1002ms ^ 998ms !");
  });
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["10", "10"]);
});

Deno.test("watch$() applies the filter with view semantics on live events", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const running = (o: unknown) =>
      (o as { status?: { phase?: string } }).status?.phase === "Running";
    const l1 = cold<KubeList>("(l|)", {
      l: kubeList([vm("a", "1"), vm("b", "2", "Stopped")], "10"),
    });
    const w1 = cold<WatchEvent>("-xyz", {
      x: modified(vm("a", "11", "Stopped")) as WatchEvent,
      y: modified(vm("b", "12")) as WatchEvent,
      z: modified(vm("c", "13", "Stopped")) as WatchEvent,
    });
    const kube = fakeKube([l1], [w1]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, keep: running }), "^ 10ms !")
      .toBe("abc", {
        a: added(vm("a", "1")),
        b: deleted(vm("a", "11", "Stopped")),
        c: added(vm("b", "12")),
      });
  });
});

Deno.test("watch$() never emits a BOOKMARK but resumes from its resourceVersion", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1")], "10") });
    const w1 = cold<WatchEvent>("-k|", {
      k: {
        type: "BOOKMARK",
        object: { kind: "VirtualMachine", metadata: { resourceVersion: "50" } },
      },
    });
    kube = fakeKube([l1], [w1]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts }), "^ 10ms !").toBe("a", {
      a: added(vm("a", "1")),
    });
  });
  assertEquals(kube.watchCalls.map((c) => c.resourceVersion), ["10", "50"]);
});

Deno.test("watch$() with watchOnly lists first but emits only later changes", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1"), vm("b", "2")], "10") });
    const w1 = cold<WatchEvent>("--m", { m: modified(vm("b", "11", "Stopped")) as WatchEvent });
    kube = fakeKube([l1], [w1]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, watchOnly: true }), "^ 10ms !")
      .toBe("--m", { m: modified(vm("b", "11", "Stopped")) });
  });
  assertEquals(kube.watchCalls[0].resourceVersion, "10");
});

Deno.test("watch$() waits before reconnecting a watch that closes at once with nothing", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable, expectSubscriptions }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    const empty = [0, 1, 2].map(() => cold<WatchEvent>("|"));
    const last = cold<WatchEvent>("-");
    const kube = fakeKube([l1], [...empty, last]);
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, backoff: exact }), "^ 10s !").toBe("");
    expectSubscriptions(empty[0].subscriptions).toBe(instant(0));
    expectSubscriptions(empty[1].subscriptions).toBe(instant(1000));
    expectSubscriptions(empty[2].subscriptions).toBe(instant(3000));
    expectSubscriptions(last.subscriptions).toBe("7s ^ 3000ms !");
  });
});

Deno.test("watch$() does not retry a throwing predicate", () => {
  const ts = newScheduler();
  const bug = new TypeError("predicate exploded");
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1")], "10") });
    const l2 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "1")], "10") });
    const kube = fakeKube([l1, l2]);
    const keep = () => {
      throw bug;
    };
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, keep })).toBe("#", undefined, bug);
  });
});

Deno.test("watch$() passes selectors and chunk size to the list and watch requests", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    kube = fakeKube([cold<KubeList>("(l|)", { l: kubeList([], "10") })], [cold<WatchEvent>("-")]);
    const options = {
      scheduler: ts,
      labelSelector: "tier=web",
      fieldSelector: "metadata.name=a",
      chunkSize: 50,
    };
    expectObservable(watch$(kube, VM_REF, options), "^ 5ms !").toBe("");
  });
  assertEquals(kube.listCalls, [{
    labelSelector: "tier=web",
    fieldSelector: "metadata.name=a",
    limit: 50,
  }]);
  assertEquals(kube.watchCalls[0].labelSelector, "tier=web");
  assertEquals(kube.watchCalls[0].fieldSelector, "metadata.name=a");
});

Deno.test("watch$() rejects a non-positive timeoutSeconds", () => {
  const ts = newScheduler();
  ts.run(({ expectObservable }) => {
    expectObservable(
      watch$(fakeKube([]), VM_REF, { scheduler: ts, timeoutSeconds: 0 }).pipe(
        catchError((e: Error) => of(e.message)),
      ),
    ).toBe("(e|)", { e: 'cannot use watch timeout "0": expected whole seconds > 0' });
  });
});

Deno.test("watch$() with untilSynced (--for 0) completes after the list, or the diff since a checkpoint", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "5")], "10") });
    expectObservable(watch$(fakeKube([l1]), VM_REF, { scheduler: ts, untilSynced: true }))
      .toBe("(a|)", { a: added(vm("a", "5")) });

    // A checkpoint the server can follow is relisted anyway, so the command can stop at once.
    const probe = cold<KubeList>("(l|)", { l: kubeList([], "20") });
    const relist = cold<KubeList>("(l|)", { l: kubeList([vm("a", "15"), vm("b", "16")], "20") });
    kube = fakeKube([probe, relist]);
    const resume = { resourceVersion: "10", objects: [vm("a", "5")] };
    expectObservable(watch$(kube, VM_REF, { scheduler: ts, untilSynced: true, resume }))
      .toBe("(mb|)", { m: modified(vm("a", "15")), b: added(vm("b", "16")) });
  });
  assertEquals(kube.watchCalls, []);
});

Deno.test("watch$() with metadataOnly asks for metadata in its list and its watches", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("a", "5")], "10") });
    const w1 = cold<WatchEvent>("--m", { m: modified(vm("a", "11")) as WatchEvent });
    kube = fakeKube([l1], [w1]);
    const options = { scheduler: ts, backoff: exact, metadataOnly: true };
    expectObservable(watch$(kube, VM_REF, options), "^ 5ms !").toBe("a-b", {
      a: added(vm("a", "5")),
      b: modified(vm("a", "11")),
    });
  });
  assertEquals(kube.listCalls.map((c) => c.metadataOnly), [true]);
  assertEquals(kube.watchCalls.map((c) => c.metadataOnly), [true]);
});
