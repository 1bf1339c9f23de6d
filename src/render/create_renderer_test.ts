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
