/**
 * hyperctl as a kubectl plugin, through the real kubectl 1.33 against the real API server and the
 * sim: kubectl finds `kubectl-hyperctl` on PATH and runs it, and for completion runs the
 * repository's `kubectl_complete-hyperctl`.
 *
 * `kubectl-hyperctl` here is a shell stand-in running the CLI from source with the binary's
 * permission flags; it names itself in HYPERCTL_INVOKED_AS, as a compiled binary's own file name
 * would (src/cli/program_name.ts). No compiled binary runs in this test.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { kubectlBinary } from "../support/apiserver.ts";
import { type CliResult, hyperctl, PROGRAM } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A PATH directory holding the plugin stand-in and the completion script. */
async function pluginDir(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-plugin-" });
  await Deno.writeTextFile(
    `${dir}/kubectl-hyperctl`,
    `#!/bin/sh
HYPERCTL_INVOKED_AS="$0" exec "${Deno.execPath()}" run --quiet ${
      BINARY_PERMISSIONS.join(" ")
    } "${PROGRAM}" "$@"
`,
  );
  await Deno.chmod(`${dir}/kubectl-hyperctl`, 0o755);
  await Deno.copyFile(`${ROOT}kubectl_complete-hyperctl`, `${dir}/kubectl_complete-hyperctl`);
  await Deno.chmod(`${dir}/kubectl_complete-hyperctl`, 0o755);
  return dir;
}

/** Run the real kubectl with `dir` first on PATH and the target's kubeconfig. */
async function kubectlWith(dir: string, t: Target, args: string[]): Promise<CliResult> {
  const out = await new Deno.Command(kubectlBinary(), {
    args,
    env: {
      PATH: `${dir}:${Deno.env.get("PATH")}`,
      KUBECONFIG: t.kubeconfig,
      NO_COLOR: "1",
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`,
    },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
}

async function seed(t: Target): Promise<void> {
  const ref = refFor(kindByNoun("vm"), t.namespace);
  for (const name of ["plugin-a", "plugin-b"]) {
    await t.api.create(ref, {
      apiVersion: API_VERSION,
      kind: "VirtualMachine",
      metadata: { name },
      spec: { cpus: 1, memory: "1Gi", running: false },
    });
  }
}

e2eTest(
  "kubectl hyperctl vm list runs the plugin, and its usage says `kubectl hyperctl`",
  async (t) => {
    const dir = await pluginDir();
    try {
      await seed(t);
      const viaKubectl = await kubectlWith(dir, t, ["hyperctl", "vm", "list", "-o", "json"]);
      assert.equal(viaKubectl.code, 0, viaKubectl.stderr);
      const direct = await hyperctl(["vm", "list", "-o", "json"], { kubeconfig: t.kubeconfig });
      assert.equal(viaKubectl.stdout, direct.stdout);
      const names = JSON.parse(viaKubectl.stdout).items.map((o: { metadata: { name: string } }) =>
        o.metadata.name
      );
      assert.deepEqual(names, ["plugin-a", "plugin-b"]);

      const usage = await kubectlWith(dir, t, ["hyperctl", "vm"]);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /^USAGE\n {2}kubectl hyperctl vm list \[flags\]\n/);
      const help = await kubectlWith(dir, t, ["hyperctl", "--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /\n {2}kubectl hyperctl status \[flags\]\n/);
      assert.doesNotMatch(help.stdout, /^ {2}hyperctl /m);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

e2eTest(
  "kubectl __complete hyperctl … lists commands and VM names, then the directive",
  async (t) => {
    const dir = await pluginDir();
    try {
      await seed(t);
      const names = await kubectlWith(dir, t, ["__complete", "hyperctl", "vm", "get", ""]);
      assert.equal(names.code, 0, names.stderr);
      assert.equal(names.stdout, "plugin-a\nplugin-b\n:4\n");
      const commands = await kubectlWith(dir, t, ["__complete", "hyperctl", "ve"]);
      assert.equal(commands.code, 0, commands.stderr);
      assert.equal(commands.stdout, "version\n:4\n");
      const flags = await kubectlWith(dir, t, ["__complete", "hyperctl", "vm", "list", "--min-m"]);
      assert.equal(flags.stdout, "--min-memory\n:4\n");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

e2eTest("as `kubectl hyperctl`, hints name the command the way it was run", async (t) => {
  const dir = await pluginDir();
  try {
    await seed(t);
    const ns = t.namespace;
    const waitArgs = [
      "wait",
      "vm/plugin-a",
      "--for=jsonpath={.status.phase}=Running",
      "--timeout=0",
    ];
    const wait = await kubectlWith(dir, t, ["hyperctl", ...waitArgs]);
    assert.equal(wait.code, 3, wait.stderr);
    assert.ok(
      wait.stderr.includes(
        `resume with: kubectl hyperctl wait vm/plugin-a --for 'jsonpath={.status.phase}=Running' -n ${ns}`,
      ),
      wait.stderr,
    );
    const start = await kubectlWith(dir, t, [
      "hyperctl",
      "vm",
      "start",
      "plugin-b",
      "--wait",
      "--timeout=0",
    ]);
    assert.equal(start.code, 3, start.stderr);
    assert.match(
      start.stderr,
      new RegExp(`resume with: kubectl hyperctl op wait \\S+ -n ${ns}\\n`),
    );
    assert.doesNotMatch(start.stderr, /(^|[^ ])hyperctl (op )?wait/m);
    // The same commands run directly name `hyperctl`.
    const direct = await hyperctl(waitArgs, { kubeconfig: t.kubeconfig });
    assert.match(direct.stderr, /resume with: hyperctl wait vm\/plugin-a /);
    const stopped = await hyperctl(["wait", "vm/plugin-a", "--for=phase=Stopped"], {
      kubeconfig: t.kubeconfig,
    });
    assert.equal(stopped.code, 0, stopped.stderr);
    const vnc = await kubectlWith(dir, t, ["hyperctl", "vm", "vnc", "plugin-a"]);
    assert.equal(vnc.code, 1, vnc.stderr);
    assert.match(vnc.stderr, /start it with "kubectl hyperctl vm start plugin-a"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a kubectl-hyperctl symlink names itself `kubectl hyperctl`, with no wrapper", async () => {
  // krew and Homebrew link kubectl-hyperctl to the binary. The deno executable stands in for it:
  // a symlink to it is run with its own arguments, and argv[0] is the link, as kubectl runs it.
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-link-" });
  try {
    const link = `${dir}/kubectl-hyperctl`;
    await Deno.symlink(Deno.execPath(), link);
    const env = { ...Deno.env.toObject() };
    delete env.HYPERCTL_INVOKED_AS;
    const out = await new Deno.Command(link, {
      args: ["run", "--quiet", ...BINARY_PERMISSIONS, PROGRAM, "vm", "list", "--help"],
      env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.match(stdout, /^USAGE\n {2}kubectl hyperctl vm list \[flags\]\n/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
