/**
 * `vm scp [scp options…] SRC DST`: `NAME:path` (or `USER@NAME:path`) on either side becomes the
 * VM's address; the system's scp runs with the user's options, and its exit code is ours.
 * @module
 */

import { parseScpWords, scpArgs, type ScpWords } from "../../../core/remote_shell_args.ts";
import { andThen, attempt, mapValid } from "../../../core/validation.ts";
import { defineCommand } from "../../command.ts";
import {
  checkRemoteShell,
  checkVmNames,
  type RemoteShellOptions,
  remoteShellSpec,
} from "./reach_flags.ts";

/** What `vm scp` does, checked. */
export type ScpOptions = RemoteShellOptions<ScpWords>;

/** `vm scp`. */
export const scpCommand = defineCommand({
  spec: remoteShellSpec("scp", "scp [scp options] SRC DST with NAME:path on either side"),
  parse: ({ flags, args }) =>
    checkRemoteShell(
      flags,
      andThen(
        attempt(() => parseScpWords(args)),
        (words) => mapValid(checkVmNames(words.remotes.map((r) => r.vm)), () => words),
      ),
    ),
  async run({ words, ...target }: ScpOptions, deps) {
    const { runWithAddresses } = await import("./_reach.ts");
    await runWithAddresses(
      "scp",
      [...new Set(words.remotes.map((r) => r.vm))],
      target,
      (addresses) => scpArgs(words, addresses),
      deps,
    );
  },
});
