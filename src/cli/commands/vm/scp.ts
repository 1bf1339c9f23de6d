/**
 * `vm scp [scp options…] SRC DST`: `NAME:path` (or `USER@NAME:path`) on either side becomes the
 * VM's address; the system's scp runs with the user's options, and its exit code is ours.
 * @module
 */

import { validateDns1123Name } from "../../../core/names.ts";
import { parseScpWords, scpArgs, type ScpWords } from "../../../core/remote_shell_args.ts";
import { sshAddress } from "../../../core/vm_endpoint.ts";
import type { Deps, GlobalFlags } from "../../deps.ts";
import { validateGlobalFlags } from "../../global_flags.ts";
import { orThrow, readVm, rejectAllNamespaces } from "./_reach.ts";
import { runProgram } from "./_run_program.ts";
import type { RemoteShellFlags } from "./ssh.ts";

/** Parse the words of `vm scp` (exit 2 on bad input, before anything is sent). */
export function parseScpOptions(words: readonly string[], globals: GlobalFlags): ScpWords {
  validateGlobalFlags(globals);
  rejectAllNamespaces(globals);
  // The parser throws InputError for bad words: exit 2.
  const parsed = parseScpWords(words);
  for (const r of parsed.remotes) validateDns1123Name(r.vm, "VM name");
  return parsed;
}

/** Entry point from the command tree. */
export async function runScpCommand(
  words: string[],
  flags: RemoteShellFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  const parsed = parseScpOptions(words, globals);
  const conn = await deps.connect(globals);
  const addresses = new Map<string, string>();
  try {
    for (const vm of new Set(parsed.remotes.map((r) => r.vm))) {
      addresses.set(vm, orThrow(sshAddress(await readVm(conn, vm), flags.address)));
    }
  } finally {
    conn.close();
  }
  await runProgram("scp", scpArgs(parsed, addresses), deps);
}
