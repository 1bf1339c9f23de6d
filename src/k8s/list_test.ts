import { deepStrictEqual as assertEquals, rejects } from "node:assert/strict";
import { lastValueFrom, of, throwError } from "../rx.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";
import { list$ } from "./list.ts";

const expired = () => ({
  status: 410,
  reason: "Expired",
  message: "The provided continue parameter is too old to display a consistent list result",
});

Deno.test("list$() follows continue tokens with limit 500 and keeps the first page's resourceVersion", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1"), vm("b", "2")], "100", "t1")),
    of(kubeList([vm("c", "3")], "100", "t2")),
    of(kubeList([vm("d", "4")], "100")),
  ]);
  const result = await lastValueFrom(list$(kube, VM_REF, { labelSelector: "tier=web" }));
  assertEquals(result.items.map((o) => o.metadata?.name), ["a", "b", "c", "d"]);
  assertEquals(result.resourceVersion, "100");
  assertEquals(result.kind, "VirtualMachineList");
  assertEquals(kube.listCalls, [
    { labelSelector: "tier=web", fieldSelector: undefined, limit: 500 },
    { labelSelector: "tier=web", fieldSelector: undefined, limit: 500, continue: "t1" },
    { labelSelector: "tier=web", fieldSelector: undefined, limit: 500, continue: "t2" },
  ]);
});

Deno.test("list$() with chunkSize 0 sends no limit", async () => {
  const kube = fakeKube([of(kubeList([vm("a", "1")], "7"))]);
  await lastValueFrom(list$(kube, VM_REF, { chunkSize: 0 }));
  assertEquals(kube.listCalls, [{
    labelSelector: undefined,
    fieldSelector: undefined,
    limit: undefined,
  }]);
});

Deno.test("list$() restarts the whole list once when the continue token expired", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1")], "100", "t1")),
    throwError(expired),
    of(kubeList([vm("a", "1")], "200", "t9")),
    of(kubeList([vm("b", "5")], "200")),
  ]);
  const result = await lastValueFrom(list$(kube, VM_REF, { chunkSize: 1 }));
  assertEquals(result.items.map((o) => o.metadata?.name), ["a", "b"]);
  assertEquals(result.resourceVersion, "200");
  assertEquals(kube.listCalls.map((c) => c.continue), [undefined, "t1", undefined, "t9"]);
});

Deno.test("list$() gives up when the continue token expires a second time", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1")], "100", "t1")),
    throwError(expired),
    of(kubeList([vm("a", "1")], "200", "t9")),
    throwError(expired),
    of(kubeList([vm("a", "1")], "300")),
  ]);
  await rejects(lastValueFrom(list$(kube, VM_REF, { chunkSize: 1 })), { status: 410 });
  assertEquals(kube.listCalls.length, 4);
});

Deno.test("list$() does not restart on a 410 for the first page", async () => {
  const kube = fakeKube([throwError(expired), of(kubeList([], "1"))]);
  await rejects(lastValueFrom(list$(kube, VM_REF)), { reason: "Expired" });
  assertEquals(kube.listCalls.length, 1);
});

Deno.test("list$() rejects a negative chunk size before sending anything", async () => {
  const kube = fakeKube([]);
  await rejects(lastValueFrom(list$(kube, VM_REF, { chunkSize: -1 })), {
    name: "RangeError",
    message: 'cannot use chunk size "-1": expected an integer >= 0',
  });
  assertEquals(kube.listCalls.length, 0);
});
