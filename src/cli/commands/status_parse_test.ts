/** `status`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { statusCommand } from "./status.ts";

Deno.test("status parse gives the format and the connection flags", async () => {
  assert.deepEqual(await parsedOptions(statusCommand, ["-o", "yaml", "--context", "prod"]), {
    output: "yaml",
    globals: { context: "prod", output: "yaml", requestTimeout: "30s", verbose: false },
  });
});

Deno.test("status parse names every problem of a line at once", async () => {
  assert.equal(
    await problemsOf(statusCommand, ["-o", "wide", "--request-timeout", "5"]),
    'unknown output format "wide": allowed formats are table, json, yaml; ' +
      'cannot parse --request-timeout "5": add a unit, e.g. "5s"',
  );
});
