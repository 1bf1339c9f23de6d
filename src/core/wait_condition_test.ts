import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import { kindByNoun } from "./kinds.ts";
import type { KubeObject } from "./types.ts";
import { conditionText, parseWaitCondition, waitVerdict } from "./wait_condition.ts";

const VM = kindByNoun("vm");
const OP = kindByNoun("op");
const SNAPSHOT = kindByNoun("snapshot");

Deno.test("parseWaitCondition() reads kubectl's --for forms and hyperctl's phase=", () => {
  const cases: [string, string][] = [
    ["phase=running,STOPPED", "phase=Running,Stopped"],
    ["condition=Ready", "condition=Ready=True"],
    ["condition=ready=false", "condition=ready=false"],
    ["delete", "delete"],
    ["create", "create"],
    ["jsonpath={.status.phase}=Running", "jsonpath={.status.phase}=Running"],
    ["jsonpath={.status.phase}", "jsonpath={.status.phase}"],
    ["jsonpath=.spec.running=true", "jsonpath=.spec.running=true"],
    ["jsonpath=status.phase='Running'", "jsonpath=status.phase=Running"],
    [
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True',
      'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True',
    ],
  ];
  for (const [input, text] of cases) {
    assert.equal(conditionText(parseWaitCondition(VM, input)), text, input);
  }
});

Deno.test("parseWaitCondition() rejects bad input with the forms or a did-you-mean", () => {
  const cases: [string, RegExp][] = [
    ["ready", /unrecognized --for "ready": use phase=P/],
    ["phase=Runing", /did you mean "Running"/],
    ["phase=", /needs a phase/],
    ["condition=", /needs a condition name/],
    ["jsonpath={.status.phase", /unexpected path string/],
    ["jsonpath={.a}{.b}", /unexpected path string/],
    ["jsonpath={.metadata.annotations['a=b']}=x", /jsonpath wait format must be/],
    ["jsonpath={.status.phase}=''", /has to have a value after equal sign/],
    ["jsonpath=", /expression cannot be empty/],
    ["jsonpath={.a[?(@.b<>1)]}", /--for jsonpath \{\.a\[\?\(@\.b<>1\)\]\}: unrecognized filter/],
    ["jsonpath={.a[1}", /unterminated array/],
  ];
  for (const [input, re] of cases) {
    assert.throws(
      () => parseWaitCondition(VM, input),
      (e: Error) => e instanceof InputError && re.test(e.message),
      input,
    );
  }
});

Deno.test("waitVerdict() is met, pending, never (failed) or gone, per condition", () => {
  const vm = (phase: string, extra: Partial<KubeObject> = {}): KubeObject => ({
    metadata: { name: "a", generation: 2 },
    spec: { cpus: 2, running: true },
    status: {
      phase,
      ipAddresses: ["10.0.0.1"],
      conditions: [{ type: "Ready", status: phase === "Running" ? "True" : "False" }],
    },
    ...extra,
  });
  const c = (text: string, kind = VM) => parseWaitCondition(kind, text);
  const cases: [string, KubeObject | undefined, string, typeof VM?][] = [
    ["phase=Running", vm("Running"), "succeeded"],
    ["phase=Running", vm("Creating"), "pending"],
    // A Failed VM goes back to Pending on a fixed spec or a high-availability restart.
    ["phase=Running", vm("Failed"), "pending"],
    ["phase=Failed", vm("Failed"), "succeeded"],
    ["phase=Running", undefined, "gone"],
    ["condition=Ready", vm("Running"), "succeeded"],
    ["condition=ready=TRUE", vm("Running"), "succeeded"],
    ["condition=Ready=False", vm("Stopped"), "succeeded"],
    ["condition=Ready", vm("Stopped"), "pending"],
    ["condition=Ready", vm("Failed"), "pending"],
    ["jsonpath={.spec.cpus}=4", vm("Failed"), "pending"],
    ["jsonpath={.status.phase}=Running", vm("Running"), "succeeded"],
    ["jsonpath={.status.phase}=running", vm("Running"), "pending"],
    ["jsonpath={.spec.cpus}=2", vm("Running"), "succeeded"],
    ["jsonpath={.spec.running}=true", vm("Running"), "succeeded"],
    ["jsonpath={.status.ipAddresses[0]}=10.0.0.1", vm("Running"), "succeeded"],
    ["jsonpath={.status.ipAddresses}", vm("Running"), "succeeded"],
    ["jsonpath={.status.nodeName}", vm("Running"), "pending"],
    ["jsonpath={.status.ipAddresses}=x", vm("Running"), "failed"],
    ['jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', vm("Running"), "succeeded"],
    ['jsonpath={.status.conditions[?(@.type=="Ready")].status}=True', vm("Stopped"), "pending"],
    ['jsonpath={.status.conditions[?(@.type=="Gone")].status}', vm("Running"), "pending"],
    ["jsonpath={.status.ipAddresses[*]}=10.0.0.1", vm("Running"), "succeeded"],
    ["jsonpath={.status.conditions[*].type}=Ready", vm("Running"), "succeeded"],
    ["jsonpath={.status.ipAddresses[5]}", vm("Running"), "failed"],
    ["jsonpath={..type}", vm("Running"), "succeeded"],
    ["jsonpath={.spec.cpus}= 2 ", vm("Running"), "succeeded"],
    ["jsonpath={.spec}", vm("Running"), "succeeded"],
    ["jsonpath={.spec.*}=x", vm("Running"), "failed"],
    ["delete", vm("Running"), "pending"],
    ["delete", undefined, "succeeded"],
    ["create", undefined, "pending"],
    ["create", vm("Pending"), "succeeded"],
    ["phase=Succeeded", { status: { phase: "Failed" } }, "failed", OP],
    ["phase=Failed", { status: { phase: "Succeeded" } }, "failed", OP],
    ["phase=Succeeded", { status: { phase: "Running" } }, "pending", OP],
    ["condition=Done", { status: { phase: "Failed" } }, "failed", OP],
    ["condition=Done", { status: { phase: "Succeeded" } }, "pending", OP],
    // Labels and any other field can be edited on a finished operation.
    ["jsonpath={.metadata.labels.reviewed}=yes", { status: { phase: "Failed" } }, "pending", OP],
    ["jsonpath={.status.phase}=Succeeded", { status: { phase: "Failed" } }, "pending", OP],
    // Retention turns a Ready snapshot Expired; Failed and Expired are final.
    ["phase=Expired", { status: { phase: "Ready" } }, "pending", SNAPSHOT],
    ["phase=Ready", { status: { phase: "Failed" } }, "failed", SNAPSHOT],
    ["phase=Ready", { status: { phase: "Expired" } }, "failed", SNAPSHOT],
  ];
  for (const [text, obj, want, kind] of cases) {
    assert.equal(
      waitVerdict(kind ?? VM, c(text, kind), obj),
      want,
      `${text} on ${obj?.status?.["phase" as never]}`,
    );
  }
});

Deno.test("waitVerdict() ignores a condition written for an older generation, as kubectl does", () => {
  const cond = parseWaitCondition(VM, "condition=Ready");
  const stale = {
    metadata: { generation: 3 },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True", observedGeneration: 2 }],
    },
  };
  assert.equal(waitVerdict(VM, cond, stale), "pending");
  const fresh = {
    ...stale,
    status: {
      ...stale.status,
      observedGeneration: 3,
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
  assert.equal(waitVerdict(VM, cond, fresh), "succeeded");
});
