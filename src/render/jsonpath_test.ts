import { equal, throws } from "node:assert/strict";
import { parseJsonPath } from "../core/jsonpath/mod.ts";
import { kindByNoun } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";

const VM = kindByNoun("vm");
const a = { metadata: { name: "a", managedFields: [{ manager: "m" }] }, spec: { cpus: 2 } };
const b = { metadata: { name: "b" }, spec: { cpus: 4 } };
const template = (text: string) => ({ jsonPath: parseJsonPath(text), jsonPathSource: text });

Deno.test("jsonpath runs over kubectl's List for a list, and per object for get and watch", async () => {
  const list = await createRenderer("jsonpath", {
    kind: VM,
    nowMs: () => 0,
    print: template("{.kind}:{.metadata.resourceVersion}:{.items[*].metadata.name}"),
  });
  equal(list.list([a, b]), "List::a b");
  const one = await createRenderer("jsonpath", {
    kind: VM,
    nowMs: () => 0,
    watch: true,
    print: template('{.metadata.name}={.spec.cpus}{"\\n"}'),
  });
  equal(one.list([a, b]), "a=2\nb=4\n");
  equal(one.single(b), "b=4\n");
  equal(one.event({ type: "DELETED", object: a }, 0), "a=2\n");
});

Deno.test("jsonpath sees managedFields and, with --output-watch-events, the event type", async () => {
  const r = await createRenderer("jsonpath", {
    kind: VM,
    nowMs: () => 0,
    watch: true,
    print: {
      ...template("{.type} {.object.metadata.managedFields[0].manager}"),
      watchEvents: true,
    },
  });
  equal(r.event({ type: "MODIFIED", object: a }, 0), "MODIFIED m");
  equal(r.list([a]), "ADDED m");
});

Deno.test("jsonpath-as-json prints indented arrays; execution errors quote the template", async () => {
  const r = await createRenderer("jsonpath-as-json", {
    kind: VM,
    nowMs: () => 0,
    print: template("{.items[*].spec.cpus}"),
  });
  equal(r.list([a, b]), "[\n    2,\n    4\n]\n");
  const strict = await createRenderer("jsonpath", {
    kind: VM,
    nowMs: () => 0,
    print: { ...template("{.spec.nope}"), allowMissingKeys: false },
  });
  throws(() => strict.single(a), {
    message: 'cannot execute jsonpath template "{.spec.nope}": nope is not found',
  });
});

Deno.test("jsonpath on a terminal makes control characters visible", async () => {
  const evil = { metadata: { name: "x\x1b[31m" } };
  const r = await createRenderer("jsonpath", {
    kind: VM,
    nowMs: () => 0,
    print: { ...template('{.metadata.name}{"\\n"}'), terminal: true },
  });
  equal(r.single(evil), "x^[[31m\n");
});
