/** `wait`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { parsedOptions, PIPED, problemsOf } from "../../testing/parse_line.ts";
import { waitForCommand } from "./wait_for.ts";

Deno.test("wait parse gives typed options for a good line", async () => {
  const o = await parsedOptions(waitForCommand, ["vm/a", "vm/b", "--for", "phase=Running"]);
  assert.deepEqual([o.kind.noun, o.names, o.condition.type, o.timeoutMs, o.progress], [
    "vm",
    ["a", "b"],
    "phase",
    30_000,
    "none",
  ]);
  const all = await parsedOptions(
    waitForCommand,
    ["op", "--all", "-A", "--for", "delete", "--timeout", "-1s", "-o", "name"],
    { ...PIPED, stderrIsTTY: true },
  );
  assert.deepEqual([all.all, all.allNamespaces, all.timeoutMs, all.output, all.progress], [
    true,
    true,
    7 * 24 * 3_600_000,
    "name",
    "bar",
  ]);
});

Deno.test("wait parse names every problem of a line at once", async () => {
  const message = await problemsOf(waitForCommand, [
    "vm",
    "Bad_Name",
    "-l",
    "a=b",
    "-A",
    "--for",
    "phase=Nope",
    "--timeout",
    "soon",
    "-o",
    "wide",
  ]);
  const parts = message.split("; ");
  for (
    const expected of [
      /^invalid virtualmachine name "Bad_Name"/,
      /^wait needs exactly one of: virtualmachine names, -l SELECTOR, --all$/,
      /^-A goes with -l or --all/,
      /Nope/,
      /^cannot parse duration "soon"/,
      /^unknown output format "wide"/,
    ]
  ) {
    assert.ok(parts.some((p) => expected.test(p)), `${expected} not in: ${message}`);
  }
  assert.match(
    await problemsOf(waitForCommand, ["nokind", "--for", "delete", "--progress", "sometimes"]),
    /^unknown resource type "nokind".*; .*sometimes/,
  );
});
