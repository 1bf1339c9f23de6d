/**
 * `op wait NAME…` (and `snapshot|backup|restore wait`): resume waiting for objects created
 * earlier — after a timeout or Ctrl+C, or by another tool.
 * @module
 */

import { kindByNoun, type KindInfo, type Noun } from "../../core/kinds.ts";
import { collect, mapValid, unless } from "../../core/validation.ts";
import { type Command, defineCommand } from "../command.ts";
import { switchFlag, valueFlag } from "../command_spec.ts";
import { WRITE_GLOBALS, WRITE_OUTPUTS } from "../honoured_globals.ts";
import { checkWriting, NOTIFY_FLAG, withWatchIdle, type WritingOptions } from "./mutation_flags.ts";
import { checkTargets } from "./target_spec.ts";

const FLAGS = [
  valueFlag("--timeout", "duration", "give up after this long (0 = check once)", {
    default: "5m",
  }),
  valueFlag("--progress", "mode", "auto|bar|lines|none"),
  switchFlag("--show-progress", "same as --progress bar"),
  NOTIFY_FLAG,
] as const;

/** What `<noun> wait` does, checked. */
export interface ResumeWaitOptions extends WritingOptions {
  kind: KindInfo;
  names: string[];
}

/** `<noun> wait`. */
export function resumeWaitCommand(noun: Noun): Command<ResumeWaitOptions> {
  const kind = kindByNoun(noun);
  return defineCommand({
    spec: {
      name: "wait",
      description: `wait for ${noun} objects to finish (resume after a timeout or Ctrl+C)`,
      args: [{ name: "names", required: true, variadic: true }],
      flags: FLAGS,
      globals: WRITE_GLOBALS,
      outputFormats: WRITE_OUTPUTS,
    },
    parse: ({ flags, args }, env) =>
      checkWriting(
        { ...flags, wait: true },
        env.stderrIsTTY,
        true,
        mapValid(
          collect({
            some: unless(args.length === 0, `${noun} wait needs at least one name`),
            targets: checkTargets(kind, args, undefined),
          }),
          ({ targets }) => ({ kind, names: targets.names }),
        ),
      ),
    async run({ kind, names, mutation, globals }, deps) {
      const [{ concludeWait, waitFor }, { createRenderer }] = await Promise.all([
        import("../operation_wait.ts"),
        import("../../render/create_renderer.ts"),
      ]);
      const waiting = withWatchIdle(mutation, deps);
      const conn = await deps.connect(globals);
      try {
        const targets = names.map((name) => ({
          kind,
          namespace: conn.namespace,
          name,
          title: name,
        }));
        const results = await waitFor(conn.api, targets, waiting, deps);
        if (mutation.output !== undefined) {
          const renderer = await createRenderer(mutation.output, { kind, nowMs: deps.clock.now });
          const objects = results.flatMap((r) => (r.object ? [r.object] : []));
          if (objects.length > 0) {
            await deps.io.out.write(
              objects.length === 1 ? renderer.single(objects[0]) : renderer.list(objects),
            );
          }
        }
        await concludeWait(results, mutation, deps);
      } finally {
        conn.close();
      }
    },
  });
}
