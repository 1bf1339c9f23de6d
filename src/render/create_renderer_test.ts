import { equal } from "node:assert/strict";
import { kindByNoun, KINDS } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { allowedFormats, isOutputFormat } from "./renderer.ts";
import { fleet, NOW } from "./testdata/fixtures.ts";

Deno.test("allowedFormats() lists exactly the formats createRenderer() accepts", async () => {
  for (const format of allowedFormats()) {
    equal(isOutputFormat(format), true);
    const r = await createRenderer(format, { kind: kindByNoun("vm"), nowMs: () => NOW });
    equal(typeof r.list(fleet().slice(0, 2)), "string");
  }
  equal(isOutputFormat("jsonpath"), false);
});

Deno.test("createRenderer() drops managedFields from every format", async () => {
  for (const format of allowedFormats()) {
    for (const watch of [false, true]) {
      const r = await createRenderer(format, { kind: kindByNoun("vm"), nowMs: () => NOW, watch });
      const out = r.list(fleet()) + r.event({ type: "MODIFIED", object: fleet()[0] }, NOW);
      equal(out.includes("managedFields"), false, `${format} watch=${watch}`);
    }
  }
});

Deno.test("createRenderer() renders every kind without throwing on odd shapes", async () => {
  const odd = [{}, { metadata: null }, { metadata: { name: 5 }, status: "x", spec: [] }];
  for (const kind of KINDS) {
    for (const format of allowedFormats()) {
      const r = await createRenderer(format, { kind, nowMs: () => NOW });
      // deno-lint-ignore no-explicit-any
      r.list(odd as any);
    }
  }
});

Deno.test("createRenderer() keeps managedFields in json and yaml with --show-managed-fields", async () => {
  const obj = { metadata: { name: "a", managedFields: [{ manager: "m" }] } };
  for (const format of ["json", "yaml"] as const) {
    const r = await createRenderer(format, {
      kind: kindByNoun("vm"),
      nowMs: () => NOW,
      print: { showManagedFields: true },
    });
    equal(r.single(obj).includes("manager"), true, format);
  }
});

Deno.test("createRenderer() prints {object, type} per yaml watch event with --output-watch-events", async () => {
  const r = await createRenderer("yaml", {
    kind: kindByNoun("vm"),
    nowMs: () => NOW,
    watch: true,
    print: { watchEvents: true },
  });
  equal(r.list([{ kind: "VirtualMachine" }]), "object:\n  kind: VirtualMachine\ntype: ADDED\n");
  equal(
    r.event({ type: "DELETED", object: { kind: "VirtualMachine" } }, NOW),
    "---\nobject:\n  kind: VirtualMachine\ntype: DELETED\n",
  );
});
