/**
 * What `hyperctl wait --for …` waits for, as data, and a pure verdict on "the object, or gone".
 *
 * Besides "met" the verdict knows when the wanted state can no longer come — an operation that
 * ended in another final phase, a condition on a job that failed — so the wait stops early
 * (exit 4) where kubectl's would sit out its whole timeout. It claims that only where the state
 * provably cannot change: anyone may still edit a label or the spec, and a Failed VM can go back
 * to Pending (a fixed spec, a high-availability restart), so those are waited on.
 * @module
 */

import { InputError } from "./input_error.ts";
import type { KindInfo } from "./kinds.ts";
import { finalPhases, normalizePhase, type WaitOutcome, waitOutcome } from "./phases.ts";
import { getNumber, isRecord, type KubeObject, phaseOf } from "./types.ts";
import { type JsonPathWait, judgeJsonPathWait, parseJsonPathWait } from "./wait_jsonpath.ts";

/** One `--for` value, parsed. */
export type WaitCondition =
  | { type: "phase"; phases: readonly string[] }
  | { type: "condition"; name: string; value: string }
  | { type: "delete" }
  | { type: "create" }
  | ({ type: "jsonpath" } & JsonPathWait);

const USAGE =
  "use phase=P[,P2], condition=C[=True|False], create, delete or jsonpath='{.path}'[=VALUE]";

/**
 * Parse `--for`: `phase=Running[,Stopped]`, `condition=Ready[=False]`, `create`, `delete`,
 * `jsonpath='{.status.phase}'=Running` (without a value: the path has a value), the latter as
 * kubectl reads it (see wait_jsonpath.ts).
 *
 * @throws SyntaxError with the accepted forms, or the valid phases with a did-you-mean
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { parseWaitCondition } from "./wait_condition.ts";
 * deepEqual(parseWaitCondition(kindByNoun("vm"), "phase=running"), { type: "phase", phases: ["Running"] });
 * deepEqual(parseWaitCondition(kindByNoun("vm"), "condition=Ready"), { type: "condition", name: "Ready", value: "True" });
 * ```
 */
export function parseWaitCondition(kind: KindInfo, text: string): WaitCondition {
  if (text === "delete" || text === "create") return { type: text };
  const eq = text.indexOf("=");
  const [key, rest] = eq < 0 ? [text, ""] : [text.slice(0, eq), text.slice(eq + 1)];
  switch (key) {
    case "phase": {
      const phases = rest.split(",").filter((p) => p.trim() !== "");
      if (phases.length === 0) throw new InputError(`--for phase= needs a phase; ${USAGE}`);
      return { type: "phase", phases: phases.map((p) => normalizePhase(kind, p)) };
    }
    case "condition": {
      const at = rest.indexOf("=");
      const name = at < 0 ? rest : rest.slice(0, at);
      const value = at < 0 ? "True" : rest.slice(at + 1);
      if (name === "" || value === "") {
        throw new InputError(`--for "${text}" needs a condition name; ${USAGE}`);
      }
      return { type: "condition", name, value };
    }
    case "jsonpath":
      return { type: "jsonpath", ...parseJsonPathWait(rest) };
    default:
      throw new InputError(`unrecognized --for "${text}": ${USAGE}`);
  }
}

/**
 * The `--for` text of a condition, for messages and resume hints.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { conditionText } from "./wait_condition.ts";
 * equal(conditionText({ type: "phase", phases: ["Running", "Stopped"] }), "phase=Running,Stopped");
 * ```
 */
export function conditionText(cond: WaitCondition): string {
  switch (cond.type) {
    case "phase":
      return `phase=${cond.phases.join(",")}`;
    case "condition":
      return `condition=${cond.name}=${cond.value}`;
    case "delete":
    case "create":
      return cond.type;
    case "jsonpath":
      return `jsonpath=${cond.expression}${cond.value === undefined ? "" : `=${cond.value}`}`;
  }
}

