/**
 * The bundle `deno task build` makes (and compiles): built into a scratch directory away from the
 * checkout, it must behave like the source — same output for reads and writes against the real
 * server, and `sim` must serve its embedded CRDs with no deploy/ directory beside it.
 */
import assert from "node:assert/strict";
import { BINARY_PERMISSIONS, bundle } from "../../scripts/build.ts";
import { apiServerTest, freshNamespace } from "../support/apiserver.ts";
import { type CliResult, hyperctl, kubectl } from "../support/cli.ts";

let built: Promise<string> | undefined;
/**
 * The bundle under test, in a scratch directory away from the checkout: the one scripts/test.ts
 * built for its bundle pass (HYPERCTL_TEST_ENTRY), else one built here and removed at exit.
 */
function bundleEntry(): Promise<string> {
  const given = Deno.env.get("HYPERCTL_TEST_ENTRY");
  if (given) return Promise.resolve(given);
  built ??= Deno.makeTempDir({ prefix: "hyperctl-bundle-" }).then((dir) => {
    globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
    return bundle(`${dir}/out`);
  });
  return built;
}

apiServerTest("the bundle reads and writes like the source", async (server) => {
  const entry = await bundleEntry();
  const ns = freshNamespace("bundle");
  const kc = { kubeconfig: server.kubeconfigPath };
  const version = await hyperctl(["--version"], { entry });
  assert.equal(version.stdout, (await hyperctl(["--version"])).stdout);
  assert.match(version.stdout, /^hyperctl \d+\.\d+\.\d+\n$/);

  for (const name of ["b1", "b2"]) {
    const made = await hyperctl(
      ["-n", ns, "vm", "create", name, "--cpus", "2", "--memory", "1Gi"],
      {
        ...kc,
        entry,
      },
    );
    assert.equal(made.code, 0, made.stderr);
  }
  const fromBundle = await hyperctl(["-n", ns, "vm", "list", "-o", "json"], { ...kc, entry });
  const fromSource = await hyperctl(["-n", ns, "vm", "list", "-o", "json"], kc);
  assert.equal(fromBundle.code, 0, fromBundle.stderr);
  assert.deepEqual(
    JSON.parse(fromBundle.stdout).items.map((v: { metadata: { name: string } }) => v.metadata.name),
    ["b1", "b2"],
  );
  assert.equal(fromBundle.stdout, fromSource.stdout);

  const missing = await hyperctl(["-n", ns, "vm", "get", "nope"], { ...kc, entry });
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr, (await hyperctl(["-n", ns, "vm", "get", "nope"], kc)).stderr);
  const bad = await hyperctl(["vm", "list", "--bogus"], { ...kc, entry });
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split("\n").length, 1);
});

Deno.test({
  name: "the bundle's sim serves its embedded CRDs from a directory with nothing else in it",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const entry = await bundleEntry();
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-bundle-sim-" });
    const kubeconfig = `${dir}/kubeconfig.yaml`;
    const sim = new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", ...BINARY_PERMISSIONS, entry, "sim", "--vms", "3", "--pace", "fast"]
        .concat(["--kubeconfig-out", kubeconfig]),
      cwd: dir,
      env: { NO_COLOR: "1" },
      stdout: "null",
      stderr: "piped",
    }).spawn();
    let exited = false;
    sim.status.then(() => exited = true);
    try {
      let listed: CliResult | undefined;
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (!(await Deno.stat(kubeconfig).catch(() => undefined))) continue;
        listed = await hyperctl(["vm", "list", "-o", "name"], { kubeconfig, entry });
        if (listed.code === 0 && listed.stdout.split("\n").filter(Boolean).length === 3) break;
      }
      assert.ok(listed, "the sim never wrote its kubeconfig");
      assert.equal(listed.code, 0, listed.stderr);
      assert.equal(listed.stdout.split("\n").filter(Boolean).length, 3, listed.stdout);
      // The schema is the embedded CRD's: a server-side dry run passes, an invalid object fails.
      const good = await hyperctl(
        ["vm", "create", "good", "--cpus", "1", "--memory", "1Gi", "--dry-run=server"],
        { kubeconfig, entry },
      );
      assert.equal(good.code, 0, good.stderr);
      const bad = await kubectl(
        ["apply", "--dry-run=server", "-f", "-"],
        kubeconfig,
        "apiVersion: hypersdk.io/v1alpha1\nkind: VirtualMachine\nmetadata: {name: bad}\n" +
          "spec: {cpus: 0, memory: 1Gi}\n",
      );
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /spec\.cpus/);
    } finally {
      const running = !exited;
      if (running) sim.kill("SIGINT");
      const done = await sim.output();
      await Deno.remove(dir, { recursive: true });
      assert.ok(running, `sim exited early: ${new TextDecoder().decode(done.stderr)}`);
      assert.equal(done.code, 0, new TextDecoder().decode(done.stderr));
    }
  },
});

