import { deepEqual, equal } from "node:assert/strict";
import { EMBEDDED_CRDS } from "./crds.ts";

const DIR = new URL("../../deploy/crds/", import.meta.url);

Deno.test("the embedded CRDs are exactly the YAML files of deploy/crds/", async () => {
  const files: string[] = [];
  for await (const e of Deno.readDir(DIR)) {
    if (e.isFile && e.name.endsWith(".yaml")) files.push(e.name);
  }
  deepEqual(Object.keys(EMBEDDED_CRDS).sort(), files.sort());
  for (const name of files) {
    equal(EMBEDDED_CRDS[name], await Deno.readTextFile(new URL(name, DIR)), name);
  }
});
