/**
 * Shell completion end to end: the generated bash script is sourced in a real `bash`, its
 * completion function is called the way readline calls it (COMP_WORDS/COMP_CWORD, words split
 * at `=` and `:`), and COMPREPLY is read back. `hyperctl` on PATH is a wrapper running the
 * completion module as the binary would; resource names come from the real API server and the sim.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { e2eTest } from "../support/targets.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A temp dir with `bin/hyperctl` (wrapper) and `hyperctl.bash` (the generated script). */
async function install(): Promise<{ dir: string; bin: string; script: string }> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-completion-" });
  const entry = `${dir}/entry.ts`;
  // The CLI's own entry, as the binary runs it.
  await Deno.writeTextFile(
    entry,
    `import { run } from "${ROOT}src/cli/main.ts";
Deno.exit(await run(Deno.args));
`,
  );
  await Deno.mkdir(`${dir}/bin`);
  const bin = `${dir}/bin/hyperctl`;
  await Deno.writeTextFile(
    bin,
    `#!/bin/sh\nexec "${Deno.execPath()}" run --quiet --allow-all --config "${ROOT}deno.json" "${entry}" "$@"\n`,
  );
  await Deno.chmod(bin, 0o755);
  const script = `${dir}/hyperctl.bash`;
  const out = await new Deno.Command(bin, { args: ["completion", "bash"], stdout: "piped" })
    .output();
  assert.equal(out.code, 0);
  await Deno.writeTextFile(script, new TextDecoder().decode(out.stdout));
  return { dir, bin, script };
}

/** Split a command line as readline does for COMP_WORDS: at blanks, and `=`/`:` as own words. */
function compWords(line: string): string[] {
  const words = line.split(" ").flatMap((w, i, all) =>
    w === "" && i < all.length - 1
      ? []
      : w.split(/([=:])/).filter((p, j, ps) => p !== "" || ps.length === 1 || j === ps.length - 1)
  );
  return words;
}

