/**
 * Wait reaction: how long after a VMOperation's status turns Succeeded does the waiter exit?
 *
 * No operator runs: the bench creates the VMOperation and later patches its status itself, so the
 * moment of change is known exactly. The patch comes after 1.5 s plus a random 0–2 s, so a 2 s
 * polling loop is sampled at a random phase (expected ~1 s plus one kubectl run).
 * @module
 */

import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import type { KubeApi } from "../../src/k8s/api.ts";
import { waitFor } from "../../src/cli/operation_wait.ts";
import { fakeDeps } from "../../src/testing/fake_deps.ts";
import type { Tool } from "./process_run.ts";
import { opRef } from "./seed.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createOp(api: KubeApi, namespace: string): Promise<string> {
  const op = await api.create(opRef(namespace), {
    apiVersion: API_VERSION,
    kind: "VMOperation",
    metadata: { generateName: "bench-wait-", namespace },
    spec: { vmRef: { name: "vm-00000" }, operation: "restart" },
  });
  return op.metadata!.name!;
}

async function succeed(api: KubeApi, namespace: string, name: string): Promise<number> {
  await api.patch(opRef(namespace), name, { status: { phase: "Succeeded", progress: 100 } }, {
    type: "merge",
    subresource: "status",
  });
  return performance.now();
}

/** Milliseconds from the status patch's response to the process's exit (one run). */
export async function processReaction(
  api: KubeApi,
  namespace: string,
  tool: Tool,
  argsFor: (name: string) => string[],
): Promise<number> {
  const name = await createOp(api, namespace);
  const child = new Deno.Command(tool.cmd, {
    args: [...tool.baseArgs, ...argsFor(name)],
    env: tool.env,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const output = child.output();
  await sleep(1500 + Math.random() * 2000);
  const changed = await succeed(api, namespace, name);
  const out = await output;
  const exited = performance.now();
  if (out.code !== 0) {
    throw new Error(
      `${tool.label} wait for ${name} exited ${out.code}: ${new TextDecoder().decode(out.stderr)}`,
    );
  }
  return exited - changed;
}

/** The hyperctl command line: `op wait NAME --timeout 60s -n NS --progress none`. */
export function hyperctlWaitArgs(namespace: string): (name: string) => string[] {
  return (name) => ["op", "wait", name, "--timeout", "60s", "-n", namespace, "--progress", "none"];
}

/** A shell loop polling `kubectl get vmop NAME -o jsonpath={.status.phase}` every 2 s. */
export function pollingLoopTool(kubectl: Tool): Tool {
  return { ...kubectl, label: "kubectl poll loop (2 s)", cmd: "sh", baseArgs: [] };
}

/** Arguments of {@link pollingLoopTool} for one operation. */
export function pollingLoopArgs(kubectl: Tool, namespace: string): (name: string) => string[] {
  const k = [kubectl.cmd, ...kubectl.baseArgs].map((a) => `'${a}'`).join(" ");
  return (name) => [
    "-c",
    `while [ "$(${k} get vmop ${name} -n ${namespace} -o jsonpath={.status.phase})" != Succeeded ]; ` +
    `do sleep 2; done`,
  ];
}

/**
 * The same wait in this process (`waitFor` with fake deps over the project's client): the
 * reaction without process start and exit, to tell the two costs apart.
 */
export async function inProcessReaction(api: KubeApi, namespace: string): Promise<number> {
  const name = await createOp(api, namespace);
  let resolved = NaN;
  const waiting = waitFor(
    api,
    [{ kind: kindByNoun("op"), namespace, name, title: name }],
    { timeoutMs: 60_000, progress: "none" },
    fakeDeps(),
  ).then((results) => {
    resolved = performance.now();
    if (results[0].outcome !== "succeeded") {
      throw new Error(`in-process wait for ${name} ended ${results[0].outcome}`);
    }
  });
  await sleep(1500 + Math.random() * 2000);
  const changed = await succeed(api, namespace, name);
  await waiting;
  return resolved - changed;
}
