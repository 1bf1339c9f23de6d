import assert from "node:assert/strict";
import type { KubeApi, ResourceRef } from "../../k8s/api.ts";
import type { Connection, GlobalFlags } from "../deps.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { run } from "../main.ts";
import { parseConfig } from "./parse_config.ts";
import type { Config } from "./config_model.ts";
import {
  applyDefaults,
  applyPreset,
  configDefaults,
  configPath,
  loadConfig,
  presetNames,
  readConfigFile,
} from "./with_config.ts";

const CONFIG_TEXT = `output: name
color: never
namespace: team-a
presets:
  big:
    kind: vm
    minMemory: 8Gi
  running:
    status: Running
  snaps:
    kind: snapshot
`;
// Parsing it here makes a broken fixture fail loudly, not as a missing preset.
parseConfig(CONFIG_TEXT, "/c.yaml");
// run() applies the config itself, reading the file HYPERCTL_CONFIG names.
const CONFIG_FILE = Deno.makeTempFileSync({ suffix: ".yaml" });
Deno.writeTextFileSync(CONFIG_FILE, CONFIG_TEXT);

const vm = (name: string, memory: string, phase: string) => ({
  apiVersion: "hypersdk.io/v1alpha1",
  kind: "VirtualMachine",
  metadata: { name, namespace: "team-a", creationTimestamp: "2026-01-01T00:00:00Z" },
  spec: { cpus: 2, memory },
  status: { phase },
});

/** Run the real command line against a one-call fake cluster. */
async function runWithConfig(argv: string[]) {
  const seen: { globals?: GlobalFlags; refs: ResourceRef[] } = { refs: [] };
  const api = {
    list: (ref: ResourceRef) => {
      seen.refs.push(ref);
      return Promise.resolve({
        metadata: { resourceVersion: "1" },
        items: [
          vm("small", "2Gi", "Running"),
          vm("large", "16Gi", "Stopped"),
          vm("mid", "8Gi", "Running"),
        ],
      });
    },
  } as unknown as KubeApi;
  const deps = fakeDeps({
    env: { HYPERCTL_CONFIG: CONFIG_FILE },
    connect: (globals): Promise<Connection> => {
      seen.globals = globals;
      return Promise.resolve({
        api,
        namespace: globals.namespace ?? "default",
        contextName: "test",
        close: () => {},
      });
    },
  });
  const code = await run(argv, deps);
  return { ...seen, code, stdout: deps.stdout(), stderr: deps.stderr() };
}

Deno.test("withConfig() applies output, color and namespace when the command line does not", async () => {
  const r = await runWithConfig(["vm", "list"]);
  assert.equal(r.code, 0);
  assert.equal(r.globals?.namespace, "team-a");
  assert.equal(r.globals?.output, "name");
  assert.equal(r.globals?.color, "never");
  assert.equal(r.refs[0].namespace, "team-a");
  assert.equal(
    r.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n",
  );
});

Deno.test("withConfig(): flags on the command line beat the config", async () => {
  const r = await runWithConfig(["vm", "list", "-n", "dev", "-o", "json", "--color", "auto"]);
  assert.equal(r.globals?.namespace, "dev");
  assert.equal(r.globals?.output, "json");
  assert.equal(r.globals?.color, "auto");
  // Global flags after the verb, too.
  const after = await runWithConfig(["vm", "list", "--namespace=ops"]);
  assert.equal(after.globals?.namespace, "ops");
});

Deno.test("withConfig() applies --preset; explicit filter flags win over it", async () => {
  const big = await runWithConfig(["vm", "list", "--preset", "big"]);
  assert.equal(big.stdout, "virtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n");
  const both = await runWithConfig([
    "vm",
    "list",
    "--preset",
    "big",
    "--preset",
    "big",
    "--status",
    "running",
  ]);
  assert.equal(both.stdout, "virtualmachine.hypersdk.io/mid\n");
  const override = await runWithConfig(["vm", "list", "--preset", "big", "--min-memory", "1Gi"]);
  assert.equal(
    override.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/large\nvirtualmachine.hypersdk.io/mid\n",
  );
  const kindless = await runWithConfig(["vm", "list", "--preset", "running"]);
  assert.equal(
    kindless.stdout,
    "virtualmachine.hypersdk.io/small\nvirtualmachine.hypersdk.io/mid\n",
  );
});

