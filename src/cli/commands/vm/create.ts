/**
 * `vm create NAME --cpus N --memory Q [--image URL|--template T] [--disk-size Q] …`: one
 * VirtualMachine; `--wait` waits until it runs.
 * @module
 */

import {
  buildVirtualMachine,
  checkVmCreate,
  type VmCreateOptions,
} from "../../../core/manifests/vm.ts";
import { collect, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import { valueFlag } from "../../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../../honoured_globals.ts";
import { checkWriting, MUTATION_FLAGS, type WritingOptions } from "../mutation_flags.ts";

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
  ...MUTATION_FLAGS,
] as const;

/** What `vm create` does, checked. */
export interface VmCreateCommandOptions extends WritingOptions {
  vm: VmCreateOptions;
}

/** `vm create`. */
export const vmCreateCommand = defineCommand({
  spec: {
    name: "create",
    description: "create a vm",
    args: [{ name: "name", required: true, variadic: false }],
    flags: FLAGS,
    globals: WRITE_GLOBALS,
    outputFormats: WRITE_OUTPUTS,
  },
  parse: ({ flags, args }, env) =>
    mapValid(
      collect({
        writing: checkWriting(flags, env.stderrIsTTY, true),
        vm: checkVmCreate(args[0], flags),
      }),
      ({ writing, vm }): VmCreateCommandOptions => ({ ...writing, vm }),
    ),
  async run({ vm, mutation, globals }, deps) {
    const { runCreate } = await import("../create.ts");
    await runCreate({
      noun: "vm",
      build: (namespace) => buildVirtualMachine(vm, namespace),
      title: `${vm.name} create`,
      awaits: { type: "phase", phases: ["Running"] },
      mutation,
      globals,
    }, deps);
  },
});
