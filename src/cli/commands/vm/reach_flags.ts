/**
 * What the command lines of `vm vnc`, `vm ssh` and `vm scp` share: the checks of the global
 * flags and VM names, made before anything is sent, and the spec and options of the two that
 * wrap a program (`--address`, the user's words handed on).
 * @module
 */

import { validateDns1123Name } from "../../../core/names.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../../../core/validation.ts";
import type { LeafSpec } from "../../command.ts";
import { valueFlag } from "../../command_spec.ts";
import { checkGlobals, type GlobalFlags } from "../../global_flags.ts";
import { NAMESPACED_GLOBALS } from "../../honoured_globals.ts";

/** `--address ADDR`: one of the VM's addresses instead of the first. */
const ADDRESS_FLAG = valueFlag("--address", "ip", "use this one of the VM's status.ipAddresses");

/** What `vm ssh` or `vm scp` does, checked: the user's words taken apart, and where to go. */
export interface RemoteShellOptions<W> {
  words: W;
  /** `--address`: this one of each VM's addresses instead of the first. */
  address?: string;
  globals: GlobalFlags;
}

/** The spec of `vm ssh` or `vm scp`: every word hyperctl does not know is the program's. */
export function remoteShellSpec(
  name: "ssh" | "scp",
  description: string,
): LeafSpec & { flags: readonly [typeof ADDRESS_FLAG] } {
  return {
    name,
    description,
    args: [{ name: "args", required: true, variadic: true, remote: name }],
    flags: [ADDRESS_FLAG],
    globals: [...NAMESPACED_GLOBALS, "--all-namespaces"],
    passThrough: true,
  };
}

/** The options of `vm ssh` or `vm scp` from its flags and its words (checked apart). */
export function checkRemoteShell<W>(
  flags: GlobalFlags & { address?: string },
  words: Validation<W>,
): Validation<RemoteShellOptions<W>> {
  return mapValid(
    collect({ globals: checkReachGlobals(flags), words }),
    ({ globals, words }) => ({ words, address: flags.address, globals }),
  );
}

/** The global flags, checked; `-A` is refused, since a VM is reached by name. */
export function checkReachGlobals(flags: GlobalFlags): Validation<GlobalFlags> {
  return mapValid(
    collect({
      globals: checkGlobals(flags),
      oneNamespace: unless(
        flags.allNamespaces === true,
        "a VM is reached by name in one namespace: use -n NAMESPACE, not -A",
      ),
    }),
    ({ globals }) => globals,
  );
}

/** A VM name as the API accepts it. */
export function checkVmName(name: string): Validation<string> {
  return attempt(() => validateDns1123Name(name, "VM name"));
}

/** Every name of `names` checked, each problem named. */
export function checkVmNames(names: readonly string[]): Validation<readonly string[]> {
  const each = Object.fromEntries(names.map((name, i) => [String(i), checkVmName(name)]));
  return mapValid(collect(each), () => names);
}
