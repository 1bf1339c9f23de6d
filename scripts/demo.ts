/**
 * `deno task demo`: a short, non-interactive tour of hyperctl against the embedded cluster.
 *
 * Starts `hyperctl sim` in-process (API server + simulated operator, 12 seeded VMs), then runs
 * real hyperctl commands against it as a user would, each in its own process, and exits 0.
 * @module
 */

import { BINARY_PERMISSIONS } from "./build.ts";
import { startSim } from "../src/cli/commands/sim_start.ts";

const MAIN = new URL("../main.ts", import.meta.url).pathname;

async function hyperctl(args: string[], kubeconfig: string): Promise<number> {
  console.log(`\n$ hyperctl ${args.map((a) => (/[\s'*]/.test(a) ? `'${a}'` : a)).join(" ")}`);
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", ...BINARY_PERMISSIONS, MAIN, ...args],
    env: { KUBECONFIG: kubeconfig },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`hyperctl ${args.join(" ")} exited ${code}`);
  return code;
}

async function main(): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-demo-" });
  const sim = await startSim({
    port: 0,
    vms: 12,
    nodes: ["node-1", "node-2", "node-3"],
    kubeconfigOut: `${dir}/kubeconfig`,
    pace: "normal",
    namespace: "default",
  });
  const kc = sim.kubeconfigPath;
  console.log(`embedded cluster at ${sim.server.url}, kubeconfig ${kc}`);
  try {
    // Let the operator bring the seeded VMs up before the first listing.
    await new Promise((r) => setTimeout(r, 4000));
    await hyperctl(["status"], kc);
    await hyperctl(["vm", "list"], kc);
    await hyperctl(["vm", "list", "--status", "running", "--min-memory", "8Gi"], kc);
    await hyperctl(["vm", "list", "--where", "cpus >= 4 and labels.env = prod", "-o", "wide"], kc);
    await hyperctl(["vm", "get", "db-002", "-o", "yaml"], kc);
    // A watch for a few seconds while a VM stops: one row per event, then exit 0.
    const watch = hyperctl(["vm", "list", "--watch-only", "--for", "8s", "-l", "tier=cache"], kc);
    await new Promise((r) => setTimeout(r, 1500));
    await hyperctl(["vm", "stop", "cache-003", "--progress", "none"], kc);
    await watch;
    await hyperctl(
      ["vm", "clone", "web-001", "--target", "web-001-clone", "--start", "--wait"],
      kc,
    );
    await hyperctl(["snapshot", "create", "web-001", "--name", "web-001-nightly", "--wait"], kc);
    await hyperctl(["op", "list"], kc);
    await hyperctl(["snapshot", "list"], kc);
  } finally {
    await sim.stop();
    await Deno.remove(dir, { recursive: true });
  }
  console.log("\ndemo finished");
}

if (import.meta.main) await main();