/** Source the script in bash and ask its completion function about `line` (cursor at the end). */
async function bashComplete(
  script: string,
  bin: string,
  line: string,
  env: Record<string, string> = {},
): Promise<string[]> {
  const words = compWords(line);
  const code = `
set -u
script=$1; COMP_CWORD=$2; shift 2
COMP_WORDS=("$@")
COMP_LINE="$LINE"; COMP_POINT=\${#COMP_LINE}
source "$script"
# Call whatever function the script registered for hyperctl, as bash itself would.
spec=$(complete -p hyperctl)
fn=\${spec##*-F }; fn=\${fn%% *}
"$fn" hyperctl "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]:-}"
for c in "\${COMPREPLY[@]}"; do printf '%s\\n' "$c"; done
`;
  const out = await new Deno.Command("bash", {
    args: ["-c", code, "bash", script, String(words.length - 1), ...words],
    env: { PATH: `${bin.replace(/\/hyperctl$/, "")}:${Deno.env.get("PATH")}`, LINE: line, ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  assert.equal(stderr, "", "completion must not write to the terminal");
  return new TextDecoder().decode(out.stdout).split("\n").filter(Boolean);
}

const CONTEXTS_KUBECONFIG = `apiVersion: v1
kind: Config
current-context: admin
clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
users: [{name: u, user: {token: t}}]
contexts:
  - {name: admin, context: {cluster: c, user: u}}
  - {name: "arn:aws:eks:eu-west-1:1234:cluster/prod", context: {cluster: c, user: u}}
`;

Deno.test({
  name: "bash completion: commands, flags and flag values through the sourced script",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const { dir, bin, script } = await install();
    try {
      const kubeconfig = `${dir}/kubeconfig.yaml`;
      await Deno.writeTextFile(kubeconfig, CONTEXTS_KUBECONFIG);
      const env = { KUBECONFIG: kubeconfig, HOME: dir };
      const ask = (line: string) => bashComplete(script, bin, line, env);
      assert.deepEqual(await ask("hyperctl sn"), ["snapshot"]);
      assert.deepEqual(await ask("hyperctl vm re"), ["restart", "resize"]);
      assert.deepEqual(await ask("hyperctl vm list --min-"), ["--min-cpus", "--min-memory"]);
      assert.deepEqual(await ask("hyperctl vm list -o "), [
        "table",
        "wide",
        "json",
        "yaml",
        "name",
        "jsonpath=",
        "jsonpath-file=",
        "jsonpath-as-json=",
        "custom-columns=",
        "custom-columns-file=",
      ]);
      assert.deepEqual(await ask("hyperctl vm get x -o jsonpath-f"), ["jsonpath-file="]);
      assert.deepEqual(await ask("hyperctl vm list --output=custom"), [
        "custom-columns=",
        "custom-columns-file=",
      ]);
      assert.deepEqual(await ask("hyperctl wait vm x -o j"), ["json"]);
      assert.deepEqual(await ask("hyperctl vm list --status Running,s"), ["Running,Stopped"]);
      assert.deepEqual(await ask("hyperctl backup list --status c"), ["Completed", "Cancelled"]);
      // Words split at "=": bash replaces only what follows it.
      assert.deepEqual(await ask("hyperctl vm list --color=al"), ["always"]);
      assert.deepEqual(await ask("hyperctl vm list --color="), ["auto", "always", "never"]);
      assert.deepEqual(await ask("hyperctl vm delete --dry-run=s"), ["server"]);
      assert.deepEqual(await ask("hyperctl vm stop --progress "), ["auto", "bar", "lines", "none"]);
      // Context names from the kubeconfig, including one split at ":" by bash.
      assert.deepEqual(await ask("hyperctl --context a"), [
        "admin",
        "arn:aws:eks:eu-west-1:1234:cluster/prod",
      ]);
      assert.deepEqual(await ask("hyperctl --context arn:aws:e"), [
        "eks:eu-west-1:1234:cluster/prod",
      ]);
      // File names for --kubeconfig.
      assert.deepEqual(await ask(`hyperctl --kubeconfig ${dir}/kube`), [kubeconfig]);
      // No cluster at that address: names are simply not offered, quietly.
      assert.deepEqual(await ask("hyperctl vm get "), []);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "bash completion: a server that never answers costs at most about a second",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const { dir, bin, script } = await install();
    // Accepts connections and never says a word.
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const held: Deno.Conn[] = [];
    (async () => {
      for await (const conn of listener) held.push(conn);
    })();
    try {
      const kubeconfig = `${dir}/kubeconfig.yaml`;
      await Deno.writeTextFile(
        kubeconfig,
        CONTEXTS_KUBECONFIG.replace("127.0.0.1:1", `127.0.0.1:${listener.addr.port}`),
      );
      // The wrapper's own start-up (deno run) is measured apart from the wait for the server.
      let started = performance.now();
      await bashComplete(script, bin, "hyperctl vm li", { KUBECONFIG: kubeconfig, HOME: dir });
      const baseline = performance.now() - started;
      started = performance.now();
      const got = await bashComplete(script, bin, "hyperctl vm get ", {
        KUBECONFIG: kubeconfig,
        HOME: dir,
      });
      const elapsed = performance.now() - started;
      assert.deepEqual(got, []);
      assert.ok(
        elapsed - baseline < 2500,
        `took ${Math.round(elapsed)} ms (baseline ${Math.round(baseline)} ms)`,
      );
    } finally {
      listener.close();
      for (const c of held) c.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

for (const shell of ["zsh", "fish"]) {
  const found = new Deno.Command("sh", { args: ["-c", `command -v ${shell}`], stdout: "null" })
    .outputSync().success;
  if (!found) {
    console.log(`note: ${shell} is not installed; its completion script is not syntax-checked`);
  }
  Deno.test({
    name: `${shell} completion script passes ${shell} -n`,
    ignore: !found,
    sanitizeResources: false,
    async fn() {
      const { dir, bin } = await install();
      try {
        const out = await new Deno.Command(bin, { args: ["completion", shell], stdout: "piped" })
          .output();
        const file = `${dir}/script.${shell}`;
        await Deno.writeFile(file, out.stdout);
        const check = await new Deno.Command(shell, { args: ["-n", file], stderr: "piped" })
          .output();
        assert.equal(check.code, 0, new TextDecoder().decode(check.stderr));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
  });
}

const VM = kindByNoun("vm");

e2eTest("bash completion offers resource names from the cluster", async (t) => {
  const ref = {
    group: "hypersdk.io",
    version: "v1alpha1",
    plural: VM.plural,
    namespace: t.namespace,
  };
  for (const name of ["web-1", "web-2", "db-1"]) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name },
      spec: { cpus: 1, memory: "1Gi", running: false },
    });
  }
  const { dir, bin, script } = await install();
  try {
    const env = { KUBECONFIG: t.kubeconfig, HOME: dir };
    const ask = (line: string) => bashComplete(script, bin, line, env);
    assert.deepEqual(await ask("hyperctl vm get "), ["db-1", "web-1", "web-2"]);
    assert.deepEqual(await ask("hyperctl vms get w"), ["web-1", "web-2"]);
    assert.deepEqual(await ask("hyperctl vm stop web-1 "), ["db-1", "web-2"]);
    assert.deepEqual(await ask("hyperctl snapshot create d"), ["db-1"]);
    assert.deepEqual(await ask("hyperctl vm delete -n other-ns "), []);
    assert.deepEqual(await ask(`hyperctl vm delete --namespace=${t.namespace} d`), ["db-1"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
