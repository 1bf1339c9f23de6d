/** `list`'s parse decides whether a list or watch can ask for metadata only, per flag. */
import assert from "node:assert/strict";
import { kindByNoun } from "../../core/kinds.ts";
import { parsedOptions } from "../../testing/parse_line.ts";
import { listCommand } from "./list.ts";

const vmList = listCommand(kindByNoun("vm"));

Deno.test("list parse: -o name with server-side selectors lists metadata only", async () => {
  for (
    const line of [
      ["-o", "name"],
      ["-o", "name", "-A", "-l", "tier=web", "--field-selector", "metadata.name=a"],
      ["-o", "name", "--chunk-size", "2", "--created-after", "24h", "--sort-by", "name"],
      ["-o", "custom-columns=NAME:.metadata.name,APP:.metadata.labels.app"],
      ["-o", 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}'],
      ["-o", "name", "-w"],
      ["-o", "name", "--watch-only", "--created-after", "1h"],
      ["-o", "jsonpath={.metadata.name}", "-w"],
    ]
  ) {
    assert.equal((await parsedOptions(vmList, line)).metadataOnly, true, line.join(" "));
  }
});

Deno.test("list parse: a filter, sort or output that reads more lists whole objects", async () => {
  for (
    const line of [
      ["-o", "json"],
      [],
      ["-o", "name", "--status", "running"],
      ["-o", "name", "--node", "node-1"],
      ["-o", "name", "--min-cpus", "2"],
      ["-o", "name", "--min-memory", "8Gi"],
      ["-o", "name", "--where", "name = a"],
      ["-o", "name", "--sort-by", "cpus"],
      ["-o", "name", "-w", "--state-file", "/tmp/state.json"],
      ["-o", "name", "-w", "--status", "running"],
      ["-o", "jsonpath={.items[*].spec.cpus}"],
      ["-o", "jsonpath={.metadata.name}", "-w", "--output-watch-events"],
      ["-o", "jsonpath={.items[*].metadata.name}", "--allow-missing-template-keys=false"],
      ["-o", "custom-columns=NAME:.metadata.name,CPUS:.spec.cpus"],
      ["-o", "custom-columns=NAME:.metadata.name", "--status", "running"],
    ]
  ) {
    assert.equal((await parsedOptions(vmList, line)).metadataOnly, false, line.join(" "));
  }
});