/**
 * Judge one state of the awaited object: met ("succeeded"), cannot be met any more ("failed"),
 * missing ("gone"; for `delete` that is the goal), or not yet ("pending").
 *
 * @param obj the latest object, or undefined when it does not exist
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { waitVerdict } from "./wait_condition.ts";
 * const running = { type: "phase", phases: ["Running"] } as const;
 * equal(waitVerdict(kindByNoun("vm"), running, { status: { phase: "Running" } }), "succeeded");
 * // A Failed VM can still be restarted or fixed: not hopeless.
 * equal(waitVerdict(kindByNoun("vm"), running, { status: { phase: "Failed" } }), "pending");
 * const done = { type: "phase", phases: ["Succeeded"] } as const;
 * equal(waitVerdict(kindByNoun("op"), done, { status: { phase: "Failed" } }), "failed");
 * equal(waitVerdict(kindByNoun("vm"), { type: "delete" }, undefined), "succeeded");
 * ```
 */
export function waitVerdict(
  kind: KindInfo,
  cond: WaitCondition,
  obj: KubeObject | undefined,
): WaitOutcome {
  if (cond.type === "delete") return obj === undefined ? "succeeded" : "pending";
  if (cond.type === "create") return obj === undefined ? "pending" : "succeeded";
  if (obj === undefined) return "gone";
  if (isMet(cond, obj)) return "succeeded";
  return whyNever(kind, cond, obj) === undefined ? "pending" : "failed";
}

/**
 * Why `cond` can no longer be met on `obj`, or undefined while it still can: a phase wait on an
 * object in a phase it never leaves, a condition on a job that failed, a jsonpath that can never
 * compare (several values, a map or list). Nothing else is known to be stuck.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "./kinds.ts";
 * import { whyNever } from "./wait_condition.ts";
 * const op = { status: { phase: "Failed", message: "disk full" } };
 * equal(whyNever(kindByNoun("op"), { type: "condition", name: "Done", value: "True" }, op), "it is Failed: disk full");
 * ```
 */
export function whyNever(kind: KindInfo, cond: WaitCondition, obj: KubeObject): string | undefined {
  const phase = phaseOf(obj);
  const message = isRecord(obj.status) && typeof obj.status.message === "string"
    ? `: ${obj.status.message}`
    : "";
  switch (cond.type) {
    case "phase": {
      const here = finalPhases(kind).find((p) => p.toLowerCase() === phase?.toLowerCase());
      return here ? `it is ${here}${message}, which it does not leave` : undefined;
    }
    case "condition":
      // Conditions are the operator's, and it is done with a job that failed.
      return waitOutcome(kind, obj) === "failed" ? `it is ${phase}${message}` : undefined;
    case "jsonpath": {
      // Any field may still be edited; only a path that can never compare is hopeless.
      const judged = judgeJsonPathWait(cond, obj);
      return typeof judged === "object" ? `${cond.expression}: ${judged.never}` : undefined;
    }
    default:
      return undefined;
  }
}

function isMet(cond: WaitCondition, obj: KubeObject): boolean {
  switch (cond.type) {
    case "phase":
      return cond.phases.some((p) => p.toLowerCase() === phaseOf(obj)?.toLowerCase());
    case "condition":
      return conditionMet(obj, cond.name, cond.value);
    case "jsonpath":
      return judgeJsonPathWait(cond, obj) === "met";
    case "delete":
    case "create":
      return false;
  }
}

/**
 * kubectl's rule: names and values compare case-insensitively, and a condition written for an
 * older generation of the spec does not count.
 */
function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const list = isRecord(obj.status) && Array.isArray(obj.status.conditions)
    ? obj.status.conditions.filter(isRecord)
    : [];
  const c = list.find((x) =>
    typeof x.type === "string" && x.type.toLowerCase() === name.toLowerCase()
  );
  if (!c || typeof c.status !== "string" || c.status.toLowerCase() !== value.toLowerCase()) {
    return false;
  }
  const generation = getNumber(obj, ["metadata", "generation"]);
  const observed = typeof c.observedGeneration === "number"
    ? c.observedGeneration
    : getNumber(obj, ["status", "observedGeneration"]);
  return generation === undefined || observed === undefined || observed >= generation;
}
