/**
 * `hyperctl sim`: the embedded cluster — a Kubernetes-compatible HTTPS API server for the
 * hypersdk.io resources plus the simulated HyperSDK operator — so anyone can try hyperctl (and
 * kubectl) without a cluster.
 *
 * The command in one place: its flags, `parse` (pure: every problem at once) and `run`, which
 * imports the server and operator (sim_start.ts) only when it runs.
 * @module
 */

import { InputError } from "../../core/input_error.ts";
import { attempt, collect, invalid, mapValid, unless } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { valueFlag } from "../command_spec.ts";
import { checkGlobals } from "../global_flags.ts";
import { LOCAL_GLOBALS } from "../honoured_globals.ts";
import type { SimOptions } from "./sim_start.ts";

const FLAGS = [
  valueFlag("--port", "port", "HTTPS port (0 = any free port)", { default: "0" }),
  valueFlag("--vms", "n", "VMs to seed", { default: "12" }),
  valueFlag("--nodes", "a,b,c", "node names VMs are placed on", {
    default: "node-1,node-2,node-3",
  }),
  valueFlag(
    "--kubeconfig-out",
    "path",
    "where to write the kubeconfig (default ~/.kube/hyperctl-sim.yaml)",
  ),
  valueFlag("--pace", "pace", "fast|normal operator speed", { default: "normal" }),
  valueFlag("--seed-namespace", "ns", "namespace of the seeded VMs", { default: "default" }),
  valueFlag(
    "--ready-file",
    "path",
    "write a JSON line here once the fleet is seeded (for scripts)",
  ),
] as const;

function wholeNumber(flag: string, value: string, max: number) {
  return attempt(() => {
    if (!/^\d+$/.test(value) || Number(value) > max) {
      throw new InputError(`${flag} must be a whole number from 0 to ${max}, got "${value}"`);
    }
    return Number(value);
  });
}

function checkNodes(value: string) {
  const nodes = value.split(",").map((n) => n.trim()).filter(Boolean);
  const bad = nodes.filter((n) => !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(n));
  return mapValid(
    collect({
      each: collect(Object.fromEntries(
        bad.map((n, i) => [i, invalid(`--nodes: "${n}" is not a valid node name`)]),
      )),
      some: unless(nodes.length === 0, "--nodes needs at least one node name"),
    }),
    () => nodes,
  );
}

function checkPace(pace: string) {
  return mapValid(
    unless(pace !== "fast" && pace !== "normal", `--pace must be fast or normal, got "${pace}"`),
    () => pace as SimOptions["pace"],
  );
}

/** `sim`. */
export const simCommand = defineCommand({
  spec: {
    name: "sim",
    description: "run an embedded cluster with a simulated HyperSDK operator (Ctrl+C stops it)",
    flags: FLAGS,
    globals: LOCAL_GLOBALS,
  },
  parse: ({ flags }) =>
    mapValid(
      collect({
        globals: checkGlobals(flags),
        port: wholeNumber("--port", flags.port, 65535),
        vms: wholeNumber("--vms", flags.vms, 100_000),
        nodes: checkNodes(flags.nodes),
        pace: checkPace(flags.pace),
      }),
      (v): SimOptions => ({
        port: v.port,
        vms: v.vms,
        nodes: v.nodes,
        kubeconfigOut: flags.kubeconfigOut,
        pace: v.pace,
        namespace: flags.seedNamespace,
        readyFile: flags.readyFile,
      }),
    ),
  async run(options, deps) {
    const { runSim } = await import("./sim_start.ts");
    await runSim(options, deps);
  },
});
