import { deepStrictEqual as assertEquals, rejects } from "node:assert/strict";
import { lastValueFrom, of, Subject, take, throwError, toArray } from "../rx.ts";
import type { KubeList } from "../core/types.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";
import { type ListPage, listPages$ } from "./list_pages.ts";

const names = (p: ListPage) => p.items.map((o) => o.metadata?.name).join(",");

Deno.test("listPages$() hands each page to the handler in order and follows continue tokens", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1"), vm("b", "2")], "100", "t1")),
    of(kubeList([vm("c", "3")], "100", "t2")),
    of(kubeList([vm("d", "4")], "100")),
  ]);
  const seen = await lastValueFrom(
    listPages$(kube, VM_REF, {
      chunkSize: 2,
      handle: (p) => of(`${p.index}:${names(p)}:${p.resourceVersion}:${p.last}`),
    }).pipe(toArray()),
  );
  assertEquals(seen, ["0:a,b:100:false", "1:c:100:false", "2:d:100:true"]);
  assertEquals(kube.listCalls.map((c) => [c.limit, c.continue]), [
    [2, undefined],
    [2, "t1"],
    [2, "t2"],
  ]);
});

Deno.test("listPages$() prefetches one page but hands it over only after the previous handler completed", async () => {
  const responses = [new Subject<KubeList>(), new Subject<KubeList>(), new Subject<KubeList>()];
  const kube = fakeKube(responses.map((s) => s.asObservable()));
  const written: string[] = [];
  const handlers: Subject<string>[] = [];
  const done = lastValueFrom(
    listPages$(kube, VM_REF, {
      handle: (p) => {
        const h = new Subject<string>();
        handlers.push(h);
        written.push(`handling ${names(p)}`);
        return h;
      },
    }).pipe(toArray()),
  );
  responses[0].next(kubeList([vm("a", "1")], "9", "t1"));
  responses[0].complete();
  // Page 1 is being handled and page 2 already requested; page 3 is not.
  assertEquals([written, kube.listCalls.length], [["handling a"], 2]);
  responses[1].next(kubeList([vm("b", "2")], "9", "t2"));
  responses[1].complete();
  // Page 2 arrived, but waits until the first page's handler is done.
  assertEquals([written, kube.listCalls.length], [["handling a"], 2]);
  handlers[0].next("a written");
  handlers[0].complete();
  // The first page was written before the last page was requested.
  assertEquals([written, kube.listCalls.length], [["handling a", "handling b"], 3]);
  responses[2].next(kubeList([vm("c", "3")], "9"));
  responses[2].complete();
  handlers[1].complete();
  handlers[2].next("c written");
  handlers[2].complete();
  assertEquals(await done, ["a written", "c written"]);
});

Deno.test("listPages$() fails on an expired continue token instead of printing pages twice", async () => {
  const expired = { status: 410, reason: "Expired", message: "too old" };
  const kube = fakeKube([
    of(kubeList([vm("a", "1")], "100", "t1")),
    throwError(() => expired),
    of(kubeList([vm("a", "1")], "200")),
  ]);
  const handled: string[] = [];
  await rejects(
    lastValueFrom(listPages$(kube, VM_REF, { handle: (p) => of(handled.push(names(p))) })),
    { reason: "Expired" },
  );
  assertEquals(handled, ["a"]);
  assertEquals(kube.listCalls.length, 2);
});

Deno.test("listPages$() stops requesting pages once the consumer unsubscribes (closed stdout)", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1")], "100", "t1")),
    of(kubeList([vm("b", "2")], "100", "t2")),
    of(kubeList([vm("c", "3")], "100")),
  ]);
  const first = await lastValueFrom(
    listPages$(kube, VM_REF, { handle: (p) => of(names(p)) }).pipe(take(1)),
  );
  assertEquals(first, "a");
  // The second page was prefetched; nothing after it.
  assertEquals(kube.listCalls.length, 2);
});

Deno.test("listPages$() rejects a negative chunk size before sending anything", async () => {
  const kube = fakeKube([]);
  await rejects(
    lastValueFrom(listPages$(kube, VM_REF, { chunkSize: -1, handle: () => of(1) })),
    { name: "RangeError" },
  );
  assertEquals(kube.listCalls.length, 0);
});

Deno.test("listPages$() runs betweenPages after every second page while more pages follow", async () => {
  const kube = fakeKube([
    of(kubeList([vm("a", "1")], "100", "t1")),
    of(kubeList([vm("b", "2")], "100", "t2")),
    of(kubeList([vm("c", "3")], "100", "t3")),
    of(kubeList([vm("d", "4")], "100", "t4")),
    of(kubeList([vm("e", "5")], "100")),
  ]);
  const trace: string[] = [];
  await lastValueFrom(
    listPages$(kube, VM_REF, {
      handle: (p) => of(trace.push(names(p))),
      betweenPages: () => trace.push("collect"),
    }).pipe(toArray()),
  );
  assertEquals(trace, ["a", "b", "collect", "c", "d", "collect", "e"]);
});
