import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { TestScheduler } from "rxjs/testing";
import type { KubeList, WatchEvent } from "../core/types.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";
import { object$ } from "./watch_object.ts";

const newScheduler = () => new TestScheduler((actual, expected) => assertEquals(actual, expected));

Deno.test("object$() emits undefined at once when the object does not exist, then follows it", () => {
  const ts = newScheduler();
  let kube!: ReturnType<typeof fakeKube>;
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([], "10") });
    const w1 = cold<WatchEvent>("--a-m-d", {
      a: { type: "ADDED", object: vm("op1", "11", "Pending") },
      m: { type: "MODIFIED", object: vm("op1", "12", "Running") },
      d: { type: "DELETED", object: vm("op1", "13", "Running") },
    });
    kube = fakeKube([l1], [w1]);
    expectObservable(object$(kube, VM_REF, "op1", { scheduler: ts }), "^ 10ms !").toBe(
      "u-a-m-d",
      {
        u: undefined,
        a: vm("op1", "11", "Pending"),
        m: vm("op1", "12", "Running"),
        d: undefined,
      },
    );
  });
  assertEquals(kube.listCalls[0].fieldSelector, "metadata.name=op1");
  assertEquals(kube.watchCalls[0].fieldSelector, "metadata.name=op1");
  assertEquals(kube.watchCalls[0].resourceVersion, "10");
});

Deno.test("object$() starts with the listed object and reports a change missed during a 410", () => {
  const ts = newScheduler();
  ts.run(({ cold, expectObservable }) => {
    const l1 = cold<KubeList>("(l|)", { l: kubeList([vm("op1", "5", "Running")], "10") });
    const w1 = cold<WatchEvent>("---e", {
      e: { type: "ERROR", object: { kind: "Status", code: 410, reason: "Expired" } },
    });
    const l2 = cold<KubeList>("(l|)", { l: kubeList([vm("op1", "30", "Succeeded")], "40") });
    const kube = fakeKube([l1, l2], [w1]);
    expectObservable(object$(kube, VM_REF, "op1", { scheduler: ts }), "^ 10ms !").toBe("a--b", {
      a: vm("op1", "5", "Running"),
      b: vm("op1", "30", "Succeeded"),
    });
  });
});
