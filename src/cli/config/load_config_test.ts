import assert from "node:assert/strict";
import { configPath, loadConfig, readConfigFile } from "./load_config.ts";

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
