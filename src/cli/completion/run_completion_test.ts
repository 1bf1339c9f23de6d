import assert from "node:assert/strict";
import type { KubeApi, ListOptions, ResourceRef } from "../../k8s/api.ts";
import type { Connection, GlobalFlags } from "../deps.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { commandTree } from "../program.ts";
import { runCompleteCommand } from "./run_completion.ts";
import { completionCommand } from "./completion_command.ts";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";

Deno.test("completion prints each shell's script and rejects others", async () => {
  for (
    const [shell, marker] of [
      ["bash", "complete -F _hyperctl_complete hyperctl"],
      ["zsh", "compdef _hyperctl hyperctl"],
      ["fish", "complete -c hyperctl -f -a '(__hyperctl_complete)'"],
    ]
  ) {
    const deps = fakeDeps();
    await completionCommand.run(await parsedOptions(completionCommand, [shell]), deps);
    assert.ok(deps.stdout().includes(marker), shell);
    assert.ok(deps.stdout().includes("__complete"), shell);
  }
  assert.equal(
    await problemsOf(completionCommand, ["powershell"]),
    'unsupported shell "powershell": use one of bash, zsh, fish, e.g. source <(hyperctl completion bash)',
  );
});

/** Fake connection whose list answers with `names`, recording what was asked. */
function cluster(
  names: string[],
  seen: { flags?: GlobalFlags; ref?: ResourceRef; opts?: ListOptions; closed?: boolean },
) {
  return (flags: GlobalFlags): Promise<Connection> => {
    seen.flags = flags;
    const api = {
      list: (ref: ResourceRef, opts: ListOptions) => {
        seen.ref = ref;
        seen.opts = opts;
        return Promise.resolve({ items: names.map((name) => ({ metadata: { name } })) });
      },
    } as unknown as KubeApi;
    return Promise.resolve({
      api,
      namespace: flags.namespace ?? "default",
      contextName: "c",
      close: () => void (seen.closed = true),
    });
  };
}

Deno.test("runCompleteCommand() prints names from the cluster, one per line", async () => {
  const seen: Parameters<typeof cluster>[1] = {};
  const deps = fakeDeps({ connect: cluster(["web-2", "web-1", "db"], seen) });
  await runCompleteCommand(
    ["vm", "delete", "-n", "prod", "w"],
    { verbose: true },
    commandTree(deps),
    deps,
  );
  assert.equal(deps.stdout(), "web-1\nweb-2\n");
  assert.equal(deps.stderr(), "");
  assert.equal(seen.ref?.plural, "virtualmachines");
  assert.equal(seen.ref?.namespace, "prod");
  assert.equal(seen.flags?.requestTimeout, "1000ms");
  assert.equal(seen.flags?.verbose, true);
  assert.equal(seen.closed, true);
});

Deno.test("runCompleteCommand() uses the config's namespace and presets", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/c.yaml`,
      "namespace: team-a\npresets:\n  big: {kind: vm}\n  done: {kind: backup}\n",
    );
    const seen: Parameters<typeof cluster>[1] = {};
    const env = { HYPERCTL_CONFIG: `${dir}/c.yaml` };
    const deps = fakeDeps({ env, connect: cluster(["a"], seen) });
    await runCompleteCommand(["vm", "get", ""], {}, commandTree(deps), deps);
    assert.equal(seen.ref?.namespace, "team-a");
    const presets = fakeDeps({ env });
    await runCompleteCommand(["vm", "list", "--preset", ""], {}, commandTree(presets), presets);
    assert.equal(presets.stdout(), "big\n");
    // A broken config file does not break completion.
    await Deno.writeTextFile(`${dir}/c.yaml`, "nonsense: [\n");
    const broken = fakeDeps({ env });
    await runCompleteCommand(["vm", "l"], {}, commandTree(broken), broken);
    assert.equal(broken.stdout(), "list\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runCompleteCommand() prints nothing when the cluster fails or is too slow", async () => {
  const refused = fakeDeps({ connect: () => Promise.reject(new Error("connection refused")) });
  await runCompleteCommand(["vm", "get", ""], {}, commandTree(refused), refused);
  assert.equal(refused.stdout() + refused.stderr(), "");

  let aborted = false;
  const hanging = fakeDeps({
    connect: () =>
      Promise.resolve({
        api: {
          list: (_r: ResourceRef, _o: ListOptions, signal: AbortSignal) =>
            new Promise((_, reject) =>
              signal.addEventListener("abort", () => {
                aborted = true;
                reject(signal.reason);
              })
            ),
        } as unknown as KubeApi,
        namespace: "default",
        contextName: "c",
        close: () => {},
      }),
  });
  const started = performance.now();
  await runCompleteCommand(["vm", "get", ""], {}, commandTree(hanging), hanging, { timeoutMs: 50 });
  assert.ok(performance.now() - started < 1000);
  assert.equal(aborted, true);
  assert.equal(hanging.stdout() + hanging.stderr(), "");

  const neverConnects = fakeDeps({ connect: () => new Promise(() => {}) });
  await runCompleteCommand(["vm", "get", ""], {}, commandTree(neverConnects), neverConnects, {
    timeoutMs: 50,
  });
  assert.equal(neverConnects.stdout(), "");
});
