import assert from "node:assert/strict";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { confirmDestructive } from "./_targets.ts";

Deno.test("confirmDestructive() without --yes names the stream that is not a terminal", async () => {
  const refusal = async (stdin: boolean, stderr: boolean) => {
    const deps = fakeDeps({ tty: true });
    deps.io.stdinIsTTY = stdin;
    deps.io.stderrIsTTY = stderr;
    const e = await confirmDestructive("delete vm a", undefined, deps).catch((e: Error) => e);
    return (e as Error).message;
  };
  assert.equal(
    await refusal(false, true),
    "refusing to delete vm a without --yes: stdin is not a terminal",
  );
  // A terminal on stdin, but the prompt would be written to a file.
  assert.equal(
    await refusal(true, false),
    "refusing to delete vm a without --yes: stderr is not a terminal",
  );
  assert.equal(await confirmDestructive("delete vm a", true, fakeDeps()), true);
});
