/**
 * Defensive reading: objects from clusters whose CRDs differ from ours (fields missing, extra, or
 * of another type) must never make a reader, a column, a filter or a phase rule throw.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseFilterOptions, toPredicate } from "./filters.ts";
import { KINDS } from "./kinds.ts";
import { waitOutcome } from "./phases.ts";
import { progressOf } from "./progress.ts";
import { parseQuery, queryPredicate } from "./query.ts";
import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  getStringMap,
  getStrings,
  type KubeObject,
  labelsOf,
  nameOf,
  objectKey,
  phaseOf,
} from "./types.ts";

/** Arbitrary JSON shaped loosely like an object: right keys with any values, plus junk. */
const looseObject = fc.record({
  apiVersion: fc.anything(),
  kind: fc.anything(),
  metadata: fc.oneof(
    fc.anything(),
    fc.record({
      name: fc.anything(),
      namespace: fc.anything(),
      labels: fc.anything(),
      creationTimestamp: fc.oneof(
        fc.anything(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
    }, { requiredKeys: [] }),
  ),
  spec: fc.oneof(
    fc.anything(),
    fc.record({ cpus: fc.anything(), memory: fc.anything(), vmRef: fc.anything() }, {
      requiredKeys: [],
    }),
  ),
  status: fc.oneof(
    fc.anything(),
    fc.record({
      phase: fc.oneof(fc.anything(), fc.constantFrom("Running", "Failed", "Succeeded", "Ready")),
      progress: fc.anything(),
      ipAddresses: fc.anything(),
      readyToRestore: fc.anything(),
    }, { requiredKeys: [] }),
  ),
}, { requiredKeys: [] }) as fc.Arbitrary<KubeObject>;

Deno.test("readers, columns, progress and phase rules never throw on any shape", () => {
  fc.assert(
    fc.property(looseObject, (obj) => {
      getPath(obj, ["spec", "cpus"]);
      getString(obj, ["status", "phase"]);
      getNumber(obj, ["spec", "cpus"]);
      getBoolean(obj, ["spec", "running"]);
      getStrings(obj, ["status", "ipAddresses"]);
      getStringMap(obj, ["metadata", "labels"]);
      assert.equal(typeof nameOf(obj), "string");
      assert.equal(typeof objectKey(obj), "string");
      labelsOf(obj);
      phaseOf(obj);
      for (const kind of KINDS) {
        for (const column of kind.columns) column.value(obj);
        progressOf(kind, obj);
        waitOutcome(kind, obj);
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("filters and queries answer true or false for any shape", () => {
  const vm = KINDS[0];
  const now = Date.parse("2026-06-01T00:00:00Z");
  const filter = toPredicate(
    parseFilterOptions(
      {
        status: "running,failed",
        node: "n1",
        minCpus: "2",
        minMemory: "4Gi",
        createdAfter: "24h",
      },
      vm,
      now,
    ),
  );
  const query = queryPredicate(
    parseQuery("memory >= 8Gi or (cpus > 2 and not status in (Failed)) or age > 7d", vm),
    now,
  );
  fc.assert(
    fc.property(looseObject, (obj) => {
      assert.equal(typeof filter(obj), "boolean");
      assert.equal(typeof query(obj), "boolean");
    }),
    { numRuns: 300 },
  );
});
