import { deepStrictEqual as assertEquals, ok } from "node:assert/strict";
import { firstValueFrom, lastValueFrom, take, toArray } from "../rx.ts";
import type { KubeList, KubeObject, WatchEvent } from "../core/types.ts";
import type { KubeApi, WatchStream } from "./api.ts";
import { rxKube, toRxKube } from "./_rx_kube.ts";
import { fakeKube, kubeList, vm, VM_REF } from "../testing/fake_kube.ts";

/** A WatchStream fed by `push`; ends on `end()` or `close()`. */
function scriptedStream() {
  const queue: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let closes = 0;
  const stream: WatchStream = {
    async *[Symbol.asyncIterator]() {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    close() {
      closes += 1;
      ended = true;
      wake?.();
    },
  };
  return {
    stream,
    push(e: WatchEvent) {
      queue.push(e);
      wake?.();
    },
    end() {
      ended = true;
      wake?.();
    },
    get closes() {
      return closes;
    },
  };
}

function fakeApi(overrides: Partial<KubeApi>): KubeApi {
  const unused = () => Promise.reject(new Error("not used"));
  return {
    server: "https://127.0.0.1:1",
    list: unused,
    get: unused,
    create: unused,
    replace: unused,
    patch: unused,
    delete: unused,
    watch: unused,
    getRaw: unused,
    ...overrides,
  } as KubeApi;
}

Deno.test("rxKube() closes the WatchStream when the subscriber unsubscribes", async () => {
  const script = scriptedStream();
  const api = fakeApi({ watch: () => Promise.resolve(script.stream) });
  const first = firstValueFrom(rxKube(api).watch$(VM_REF, { resourceVersion: "1" }));
  script.push({ type: "ADDED", object: vm("a", "2") });
  assertEquals(await first, { type: "ADDED", object: vm("a", "2") });
  assertEquals(script.closes, 1);
});

Deno.test("rxKube() completes the watch on a normal server close", async () => {
  const script = scriptedStream();
  const api = fakeApi({ watch: () => Promise.resolve(script.stream) });
  const all = lastValueFrom(rxKube(api).watch$(VM_REF, {}).pipe(toArray()));
  script.push({ type: "ADDED", object: vm("a", "2") });
  script.push({ type: "BOOKMARK", object: { metadata: { resourceVersion: "9" } } });
  script.end();
  assertEquals((await all).map((e) => e.type), ["ADDED", "BOOKMARK"]);
});

Deno.test("rxKube() makes a fresh request per subscription and aborts a list on unsubscribe", async () => {
  let calls = 0;
  let aborted = 0;
  const api = fakeApi({
    list: (_ref, _options, signal) => {
      calls += 1;
      signal?.addEventListener("abort", () => (aborted += 1));
      return calls === 1
        ? Promise.resolve(kubeList([vm("a", "1")], "5"))
        : new Promise<KubeList>(() => {});
    },
  });
  const list$ = rxKube(api).list$(VM_REF, {});
  assertEquals((await firstValueFrom(list$)).metadata?.resourceVersion, "5");
  const pending = list$.subscribe();
  pending.unsubscribe();
  assertEquals(calls, 2);
  ok(aborted >= 1);
});

Deno.test("rxKube() closes a stream that opens after the subscriber left", async () => {
  const script = scriptedStream();
  let open!: (s: WatchStream) => void;
  const api = fakeApi({ watch: () => new Promise<WatchStream>((resolve) => (open = resolve)) });
  const sub = rxKube(api).watch$(VM_REF, {}).subscribe();
  sub.unsubscribe();
  open(script.stream);
  await new Promise((r) => setTimeout(r, 0));
  assertEquals(script.closes, 1);
});

Deno.test("toRxKube() keeps an RxKube as it is", async () => {
  const kube = fakeKube([]);
  assertEquals(toRxKube(kube), kube);
  const objects: KubeObject[] = [];
  const api = fakeApi({ list: () => Promise.resolve(kubeList(objects, "1")) });
  const items = await lastValueFrom(toRxKube(api).list$(VM_REF, {}).pipe(take(1)));
  assertEquals(items.items, []);
});
