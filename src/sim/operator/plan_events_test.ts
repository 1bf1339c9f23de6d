import { deepEqual } from "node:assert/strict";
import type { KubeObject } from "../../core/types.ts";
import type { Action, EventNote, Plan } from "./plan.ts";
import { planWithEvents } from "./plan_events.ts";

const op: KubeObject = {
  metadata: { name: "web-1-snapshot-x", namespace: "dev", uid: "u1" },
  spec: { operation: "snapshot" },
  status: { phase: "Running", progress: 10, message: "Starting snapshot operation" },
};
const ref = { kind: "VMOperation" as const, namespace: "dev", name: "web-1-snapshot-x" };

const events = (plan: Plan): Omit<EventNote, "regarding">[] =>
  plan.actions.flatMap((a) =>
    a.type === "recordEvent"
      ? [{ type: a.event.type, reason: a.event.reason, note: a.event.note }]
      : []
  );

Deno.test("planWithEvents() announces a progress step as Progressing with its percentage", () => {
  const plan = planWithEvents("VMOperation", op, {
    actions: [{
      type: "patchStatus",
      ref,
      status: { progress: 30, message: "Creating snapshot..." },
    }],
  });
  deepEqual(events(plan), [
    { type: "Normal", reason: "Progressing", note: "Creating snapshot... (30%)" },
  ]);
});

Deno.test("planWithEvents() reports what a step created, right after the create", () => {
  const snapshot = { metadata: { name: "s1", namespace: "dev" } };
  const done: Action = {
    type: "patchStatus",
    ref,
    status: {
      phase: "Succeeded",
      progress: 100,
      message: "snapshot operation completed successfully",
    },
  };
  const plan = planWithEvents("VMOperation", op, {
    actions: [{ type: "create", kind: "VMSnapshot", object: snapshot }, done],
  });
  deepEqual(plan.actions.map((a) => a.type), [
    "create",
    "recordEvent",
    "patchStatus",
    "recordEvent",
  ]);
  deepEqual(events(plan), [
    { type: "Normal", reason: "Created", note: "Created VMSnapshot dev/s1" },
    { type: "Normal", reason: "Succeeded", note: "snapshot operation completed successfully" },
  ]);
});

Deno.test("planWithEvents() makes a failure a Warning with the error, also on the fail path", () => {
  const plan = planWithEvents("VMOperation", op, {
    actions: [],
    fail: (message) => [{ type: "patchStatus", ref, status: { phase: "Failed", error: message } }],
  });
  deepEqual(events({ actions: plan.fail!("disk full") }), [
    { type: "Warning", reason: "Failed", note: "disk full" },
  ]);
});

Deno.test("planWithEvents() stays quiet for writes that change no phase or progress", () => {
  const plan = planWithEvents("VMOperation", op, {
    actions: [
      { type: "patchStatus", ref, status: { phase: "Running", message: "still" } },
      {
        type: "patchSpec",
        ref: { kind: "VirtualMachine", namespace: "dev", name: "web-1" },
        patch: {},
      },
    ],
  });
  deepEqual(events(plan), []);
});

Deno.test("planWithEvents() names the object and its uid as what the event regards", () => {
  const plan = planWithEvents("VMOperation", op, {
    actions: [{ type: "patchStatus", ref, status: { phase: "Cancelled" } }],
  });
  const ev = plan.actions[1];
  deepEqual(ev.type === "recordEvent" ? ev.event : undefined, {
    regarding: { kind: "VMOperation", namespace: "dev", name: "web-1-snapshot-x", uid: "u1" },
    type: "Warning",
    reason: "Cancelled",
    note: "VMOperation is Cancelled",
  });
});
