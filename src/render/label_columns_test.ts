import { equal } from "node:assert/strict";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";

const OP = kindByNoun("op");
const op = (name: string, labels?: Record<string, string>) => ({
  metadata: { name, labels, creationTimestamp: "2026-01-01T00:00:00Z" },
  spec: { vmRef: { name: "web-1" }, operation: "Start" },
});

Deno.test("-L, --show-labels and --show-kind decorate the table as kubectl does", async () => {
  const r = await createRenderer("table", {
    kind: OP,
    nowMs: () => Date.parse("2026-01-01T00:01:00Z"),
    print: { labelColumns: ["hypersdk.io/tier", "env"], showLabels: true, showKind: true },
  });
  const lines = r.list([op("a", { "hypersdk.io/tier": "web", env: "prod" }), op("b")]).split("\n");
  equal(lines[0].replace(/ +/g, " "), "NAME VM OPERATION STATUS PROGRESS AGE TIER ENV LABELS");
  equal(
    lines[1].replace(/ +/g, " "),
    "vmoperation.hypersdk.io/a web-1 Start 60s web prod env=prod,hypersdk.io/tier=web",
  );
  equal(
    lines[2].replace(/ +/g, " "),
    "vmoperation.hypersdk.io/b web-1 Start 60s <none>",
  );
});
