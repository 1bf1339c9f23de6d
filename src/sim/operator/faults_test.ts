import assert from "node:assert/strict";
import { faultFor } from "./faults.ts";
import { obj } from "../../testing/memory_cluster.ts";

Deno.test("faultFor() reads the annotation first, then the first matching rule", () => {
  const op = obj("VMOperation", "op", { operation: "clone" }, undefined, {
    labels: { team: "qa" },
  });
  assert.equal(faultFor(op, "VMOperation", []), undefined);
  assert.deepEqual(
    faultFor(op, "VMOperation", [{ effect: "hang", operation: "migrate" }, {
      effect: "fail",
      labels: { team: "qa" },
      message: "disk full",
    }]),
    {
      effect: "fail",
      message: "disk full",
    },
  );
  assert.equal(faultFor(op, "VMOperation", [{ effect: "fail", kind: "BackupJob" }]), undefined);
  const annotated = obj("VMOperation", "op", {}, undefined, {
    annotations: { "sim.hypersdk.io/fault": "Hang" },
  });
  assert.deepEqual(faultFor(annotated, "VMOperation", [{ effect: "fail" }]), {
    effect: "hang",
    message: "injected fault",
  });
  const unknown = obj("VMOperation", "op", {}, undefined, {
    annotations: { "sim.hypersdk.io/fault": "explode" },
  });
  assert.equal(faultFor(unknown, "VMOperation", []), undefined, "unknown values are ignored");
});
