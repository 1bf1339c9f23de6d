/**
 * `hyperctl completion bash|zsh|fish`: print the completion script of a shell.
 * @module
 */

import { mapValid, unless } from "../../core/validation.ts";
import { defineCommand } from "../command.ts";
import { LOCAL_GLOBALS } from "../honoured_globals.ts";
import { completionScript, type Shell, SHELLS } from "./completion_script.ts";

/** `completion`. */
export const completionCommand = defineCommand({
  spec: {
    name: "completion",
    description: "print a shell completion script: source <(hyperctl completion bash)",
    args: [{ name: "shell", required: true, variadic: false, choices: SHELLS }],
    flags: [] as const,
    globals: LOCAL_GLOBALS,
  },
  parse: ({ args }) => {
    const shell = args[0];
    return mapValid(
      unless(
        !SHELLS.includes(shell as Shell),
        `${shell === undefined ? "missing shell" : `unsupported shell "${shell}"`}: use one of ${
          SHELLS.join(", ")
        }, e.g. source <(hyperctl completion bash)`,
      ),
      () => ({ shell: shell as Shell }),
    );
  },
  async run({ shell }, deps) {
    await deps.io.out.write(completionScript(shell));
  },
});
