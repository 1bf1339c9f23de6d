import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import { kindByName, KINDS } from "./kinds.ts";
import { isWaitable, normalizePhase, terminalPhases, waitOutcome } from "./phases.ts";

const vm = kindByName("vm")!;
const phase = (p: unknown, extra: Record<string, unknown> = {}) => ({
  status: { phase: p, ...extra },
});

Deno.test("waitOutcome() classifies every terminal phase as the exit-code table says", () => {
  const cases: [string, unknown, WaitOutcomeish][] = [
    ["VMOperation", phase("Pending"), "pending"],
    ["VMOperation", phase("Running"), "pending"],
    ["VMOperation", phase("Succeeded"), "succeeded"],
    ["VMOperation", phase("succeeded"), "succeeded"],
    ["VMOperation", phase("Failed"), "failed"],
    ["VMOperation", phase("Cancelled"), "failed"],
    ["op", phase("Succeeded"), "succeeded"],
    ["VMSnapshot", phase("Creating"), "pending"],
    ["VMSnapshot", phase("Ready"), "pending"],
    ["VMSnapshot", phase("Ready", { readyToRestore: false }), "pending"],
    ["VMSnapshot", phase("Ready", { readyToRestore: "true" }), "pending"],
    ["VMSnapshot", phase("Ready", { readyToRestore: true }), "succeeded"],
    ["VMSnapshot", phase("Failed"), "failed"],
    ["VMSnapshot", phase("Expired"), "failed"],
    ["BackupJob", phase("Running"), "pending"],
    ["BackupJob", phase("Completed"), "succeeded"],
    ["BackupJob", phase("Failed"), "failed"],
    ["BackupJob", phase("Cancelled"), "failed"],
    ["RestoreJob", phase("Completed"), "succeeded"],
    ["RestoreJob", phase("Cancelled"), "failed"],
    ["VMOperation", {}, "pending"],
    ["VMOperation", { status: "garbage" }, "pending"],
    ["VMOperation", phase(42), "pending"],
    ["VMOperation", phase("Exploded"), "pending"],
    ["VirtualMachine", phase("Failed"), "pending"],
    ["nonsense", phase("Failed"), "pending"],
  ];
  for (const [kind, obj, want] of cases) {
    assert.equal(waitOutcome(kind, obj as never), want, `${kind} ${JSON.stringify(obj)}`);
  }
  for (const k of KINDS) assert.equal(waitOutcome(k, undefined), "gone");
});
type WaitOutcomeish = "pending" | "succeeded" | "failed" | "gone";

Deno.test("terminalPhases() and isWaitable() per kind", () => {
  assert.deepEqual(terminalPhases("VMSnapshot"), ["Ready", "Failed", "Expired"]);
  assert.deepEqual(terminalPhases("backup"), ["Completed", "Failed", "Cancelled"]);
  assert.deepEqual(
    KINDS.filter(isWaitable).map((k) => k.kind),
    ["VMOperation", "VMSnapshot", "BackupJob", "RestoreJob"],
  );
  for (const k of KINDS) {
    for (const p of terminalPhases(k)) assert.ok(k.phases.includes(p), `${k.kind} ${p}`);
  }
});

Deno.test("normalizePhase() is case-insensitive and suggests close typos", () => {
  assert.equal(normalizePhase(vm, "running"), "Running");
  assert.equal(normalizePhase(vm, " PAUSED "), "Paused");
  assert.equal(normalizePhase(kindByName("op")!, "cancelled"), "Cancelled");
  const valid = "Pending, Creating, Running, Stopped, Migrating, Paused, Failed, Unknown";
  const cases: [string, string][] = [
    ["runing", `invalid status "runing" for vm (did you mean "Running"?); valid: ${valid}`],
    ["stoped", `invalid status "stoped" for vm (did you mean "Stopped"?); valid: ${valid}`],
    ["migr", `invalid status "migr" for vm (did you mean "Migrating"?); valid: ${valid}`],
    ["banana", `invalid status "banana" for vm; valid: ${valid}`],
    ["", `invalid status "" for vm; valid: ${valid}`],
  ];
  for (const [input, message] of cases) {
    assertThrowsWith(() => normalizePhase(vm, input), InputError, message);
  }
  assertThrowsWith(
    () => normalizePhase(kindByName("template")!, "Ready"),
    InputError,
    `invalid status "Ready": template has no phases`,
  );
  assertThrowsWith(
    () => normalizePhase(kindByName("op")!, "Stopped"),
    InputError,
    `invalid status "Stopped" for op; valid: Pending, Running, Succeeded, Failed, Cancelled`,
  );
});
