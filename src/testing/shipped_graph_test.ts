/**
 * src/testing holds what only tests use. scripts/build.ts bundles the modules main.ts reaches,
 * lazy imports included; this test reads that module graph (`deno info`) and checks that no
 * test helper or test file is in it.
 */
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);

Deno.test("the shipped module graph reaches no test helper", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "inherit",
  }).output();
  assert.ok(out.success, "deno info failed");
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    modules: { specifier: string }[];
  };
  const local = info.modules.map((m) => m.specifier)
    .filter((s) => s.startsWith(ROOT.href))
    .map((s) => s.slice(ROOT.href.length));
  // The graph follows lazy imports: a command module loaded only when it runs is in it.
  assert.ok(local.includes("src/cli/commands/_run_list.ts"), "lazy imports missing from the graph");
  const shipped = local.filter((path) =>
    path.startsWith("src/testing/") || path.endsWith("_test.ts")
  );
  assert.deepEqual(shipped, []);
});