Deno.test("withConfig(): a bad preset is a usage error before anything is sent", async () => {
  const unknown = await runWithConfig(["vm", "list", "--preset", "bigg"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: unknown preset "bigg" \(did you mean "big"\?\)/);
  assert.deepEqual(unknown.refs, []);
  // The line's other problems are named in the same message.
  const more = await runWithConfig(["vm", "list", "--preset", "bigg", "--status", "bogus"]);
  assert.equal(more.code, 2);
  assert.match(more.stderr, /^error: unknown preset "bigg" .*; invalid status "bogus" for vm; /);
  assert.deepEqual(more.refs, []);
  const wrongKind = await runWithConfig(["vm", "list", "--preset", "snaps"]);
  assert.match(wrongKind.stderr, /preset "snaps" is for snapshot, not vm/);
  assert.equal(wrongKind.globals, undefined);
});

const full: Config = { output: "yaml", color: "never", namespace: "team-a", presets: {} };

Deno.test("applyDefaults() precedence: command line > config > unset", () => {
  const cases: [GlobalFlags, Config, GlobalFlags][] = [
    [{}, full, { output: "yaml", color: "never", namespace: "team-a" }],
    [
      { output: "json", color: "always", namespace: "dev" },
      full,
      { output: "json", color: "always", namespace: "dev" },
    ],
    [{ namespace: "dev", verbose: true }, full, {
      namespace: "dev",
      verbose: true,
      output: "yaml",
      color: "never",
    }],
    // No config namespace: left unset, so the kubeconfig context's namespace (then "default") applies.
    [{}, { presets: {} }, {}],
  ];
  for (const [globals, config, expected] of cases) {
    assert.deepEqual(applyDefaults(config, globals), expected);
  }
});

Deno.test("applyDefaults() uses given() to see through the parser's defaults", () => {
  // The parser fills --color with "auto" when it is not on the command line.
  const globals: GlobalFlags = { color: "auto", requestTimeout: "30s" };
  assert.equal(applyDefaults(full, globals).color, "auto");
  assert.equal(applyDefaults(full, globals, { given: () => false }).color, "never");
});

Deno.test("applyDefaults() leaves -o alone for commands that do not take the config output", () => {
  assert.equal(applyDefaults(full, {}, { output: false }).output, undefined);
  assert.deepEqual(configDefaults(full, { output: false }), {
    color: "never",
    namespace: "team-a",
  });
});

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

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("configPath() prefers HYPERCTL_CONFIG, then an absolute XDG_CONFIG_HOME, then HOME", () => {
  const cases: [Record<string, string>, string | undefined][] = [
    [{ HYPERCTL_CONFIG: "/etc/h.yaml", XDG_CONFIG_HOME: "/x", HOME: "/h" }, "/etc/h.yaml"],
    [{ XDG_CONFIG_HOME: "/x", HOME: "/h" }, "/x/hyperctl/config.yaml"],
    [{ XDG_CONFIG_HOME: "relative", HOME: "/h" }, "/h/.config/hyperctl/config.yaml"],
    [{ HYPERCTL_CONFIG: "", HOME: "/h" }, "/h/.config/hyperctl/config.yaml"],
    [{ USERPROFILE: "/u" }, "/u/.config/hyperctl/config.yaml"],
    [{}, undefined],
  ];
  for (const [vars, expected] of cases) {
    assert.equal(configPath(envOf(vars)), expected, JSON.stringify(vars));
  }
});

Deno.test("loadConfig() is empty when the default file is missing", async () => {
  const seen: string[] = [];
  const config = await loadConfig(envOf({ HOME: "/h" }), (p) => {
    seen.push(p);
    return undefined;
  });
  assert.deepEqual(config, { presets: {} });
  assert.deepEqual(seen, ["/h/.config/hyperctl/config.yaml"]);
});

Deno.test("loadConfig() rejects a missing file named by HYPERCTL_CONFIG", async () => {
  await assert.rejects(
    () => loadConfig(envOf({ HYPERCTL_CONFIG: "/nope.yaml" }), () => undefined),
    { name: "InputError", message: /cannot read config "\/nope\.yaml" \(from HYPERCTL_CONFIG\)/ },
  );
});

Deno.test("loadConfig() parses the file and reports its path in errors", async () => {
  const files: Record<string, string> = {
    "/x/hyperctl/config.yaml": "output: json\n",
    "/bad.yaml": "outptu: json\n",
  };
  const read = (p: string) => files[p];
  assert.equal((await loadConfig(envOf({ XDG_CONFIG_HOME: "/x" }), read)).output, "json");
  await assert.rejects(() => loadConfig(envOf({ HYPERCTL_CONFIG: "/bad.yaml" }), read), {
    name: "InputError",
    message: '/bad.yaml:1: unknown key "outptu" (did you mean "output"?)',
  });
});

Deno.test("readConfigFile() reads real files and returns undefined for a missing one", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/hyperctl`);
    await Deno.writeTextFile(`${dir}/hyperctl/config.yaml`, "color: always\n");
    assert.equal(readConfigFile(`${dir}/hyperctl/config.yaml`), "color: always\n");
    assert.equal(readConfigFile(`${dir}/missing.yaml`), undefined);
    assert.equal((await loadConfig(envOf({ XDG_CONFIG_HOME: dir }))).color, "always");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
