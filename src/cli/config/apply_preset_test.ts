import assert from "node:assert/strict";
import { applyPreset, presetNames } from "./apply_preset.ts";
import { parseConfig } from "./config.ts";

const config = parseConfig(
  `presets:
  big:
    kind: vm
    minMemory: 16Gi
    status: Running
    selector: tier=web
  failed:
    status: Failed
  snaps:
    kind: snapshot
    status: Ready
`,
  "/c.yaml",
);

Deno.test("applyPreset() fills only the flags not given on the command line", () => {
  const cases: [Record<string, string | undefined>, Record<string, string | undefined>][] = [
    [{}, { minMemory: "16Gi", status: "Running", selector: "tier=web" }],
    [
      { status: "Stopped", where: "cpus > 2" },
      { status: "Stopped", where: "cpus > 2", minMemory: "16Gi", selector: "tier=web" },
    ],
    [
      { minMemory: "1Gi", status: "Paused", selector: "tier=db" },
      { minMemory: "1Gi", status: "Paused", selector: "tier=db" },
    ],
  ];
  for (const [flags, expected] of cases) {
    assert.deepEqual(applyPreset(config, "big", flags, { noun: "vm" }), expected);
  }
});

Deno.test("applyPreset() keeps other flags and does not modify its input", () => {
  const flags = { watch: true, chunkSize: "500", preset: "failed" };
  const merged = applyPreset(config, flags.preset, flags);
  assert.deepEqual(merged, { watch: true, chunkSize: "500", preset: "failed", status: "Failed" });
  assert.deepEqual(flags, { watch: true, chunkSize: "500", preset: "failed" });
});

Deno.test("applyPreset() honours a given() predicate over flags with defaults", () => {
  const merged = applyPreset(config, "big", { status: "Running,Stopped" }, {
    given: () => false,
  });
  assert.equal(merged.status, "Running");
});

Deno.test("applyPreset() with no name returns the flags as they are", () => {
  const flags = { status: "x" };
  assert.equal(applyPreset(config, undefined, flags), flags);
});

Deno.test("applyPreset() rejects an unknown preset listing the known ones", () => {
  assert.throws(() => applyPreset(config, "bg", {}), {
    name: "InputError",
    message: 'unknown preset "bg" (did you mean "big"?): presets in "/c.yaml": big, failed, snaps',
  });
  assert.throws(() => applyPreset(config, "zzz", {}), {
    message: 'unknown preset "zzz": presets in "/c.yaml": big, failed, snaps',
  });
  assert.throws(() => applyPreset({ presets: {} }, "big", {}), {
    name: "InputError",
    message: 'unknown preset "big": no presets are defined (no config file was found)',
  });
  // Inherited object properties are not presets.
  assert.throws(() => applyPreset(config, "toString", {}), { name: "InputError" });
});

Deno.test("applyPreset() rejects a preset meant for another noun", () => {
  assert.throws(() => applyPreset(config, "snaps", {}, { noun: "vm" }), {
    name: "InputError",
    message: 'preset "snaps" is for snapshot, not vm (see /c.yaml)',
  });
  assert.equal(applyPreset(config, "snaps", {}, { noun: "snapshot" }).status, "Ready");
  assert.equal(applyPreset(config, "failed", {}, { noun: "backup" }).status, "Failed");
});

Deno.test("presetNames() lists presets usable with a noun", () => {
  assert.deepEqual(presetNames(config), ["big", "failed", "snaps"]);
  assert.deepEqual(presetNames(config, "vm"), ["big", "failed"]);
  assert.deepEqual(presetNames(config, "backup"), ["failed"]);
});
