import { equal } from "node:assert/strict";
import { describeView } from "../core/describe/mod.ts";
import { renderDescribeText } from "./describe_text.ts";
import { events, NOW, related, vm } from "./testdata/describe_fixtures.ts";
import { assertGolden } from "./testdata/golden.ts";

const ns = "prod";

Deno.test("describe of a VM with operations, snapshots and events matches its golden file", async () => {
  const view = describeView({
    object: vm,
    related,
    events,
  });
  await assertGolden("describe_vm.txt", renderDescribeText(view, NOW));
});

Deno.test("renderDescribeText() escapes control characters in cluster text", () => {
  const view = describeView({
    object: { metadata: { name: "x", namespace: ns, labels: { a: "b\x1b[2J" } } },
    related: [],
    events: undefined,
  });
  const text = renderDescribeText(view, NOW);
  equal(text.includes("\x1b"), false);
  equal(text.split("\n")[2], "Labels:       a=b^[[2J");
});

Deno.test("renderDescribeText() leaves the Events section out without an events API", () => {
  const object = { metadata: { name: "x", namespace: ns } };
  const without = renderDescribeText(describeView({ object, related: [], events: undefined }), NOW);
  equal(without.includes("Events:"), false);
  const empty = renderDescribeText(describeView({ object, related: [], events: [] }), NOW);
  equal(empty.trimEnd().split("\n").at(-1), "Events:       <none>");
});
