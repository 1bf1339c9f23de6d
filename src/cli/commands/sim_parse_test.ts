/** `sim`'s parse on its own: typed options from a good line, every problem of a bad one. */
import assert from "node:assert/strict";
import { parsedOptions, problemsOf } from "../../testing/parse_line.ts";
import { simCommand } from "./sim.ts";

Deno.test("sim parse gives typed options, its defaults included", async () => {
  assert.deepEqual(await parsedOptions(simCommand, []), {
    port: 0,
    vms: 12,
    nodes: ["node-1", "node-2", "node-3"],
    kubeconfigOut: undefined,
    pace: "normal",
    namespace: "default",
    readyFile: undefined,
  });
  const o = await parsedOptions(simCommand, ["--vms", "3", "--nodes", "a, b", "--pace", "fast"]);
  assert.deepEqual([o.vms, o.nodes, o.pace], [3, ["a", "b"], "fast"]);
});

Deno.test("sim parse names every problem of a line at once", async () => {
  assert.equal(
    await problemsOf(simCommand, [
      "--port",
      "70000",
      "--vms",
      "x",
      "--nodes",
      "A_1,ok,B_2",
      "--pace",
      "slow",
    ]),
    [
      '--port must be a whole number from 0 to 65535, got "70000"',
      '--vms must be a whole number from 0 to 100000, got "x"',
      '--nodes: "A_1" is not a valid node name',
      '--nodes: "B_2" is not a valid node name',
      '--pace must be fast or normal, got "slow"',
    ].join("; "),
  );
  assert.equal(
    await problemsOf(simCommand, ["--nodes", ", ,"]),
    "--nodes needs at least one node name",
  );
});
