/**
 * `vm ssh [USER@]NAME [ssh options…] [-- COMMAND…]`: resolve the VM's address and run the
 * system's ssh with the user's own options; the exit code is ssh's.
 * @module
 */

import { validateDns1123Name } from "../../../core/names.ts";
import { parseSshWords, sshArgs, type SshWords } from "../../../core/remote_shell_args.ts";
import { sshAddress } from "../../../core/vm_endpoint.ts";
import type { Deps, GlobalFlags } from "../../deps.ts";
import { validateGlobalFlags } from "../../global_flags.ts";
import { orThrow, readVm, rejectAllNamespaces } from "./_reach.ts";
import { runProgram } from "./_run_program.ts";

/** Raw flags of `vm ssh` and `vm scp`. */
export interface RemoteShellFlags {
  /** `--address ADDR`: one of the VM's addresses instead of the first. */
  address?: string;
}

/** Parse the words of `vm ssh` (exit 2 on bad input, before anything is sent). */
export function parseSshOptions(words: readonly string[], globals: GlobalFlags): SshWords {
  validateGlobalFlags(globals);
  rejectAllNamespaces(globals);
  // The parser throws InputError for bad words: exit 2.
  const parsed = parseSshWords(words);
  validateDns1123Name(parsed.vm, "VM name");
  return parsed;
}

/** Entry point from the command tree. */
export async function runSshCommand(
  words: string[],
  flags: RemoteShellFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  const parsed = parseSshOptions(words, globals);
  const conn = await deps.connect(globals);
  let address;
  try {
    address = orThrow(sshAddress(await readVm(conn, parsed.vm), flags.address));
  } finally {
    conn.close();
  }
  await runProgram("ssh", sshArgs(parsed, address), deps);
}
