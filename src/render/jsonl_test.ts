import { deepEqual, equal } from "node:assert/strict";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { fleet, NOW } from "./testdata/fixtures.ts";

const opts = { kind: kindByNoun("vm"), nowMs: () => NOW, watch: true };

Deno.test("json under watch prints one compact line per event, initial items as ADDED", async () => {
  const r = await createRenderer("json", opts);
  const items = fleet().slice(0, 3);
  let out = r.list(items);
  out += r.event({ type: "MODIFIED", object: items[0] }, NOW);
  out += r.event({ type: "DELETED", object: items[1] }, NOW);
  const lines = out.trimEnd().split("\n");
  equal(lines.length, 5);
  const events = lines.map((l) => JSON.parse(l));
  deepEqual(events.map((e) => e.type), ["ADDED", "ADDED", "ADDED", "MODIFIED", "DELETED"]);
  deepEqual(Object.keys(events[0]), ["type", "object"]);
  equal(events[3].object.metadata.name, "vm-00-with-a-longer-name");
  equal("managedFields" in events[3].object.metadata, false);
});

Deno.test("json lines carry the context field when clusters are merged", async () => {
  const r = await createRenderer("json", { ...opts, showContext: true });
  const line = r.event({ type: "ADDED", object: { kind: "VM" }, context: "east" }, NOW);
  equal(line, '{"type":"ADDED","context":"east","object":{"kind":"VM"}}\n');
  const listed = r.list([{ kind: "A" }], ["west"]);
  equal(JSON.parse(listed).context, "west");
});

Deno.test("json lines stay one line per event even with newlines in values", async () => {
  const r = await createRenderer("json", opts);
  const out = r.event({ type: "ADDED", object: { metadata: { name: "a\nb\u2028c" } } }, NOW);
  equal(out.split("\n").length, 2);
  equal(JSON.parse(out).object.metadata.name, "a\nb\u2028c");
});
