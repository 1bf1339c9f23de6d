/**
 * `vm resize NAME [--cpus N] [--memory Q] [--hotplug]`: one VMOperation of type resize that
 * changes only what was given, optionally waited for.
 * @module
 */

import { checkResize } from "../../../core/manifests/vm_operation_flags.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { vmOperationCommand } from "./operation_command.ts";

const FLAGS = [
  valueFlag("--cpus", "n", "new CPU count"),
  valueFlag("--memory", "quantity", "new memory, e.g. 16Gi"),
  switchFlag("--hotplug", "apply without a restart"),
] as const;

/** `vm resize`. */
export const resizeCommand = vmOperationCommand({
  name: "resize",
  description: "change CPUs and/or memory; only what is given changes",
  flags: FLAGS,
  check: checkResize,
  operation: (vm, namespace, { resize }) => ({ operation: "resize", vm, namespace, resize }),
});
