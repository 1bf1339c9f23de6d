import assert from "node:assert/strict";
import { kindsOf, resourceArgs, type ResourceRequest, resourceRequest } from "./resource_words.ts";

/** Assert `fn` throws a message matching `re` (assert.throws would also match the error's name). */
function throwsMatching(fn: () => unknown, re: RegExp, what?: string): void {
  assert.throws(fn, (e: Error) => re.test(e.message), what);
}

/** A request as words: `list vm op` or `get vm/a op/b`. */
function show(request: ResourceRequest): string {
  return request.form === "collections"
    ? `list ${request.kinds.map((k) => k.noun).join(" ")}`
    : `get ${request.refs.map((r) => `${r.kind.noun}/${r.name}`).join(" ")}`;
}

Deno.test("resourceRequest() reads every form kubectl's get takes, in kubectl's order", () => {
  const cases: [string[], string][] = [
    [["vm"], "list vm"],
    [["vm,vmop"], "list vm op"],
    [["vmsnapshots.hypersdk.io,BJ,rj"], "list snapshot backup restore"],
    // A kind named twice is listed once, as kubectl lists it.
    [["vm,vmop,vms,virtualmachine.v1alpha1.hypersdk.io"], "list vm op"],
    [["vm", "a", "b"], "get vm/a vm/b"],
    // Each name of each kind, kind by kind; asked twice when named twice, as kubectl asks.
    [["vm,vmop", "a", "b"], "get vm/a vm/b op/a op/b"],
    [["vm,vms", "a"], "get vm/a vm/a"],
    [["vm/a", "vmop/b", "virtualmachine.hypersdk.io/c"], "get vm/a op/b vm/c"],
  ];
  for (const [words, want] of cases) {
    assert.equal(show(resourceRequest(words)), want, words.join(" "));
  }
});

Deno.test("resourceRequest() refuses unknown kinds and mixed forms", () => {
  const cases: [string[], RegExp][] = [
    [["vm,pods"], /^unknown resource type "pods": HyperSDK kinds are virtualmachines/],
    [["vm,"], /^unknown resource type "": /],
    [[",vm"], /^unknown resource type "": /],
    [["vm/a", "b"], /^"b" has no type/],
    [["vm/a", "pods/b"], /^unknown resource type in "pods\/b"/],
    [["vm,vmop/a"], /^unknown resource type in "vm,vmop\/a"/],
    [["vm,vmop", "vm/a"], /no need to specify a resource type as a separate argument/],
  ];
  for (const [words, re] of cases) {
    throwsMatching(() => resourceRequest(words), re, words.join(" "));
  }
});

Deno.test("kindsOf() gives the distinct kinds of a request, in order", () => {
  assert.deepEqual(kindsOf(resourceRequest(["vm/a", "bj/b", "vm/c"])).map((k) => k.noun), [
    "vm",
    "backup",
  ]);
  assert.deepEqual(kindsOf(resourceRequest(["vm,vms", "a"])).map((k) => k.noun), ["vm"]);
});

Deno.test("resourceArgs() still takes one kind only, for delete, describe and wait", () => {
  assert.deepEqual(resourceArgs(["vm/a", "vm/b"]).names, ["a", "b"]);
  throwsMatching(() => resourceArgs(["vm,vmop"]), /^one kind at a time: got "vm,vmop"$/);
  throwsMatching(() => resourceArgs(["vm/a", "vmop/b"]), /^one kind at a time: got vm and op$/);
  throwsMatching(() => resourceArgs(["vm", "vm/a"]), /no need to specify a resource type/);
});