Deno.test("the bundle has no literal dynamic import, which deno run would load up front", async () => {
  const entry = await bundleEntry();
  const dir = entry.slice(0, entry.lastIndexOf("/"));
  let deferred = 0;
  for await (const file of Deno.readDir(dir)) {
    const text = await Deno.readTextFile(`${dir}/${file.name}`);
    // A literal specifier would make Deno load that chunk (or resolve that npm package) at start.
    assert.doesNotMatch(text, /\bimport\(\s*["'`](\.\/|npm:|node:|@inquirer)/, file.name);
    deferred += text.match(/\bimport\(String\("/g)?.length ?? 0;
  }
  assert.ok(deferred > 20, `only ${deferred} computed imports`);
});

/**
 * A copy of the bundle at `entry` whose chunks record their evaluation; the entry prints the
 * list (`LOADED [...]`) on stderr at exit.
 */
async function recordingCopy(entry: string): Promise<string> {
  const from = entry.slice(0, entry.lastIndexOf("/"));
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-bundle-chunks-" });
  globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
  for await (const file of Deno.readDir(from)) {
    const text = await Deno.readTextFile(`${from}/${file.name}`);
    const mark = file.name === "hyperctl.js"
      ? `globalThis.addEventListener("unload", () => console.error("LOADED", ` +
        `JSON.stringify(globalThis.__loaded ?? [])));\n`
      : `(globalThis.__loaded ??= []).push(${JSON.stringify(file.name)});\n`;
    await Deno.writeTextFile(`${dir}/${file.name}`, file.name.endsWith(".js") ? mark + text : text);
  }
  return `${dir}/hyperctl.js`;
}

Deno.test("help, --version and a bad command line load no cluster code from the bundle", async () => {
  const entry = await recordingCopy(await bundleEntry());
  const dir = entry.slice(0, entry.lastIndexOf("/"));
  const clusterCode = async (chunk: string) =>
    /createKubeApi|function createTransport/.test(await Deno.readTextFile(`${dir}/${chunk}`));
  const loadedBy = async (args: string[]) => {
    const r = await hyperctl(args, { entry });
    const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "));
    return JSON.parse(line?.slice("LOADED ".length) ?? "[]") as string[];
  };
  assert.deepEqual(await loadedBy(["--version"]), [], "the entry answers --version by itself");
  const lines = [["--help"], ["vm", "--help"], ["vm", "clone", "--help"], [
    "vm",
    "list",
    "--bogus",
  ]];
  for (const args of lines) {
    const chunks = await loadedBy(args);
    assert.ok(chunks.length > 0, `${args.join(" ")} recorded nothing`);
    for (const chunk of chunks) {
      assert.equal(await clusterCode(chunk), false, `${args.join(" ")} loads ${chunk}`);
    }
  }
  // The check can fail: a command that connects loads the client.
  const kubeconfig = `${dir}/kubeconfig.yaml`;
  await Deno.writeTextFile(
    kubeconfig,
    "apiVersion: v1\nkind: Config\ncurrent-context: c\n" +
      "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]\n" +
      "users: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\n",
  );
  const listed = await hyperctl(["vm", "list", "--request-timeout", "1s"], { entry, kubeconfig });
  const chunks = JSON.parse(listed.stderr.split("LOADED ")[1] ?? "[]") as string[];
  assert.ok((await Promise.all(chunks.map(clusterCode))).some(Boolean), listed.stderr);
});
