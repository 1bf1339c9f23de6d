/**
 * `vm migrate NAME --target-node N [--offline] [--bandwidth 100Mbps] [--auto-converge]
 * [--post-copy]`: one VMOperation of type migrate, optionally waited for.
 * @module
 */

import { checkMigrate } from "../../../core/manifests/vm_operation_flags.ts";
import { switchFlag, valueFlag } from "../../command_spec.ts";
import { vmOperationCommand } from "./operation_command.ts";

const FLAGS = [
  valueFlag("--target-node", "node", "destination node", { required: true }),
  switchFlag("--offline", "stop, move, start instead of a live migration"),
  valueFlag("--bandwidth", "rate", "bandwidth limit, e.g. 100Mbps"),
  switchFlag("--auto-converge", "throttle the guest so a live migration converges"),
  switchFlag("--post-copy", "switch to post-copy when pre-copy does not converge"),
] as const;

/** `vm migrate`. */
export const migrateCommand = vmOperationCommand({
  name: "migrate",
  description: "move a VM to another node (VMOperation migrate)",
  flags: FLAGS,
  check: checkMigrate,
  operation: (vm, namespace, { migrate }) => ({ operation: "migrate", vm, namespace, migrate }),
});
