/** `get`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { kindByNoun } from "../../core/kinds.ts";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { getCommand } from "./get.ts";

const vmGet = getCommand(kindByNoun("vm"));

Deno.test("get parse gives typed options for a good line", async () => {
  const several = await parsedOptions(vmGet, ["a", "b", "-o", "yaml"]);
  assert.deepEqual(
    [several.names, several.output, several.watch, several.forMs, several.noHeaders],
    [["a", "b"], "yaml", "none", undefined, false],
  );
  const watched = await parsedOptions(vmGet, ["a", "--watch-only", "--for", "30s", "-L", "env"]);
  assert.deepEqual([watched.watch, watched.forMs], ["watch-only", 30_000]);
  assert.deepEqual(watched.print.labelColumns, ["env"]);
});

Deno.test("get parse names every problem of a line at once", async () => {
  const message = await problemsOf(vmGet, ["Bad_Name", "b", "-w", "-A", "-o", "json", "-L", "x"]);
  assert.deepEqual(message.split("; ").map((p) => p.replace(/:.*/, "").replace(/ ".*/, "")), [
    "a virtualmachine cannot be retrieved by name across all namespaces",
    "use -n NAMESPACE",
    "invalid virtualmachine name",
    "--watch follows one virtualmachine",
    "for several use list -w (-l SELECTOR)",
  ]);
  assert.equal(
    await problemsOf(vmGet, ["a", "--for", "1m", "--output-watch-events"]),
    "--for needs --watch or --watch-only; " +
      "--output-watch-events can only be used with --watch or --watch-only",
  );
});

Deno.test("get parse takes --sort-by, and refuses a selector beside names as kubectl does", async () => {
  const sorted = await parsedOptions(vmGet, ["a", "b", "--sort-by", ".status.conditions[0].type"]);
  assert.equal(sorted.sortKey?.field, "{.status.conditions[0].type}");
  assert.equal((await parsedOptions(vmGet, ["a", "b", "--sort-by", ""])).sortKey, undefined);
  for (const selector of [["-l", "tier=web"], ["--selector=tier"], ["--field-selector", "x=y"]]) {
    assert.equal(
      await problemsOf(vmGet, ["a", ...selector]),
      "name cannot be provided when a selector is specified",
    );
  }
  assert.match(await problemsOf(vmGet, ["a", "b", "--sort-by", "{.a}{.b}"]), /unexpected path/);
});
