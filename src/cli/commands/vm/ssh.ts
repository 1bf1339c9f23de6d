/**
 * `vm ssh [USER@]NAME [ssh options…] [-- COMMAND…]`: resolve the VM's address and run the
 * system's ssh with the user's own options; the exit code is ssh's.
 * @module
 */

import { parseSshWords, sshArgs, type SshWords } from "../../../core/remote_shell_args.ts";
import { andThen, attempt, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import {
  checkRemoteShell,
  checkVmName,
  type RemoteShellOptions,
  remoteShellSpec,
} from "./reach_flags.ts";

/** What `vm ssh` does, checked. */
export type SshOptions = RemoteShellOptions<SshWords>;

/** `vm ssh`. */
export const sshCommand = defineCommand({
  spec: remoteShellSpec(
    "ssh",
    "ssh [USER@]NAME [ssh options] [-- COMMAND]: run ssh to the VM's address",
  ),
  parse: ({ flags, args }) =>
    checkRemoteShell(
      flags,
      andThen(
        attempt(() => parseSshWords(args)),
        (words) => mapValid(checkVmName(words.vm), () => words),
      ),
    ),
  async run({ words, ...target }: SshOptions, deps) {
    const { runWithAddresses } = await import("./_reach.ts");
    await runWithAddresses(
      "ssh",
      [words.vm],
      target,
      (addresses) => sshArgs(words, addresses.get(words.vm) ?? words.vm),
      deps,
    );
  },
});
