import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { InputError } from "../outcomes.ts";
import { OPS } from "./ops.ts";
import { expandPhases } from "./ops_vm.ts";
import { translateK8sArgs } from "./translate.ts";
import { CASES, REFERENCE_OPS, split } from "./testdata/k8s_cases.ts";

function argvOf(args: string[]): string[] {
  const r = translateK8sArgs(args);
  if ("help" in r) throw new Error("unexpected help");
  return r.argv;
}

Deno.test("the op table has exactly the 30 ops of the reference", () => {
  deepEqual(OPS.map((o) => o.op).sort(), [...REFERENCE_OPS].sort());
});

Deno.test("every op is translated (table)", async (t) => {
  const covered = new Set<string>();
  for (const [input, expected] of CASES) {
    await t.step(input || "(no flags)", () => {
      deepEqual(argvOf(split(input)), split(expected));
    });
    covered.add(/-op[= ](\S+)/.exec(input)?.[1] ?? "status");
  }
  deepEqual(REFERENCE_OPS.filter((op) => !covered.has(op)), [], "ops without a case");
});

Deno.test("every op's example translates", () => {
  for (const spec of OPS) {
    const args = spec.example.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ""));
    ok(argvOf(args).length > 0, spec.op);
  }
});

Deno.test("a missing required flag names it and shows a working example", () => {
  for (const spec of OPS) {
    for (const flag of spec.required) {
      const args = spec.example.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ""));
      const i = args.indexOf(`-${flag}`);
      ok(i >= 0, `${spec.op} example has -${flag}`);
      args.splice(i, 2);
      throws(() => translateK8sArgs(args), (e: Error) =>
        e instanceof InputError &&
        e.message.includes(`-op ${spec.op} needs -${flag}`) &&
        e.message.includes(`example: hyperctl k8s ${spec.example}`), `${spec.op} -${flag}`);
    }
  }
});

Deno.test("an empty required value counts as missing, as in HyperSDK", () => {
  throws(() => translateK8sArgs(["-op", "vm-get", "-vm="]), /-op vm-get needs -vm/);
});

Deno.test("values without an equivalent are usage errors naming the flag", () => {
  const cases: [string, RegExp][] = [
    [
      "-op vm-create -vm a -gpus 1",
      /-gpus is not supported: the VirtualMachine CRD has no GPU fields/,
    ],
    [
      "-op vm-create -vm a -usb-vendor-id 1 -usb-product-id 2",
      /-usb-vendor-id\/-usb-product-id is not supported/,
    ],
    ["-op vm-create -interactive", /-interactive is not supported/],
    ["-op vm-resize -vm a", /-op vm-resize needs -cpus and\/or -memory/],
    ["-op backup-create -vm a -bucket b -dest-type azure", /did you mean "azure-blob"/],
    ["-op backup-create -vm a", /-op backup-create needs -bucket/],
    [
      "-op backup-schedule-create -name n -schedule s -bucket b",
      /needs -vm \(a BackupSchedule backs up one VM\)/,
    ],
    [
      "-op backup-schedule-create -name n -schedule s -vm a -bucket b -include-memory-backup",
      /-include-memory-backup is not supported/,
    ],
    [
      "-op backup-schedule-create -name n -schedule s -vm a -bucket b -quiesce-backup=false",
      /-quiesce-backup=false is not supported/,
    ],
    ["-op vm-clone -vm a -target b -wait -timeout -5", /-timeout must be >= 0 seconds/],
    ["-op vm-get -vm -watch", /-vm needs a name, got "-watch"/],
    // An output flag is honoured or refused, never ignored.
    ["-op vm-delete -vm a -output json", /-op vm-delete prints no object, so -output has no use/],
    ["-op vm-snapshot-delete -snapshot s -json", /prints no object, so -json has no use/],
    ["-op status -output xml", /-output "xml" is not one of json, yaml, wide, name, table/],
    ["-op vm-create -vm a -output wide", /-output "wide" is not one of json, yaml, name, table/],
    ["-op backup-list -json -output yaml", /-json and -output yaml disagree/],
  ];
  for (const [input, pattern] of cases) {
    throws(
      () => translateK8sArgs(split(input)),
      (e: Error) => e instanceof InputError && pattern.test(e.message),
      input,
    );
  }
});

Deno.test("an unknown op lists every op, grouped, with a suggestion", () => {
  throws(() => translateK8sArgs(["-op", "vm-lst"]), (e: Error) => {
    ok(e instanceof InputError);
    ok(e.message.startsWith('hyperctl k8s: unknown -op "vm-lst" (did you mean "vm-list"?)'));
    for (const op of REFERENCE_OPS) ok(e.message.includes(op), op);
    ok(e.message.includes("\nbackups: backup-list, backup-get, backup-create, backup-delete"));
    return true;
  });
  throws(() => translateK8sArgs(["-op="]), /unknown -op ""/);
});

Deno.test("leftover arguments are errors, not silently ignored", () => {
  throws(
    () => translateK8sArgs(["vm", "list"]),
    /unexpected argument "vm".*did you mean "hyperctl vm list"/,
  );
  throws(
    () => translateK8sArgs(["-op", "vm-get", "-vm", "a", "-watch", "false"]),
    /a bool flag takes its value as -flag=false/,
  );
  throws(() => translateK8sArgs(["-op", "vm-get", "web-1"]), /unexpected argument "web-1"/);
  throws(() => translateK8sArgs(["-op", "vm-list", "--", "x"]), /unexpected argument "x"/);
});

Deno.test("unknown flags and -h", () => {
  throws(
    () => translateK8sArgs(["-op", "vm-list", "-n", "prod"]),
    (e: Error) =>
      e instanceof InputError && e.message.includes("not defined: -n (did you mean -namespace?)"),
  );
  const help = translateK8sArgs(["-op", "vm-list", "-h"]);
  ok("help" in help);
  ok(help.help.startsWith("Usage: hyperctl k8s -op <operation> [flags]"));
  for (const spec of OPS) ok(help.help.includes(`${spec.op} `), spec.op);
  ok(help.help.includes("  -namespace string\n"));
  deepEqual(translateK8sArgs(["--help"]), help);
});

Deno.test("expandPhases: prefixes and any case, unknown items passed on", () => {
  equal(expandPhases("running"), "Running");
  equal(expandPhases("Stop, fail"), "Stopped,Failed");
  equal(expandPhases("p,pending"), "Pending,Paused");
  equal(expandPhases("Runing"), "Runing");
  equal(expandPhases(" , "), "");
});
