import { deepStrictEqual } from "node:assert/strict";
import { kindByNoun } from "./kinds.ts";
import { progressOf } from "./progress.ts";

Deno.test("progressOf() reads backup percentage, current phase and error", () => {
  const bj = kindByNoun("backup");
  deepStrictEqual(
    progressOf(bj, {
      status: { phase: "Running", progress: { percentage: 42.5, currentPhase: "exporting" } },
    }),
    { phase: "Running", percent: 42.5, message: "exporting" },
  );
  deepStrictEqual(
    progressOf(bj, { status: { phase: "Failed", error: "bucket missing" } }),
    { phase: "Failed", message: "bucket missing" },
  );
});

Deno.test("progressOf() clamps and tolerates odd shapes", () => {
  const op = kindByNoun("op");
  deepStrictEqual(progressOf(op, { status: { phase: "Running", progress: 140 } }), {
    phase: "Running",
    percent: 100,
  });
  deepStrictEqual(progressOf(op, { status: "garbage" }), {});
  deepStrictEqual(progressOf(op, undefined), {});
  deepStrictEqual(progressOf(op, { status: { progress: "60" } }), { percent: 60 });
});

Deno.test("progressOf() says a snapshot is ready with its size", () => {
  deepStrictEqual(
    progressOf(kindByNoun("snapshot"), {
      status: { phase: "Ready", readyToRestore: true, size: "8.2Gi" },
    }),
    { phase: "Ready", message: "ready to restore, 8.2Gi" },
  );
});
