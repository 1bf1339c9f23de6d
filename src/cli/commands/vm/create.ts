/**
 * `vm create NAME --cpus N --memory Q [--image URL|--template T] [--disk-size Q] …`: one
 * VirtualMachine; `--wait` waits until it runs (Stopped with `--running=false`).
 * @module
 */

import { buildVirtualMachine, checkVmCreate } from "../../../core/manifests/vm.ts";
import { valueFlag } from "../../command_spec.ts";
import { createCommand } from "../create_command.ts";

const FLAGS = [
  valueFlag("--cpus", "n", "virtual CPUs, 1-128", { required: true }),
  valueFlag("--memory", "quantity", "memory, a binary quantity such as 8Gi", { required: true }),
  valueFlag("--image", "url", "boot image URL (http(s)://, s3://)"),
  valueFlag("--template", "name", "create from this VMTemplate"),
  valueFlag("--disk-size", "quantity", "root disk size, e.g. 20Gi"),
  valueFlag("--storage-class", "name", "storage class of the root disk"),
  valueFlag("--node-selector", "k=v,...", "node selector labels (repeatable)", {
    repeatable: true,
  }),
  valueFlag("--label", "k=v", "label the VM (repeatable)", { repeatable: true }),
  valueFlag("--running", "bool", "start it (default true)"),
] as const;

/** `vm create`. */
export const vmCreateCommand = createCommand({
  noun: "vm",
  argument: "name",
  flags: FLAGS,
  waitable: true,
  check: checkVmCreate,
  plan: (vm) => ({
    build: (namespace) => buildVirtualMachine(vm, namespace),
    title: `${vm.name} create`,
    // A VM of a template that is not there would only fail later, in the operator.
    requires: vm.source && "template" in vm.source
      ? { noun: "template", name: vm.source.template }
      : undefined,
    // A VM has no terminal phase: `--wait` waits for the power state asked for.
    awaits: { type: "phase", phases: [vm.running ? "Running" : "Stopped"] },
  }),
});
