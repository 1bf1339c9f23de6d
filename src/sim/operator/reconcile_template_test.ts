import assert from "node:assert/strict";
import { MemoryCluster, obj, vm } from "../../testing/memory_cluster.ts";
import { reconcileTemplate } from "./reconcile_template.ts";

Deno.test("reconcileTemplate() marks a valid template ready once, then writes nothing", () => {
  const t = obj("VMTemplate", "ubuntu", {
    displayName: "Ubuntu",
    image: { source: "https://x/u.qcow2" },
  });
  const user = vm("web", { cpus: 1, memory: "1Gi", image: { templateRef: { name: "ubuntu" } } });
  const c = new MemoryCluster([t, user]);
  c.step("VMTemplate", "ubuntu", reconcileTemplate);
  const s = c.get("VMTemplate", "ubuntu")?.status as Record<string, unknown>;
  assert.equal(s.ready, true);
  assert.equal(s.size, "2.3Gi");
  assert.equal(s.usageCount, 1);
  assert.equal(s.lastUpdated, "2026-01-01T00:00:00Z");
  assert.deepEqual(
    (s.conditions as { type: string; reason: string }[]).map((x) => [x.type, x.reason]),
    [
      ["Valid", "ValidationPassed"],
      ["Ready", "TemplateReady"],
    ],
  );
  assert.deepEqual(c.step("VMTemplate", "ubuntu", reconcileTemplate).actions, []);
});

Deno.test("reconcileTemplate() reports an invalid template", () => {
  const c = new MemoryCluster([obj("VMTemplate", "bad", { displayName: "Bad", image: {} })]);
  c.step("VMTemplate", "bad", reconcileTemplate);
  const s = c.get("VMTemplate", "bad")?.status as Record<string, unknown>;
  assert.equal(s.ready, false);
  assert.equal((s.conditions as { message: string }[])[0].message, "image.source is required");
});
