import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import {
  parseFilterOptions,
  parseTimeBound,
  type RawFilterOptions,
  toPredicate,
} from "./filters.ts";
import { kindByName } from "./kinds.ts";
import type { KubeObject } from "./types.ts";

const vmKind = kindByName("vm")!;
const opKind = kindByName("op")!;
const NOW = Date.parse("2024-06-01T00:00:00Z");

const vm = (
  name: string,
  phase: unknown,
  cpus: unknown,
  memory: unknown,
  node: unknown,
  created: unknown,
): KubeObject => ({
  metadata: { name, creationTimestamp: created as string },
  spec: { cpus, memory },
  status: { phase, nodeName: node },
});

const VMS: KubeObject[] = [
  vm("a", "Running", 2, "4Gi", "n1", "2024-05-31T12:00:00Z"),
  vm("b", "Stopped", 8, "4G", "n2", "2024-05-01T00:00:00Z"),
  vm("c", "running", "16", 8589934592, "n1", "2023-01-01T00:00:00Z"),
  vm("d", "Failed", "lots", "8GB", undefined, undefined),
  { metadata: { name: "e" } },
  { metadata: { name: "f" }, spec: "broken", status: 42 },
];

const names = (raw: RawFilterOptions) =>
  VMS.filter(toPredicate(parseFilterOptions(raw, vmKind, NOW))).map((o) => o.metadata!.name);

Deno.test("toPredicate() applies each flag and ANDs them", () => {
  const cases: [RawFilterOptions, string[]][] = [
    [{}, ["a", "b", "c", "d", "e", "f"]],
    [{ status: "running" }, ["a", "c"]],
    [{ status: "RUNNING,stopped" }, ["a", "b", "c"]],
    [{ status: ["failed", "stopped"] }, ["b", "d"]],
    [{ node: "n1" }, ["a", "c"]],
    [{ minCpus: "8" }, ["b", "c"]],
    [{ minCpus: 3 }, ["b", "c"]],
    [{ minMemory: "4Gi" }, ["a", "c"]],
    [{ minMemory: "4G" }, ["a", "b", "c"]],
    [{ minMemory: "4294967297" }, ["c"]],
    [{ createdAfter: "24h" }, ["a"]],
    [{ createdAfter: "2024-05-01" }, ["a"]],
    [{ createdAfter: "2024-04-30T23:59:59Z" }, ["a", "b"]],
    [{ createdBefore: "2024-05-01T00:00:00.001Z" }, ["b", "c"]],
    [{ createdAfter: "2022-01-01", createdBefore: "2024-05-02" }, ["b", "c"]],
    [{ status: "running", node: "n1", minCpus: "4" }, ["c"]],
  ];
  for (const [raw, want] of cases) assert.deepEqual(names(raw), want, JSON.stringify(raw));
});

Deno.test("parseFilterOptions() rejects bad values with clear errors", () => {
  const cases: [RawFilterOptions, typeof InputError, string][] = [
    [{ minCpus: "0" }, InputError, `invalid --min-cpus 0: expected a positive integer`],
    [{ minCpus: "-1" }, InputError, `invalid --min-cpus "-1": expected a positive integer`],
    [{ minCpus: "1.5" }, InputError, `invalid --min-cpus "1.5": expected a positive integer`],
    [{ minCpus: "four" }, InputError, `invalid --min-cpus "four": expected a positive integer`],
    [
      { minMemory: "8GB" },
      InputError,
      `invalid --min-memory: cannot parse quantity "8GB": unknown suffix "GB" (did you mean "G" or "Gi"?)`,
    ],
    [{ minMemory: "-1Gi" }, InputError, `invalid --min-memory "-1Gi": must not be negative`],
    [
      { status: "runing" },
      InputError,
      `invalid status "runing" for vm (did you mean "Running"?); valid: Pending, Creating, Running, Stopped, Migrating, Paused, Failed, Unknown`,
    ],
    [
      { status: " , " },
      InputError,
      `--status needs at least one phase; valid: Pending, Creating, Running, Stopped, Migrating, Paused, Failed, Unknown`,
    ],
    [{ node: "" }, InputError, `--node needs a node name`],
    [
      { createdAfter: "yesterday" },
      InputError,
      `cannot parse --created-after "yesterday": expected an RFC 3339 date (2024-05-01), date-time (2024-05-01T12:00:00Z) or a duration such as 24h`,
    ],
    [
      { createdBefore: "2024-02-31" },
      InputError,
      `cannot parse --created-before "2024-02-31": expected an RFC 3339 date (2024-05-01), date-time (2024-05-01T12:00:00Z) or a duration such as 24h`,
    ],
    [
      { createdAfter: "5 min" },
      InputError,
      `invalid --created-after: cannot parse duration "5 min": contains whitespace (did you mean "5m"?)`,
    ],
    [
      { createdAfter: "2024-05-02", createdBefore: "2024-05-01" },
      InputError,
      `--created-after must be earlier than --created-before`,
    ],
  ];
  for (const [raw, cls, message] of cases) {
    assertThrowsWith(() => parseFilterOptions(raw, vmKind, NOW), cls, message);
  }
});

Deno.test("parseFilterOptions() rejects VM-only flags for other kinds", () => {
  assertThrowsWith(
    () => parseFilterOptions({ minCpus: "2" }, opKind, NOW),
    InputError,
    "--min-cpus applies only to vm",
  );
  assertThrowsWith(
    () => parseFilterOptions({ minMemory: "2Gi" }, opKind, NOW),
    InputError,
    "--min-memory applies only to vm",
  );
  assertThrowsWith(
    () => parseFilterOptions({ node: "n1" }, opKind, NOW),
    InputError,
    "--node applies only to vm",
  );
  assertThrowsWith(
    () => parseFilterOptions({ status: "ready" }, kindByName("template")!, NOW),
    InputError,
    "--status does not apply to template (it has no phases)",
  );
  assert.deepEqual(parseFilterOptions({ status: "succeeded" }, opKind, NOW), {
    statuses: ["Succeeded"],
  });
});

Deno.test("parseTimeBound() rejects a date-time on a day that does not exist", () => {
  assert.throws(
    () => parseTimeBound("2024-02-30T00:00:00Z", NOW, "--created-after"),
    { name: "InputError", message: /cannot parse --created-after "2024-02-30T00:00:00Z"/ },
  );
});

Deno.test("parseTimeBound() accepts dates, date-times and durations", () => {
  assert.equal(
    parseTimeBound("2024-05-01T02:00:00+02:00", NOW, "x"),
    Date.parse("2024-05-01T00:00:00Z"),
  );
  assert.equal(parseTimeBound("7d", NOW, "x"), NOW - 7 * 86_400_000);
  assert.equal(parseTimeBound("0", NOW, "x"), NOW);
});

Deno.test("toPredicate() equals the AND of single-flag predicates", () => {
  const raw = fc.record({
    status: fc.constantFrom("running", "stopped,failed", "pending"),
    node: fc.constantFrom("n1", "n2"),
    minCpus: fc.integer({ min: 1, max: 20 }),
    minMemory: fc.constantFrom("1Gi", "4G", "4Gi", "8Gi"),
  }, { requiredKeys: [] });
  fc.assert(fc.property(raw, (r) => {
    const r2: RawFilterOptions = { ...r };
    const all = toPredicate(parseFilterOptions(r2, vmKind, NOW));
    const singles = Object.entries(r2).map(([k, v]) =>
      toPredicate(parseFilterOptions({ [k]: v }, vmKind, NOW))
    );
    return VMS.every((o) => all(o) === singles.every((p) => p(o)));
  }));
});
