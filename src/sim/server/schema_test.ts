import { deepEqual } from "node:assert/strict";
import { VM_DEF } from "../../testing/vm_crd_fixture.ts";
import { compileValidator, validateName } from "./schema_validate.ts";
import { applyDefaults, prune } from "./structural.ts";

const validate = compileValidator(VM_DEF.schema);

Deno.test("prune: drops undeclared fields, keeps preserve-unknown and additionalProperties", () => {
  const obj = {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name: "a", whatever: 1 },
    spec: {
      cpus: 1,
      memory: "1Gi",
      bogus: true,
      affinity: { any: { thing: 1 } },
      nodeSelector: { zone: "a" },
      disks: [{ name: "d", size: "1Gi", extra: 1 }],
    },
    extraTop: 1,
  };
  const dropped = prune(obj, VM_DEF.schema);
  deepEqual(dropped.sort(), ["extraTop", "metadata.whatever", "spec.bogus", "spec.disks[0].extra"]);
  deepEqual(obj.spec, {
    cpus: 1,
    memory: "1Gi",
    affinity: { any: { thing: 1 } },
    nodeSelector: { zone: "a" },
    disks: [{ name: "d", size: "1Gi" }],
  });
  deepEqual(obj.metadata, { name: "a" });
});

Deno.test("applyDefaults: fills missing fields at every level, replaces non-nullable nulls", () => {
  const obj = {
    spec: { cpus: 1, memory: "1Gi", running: null, disks: [{ name: "d", size: "1" }] },
  };
  applyDefaults(obj, VM_DEF.schema);
  deepEqual(obj.spec, {
    cpus: 1,
    memory: "1Gi",
    running: true,
    machineType: "q35",
    disks: [{ name: "d", size: "1", storageClass: "standard" }],
  });
  const nullable = { spec: { cpus: 1, memory: "1Gi", note: null } };
  applyDefaults(nullable, VM_DEF.schema);
  deepEqual(nullable.spec.note, null);
});

Deno.test("validate: messages in the real server's field.Error wording", () => {
  const causes = validate({
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    spec: { cpus: 0, memory: "4GB", machineType: "x", port: true, note: "01234567890" },
    status: { phase: "Nope", cpu: "4" },
  });
  deepEqual(causes.map((c) => `${c.field}: ${c.message} [${c.reason}]`).sort(), [
    `spec.cpus: Invalid value: 0: spec.cpus in body should be greater than or equal to 1 [FieldValueInvalid]`,
    `spec.machineType: Unsupported value: "x": supported values: "q35", "pc" [FieldValueNotSupported]`,
    `spec.memory: Invalid value: "4GB": spec.memory in body should match '^[0-9]+[KMGT]i$' [FieldValueInvalid]`,
    `spec.note: Too long: may not be more than 10 bytes [FieldValueTooLong]`,
    `spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean" [FieldValueTypeInvalid]`,
    `status.cpu: Invalid value: "string": status.cpu in body must be of type integer: "string" [FieldValueTypeInvalid]`,
    `status.phase: Unsupported value: "Nope": supported values: "Pending", "Creating", "Running", "Stopped", "Migrating", "Paused", "Failed", "Unknown" [FieldValueNotSupported]`,
  ]);
});

Deno.test("validate: required fields, int-or-string, nullable and array paths", () => {
  deepEqual(
    validate({ spec: { disks: [{ name: "d" }] } }).map((c) => `${c.field}: ${c.message}`),
    [
      "spec.cpus: Required value",
      "spec.memory: Required value",
      "spec.disks[0].size: Required value",
    ],
  );
  deepEqual(validate({ spec: { cpus: 1, memory: "1Gi", port: "http", note: null } }), []);
  deepEqual(validate({ spec: { cpus: 1, memory: "1Gi", port: 8080 } }), []);
});

Deno.test("validateName: RFC 1123 subdomain", () => {
  deepEqual(validateName("web-1.a"), []);
  deepEqual(validateName("Web_1").map((c) => c.field), ["metadata.name"]);
  deepEqual(validateName("").length, 1);
});
