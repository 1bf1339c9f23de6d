import assert from "node:assert/strict";
import { type KindSection, sectionsOf, showsKinds, sortSections } from "./kind_sections.ts";
import { kindByNoun } from "./kinds.ts";
import { parseSortKey } from "./sort.ts";

const [VM, OP] = [kindByNoun("vm"), kindByNoun("op")];
const obj = (name: string) => ({ metadata: { name } });
const show = (sections: readonly KindSection[]) =>
  sections.map((s) => `${s.kind.noun}:${s.objects.map((o) => o.metadata?.name).join(",")}`)
    .join(" ");

Deno.test("sectionsOf() starts a section wherever the kind changes", () => {
  const entries = [[VM, "a"], [VM, "b"], [OP, "c"], [VM, "d"]] as const;
  assert.equal(
    show(sectionsOf(entries.map(([kind, name]) => ({ kind, object: obj(name) })))),
    "vm:a,b op:c vm:d",
  );
  assert.deepEqual(sectionsOf([]), []);
});

Deno.test("showsKinds() counts a listed kind without objects, and one kind twice once", () => {
  assert.equal(showsKinds([{ kind: VM, objects: [obj("a")] }, { kind: OP, objects: [] }]), true);
  assert.equal(showsKinds([{ kind: VM, objects: [obj("a")] }, { kind: VM, objects: [] }]), false);
  assert.equal(showsKinds([]), false);
});

Deno.test("sortSections() sorts each table apart, or every object of a List together", () => {
  const sections = [
    { kind: VM, objects: [obj("d"), obj("a")] },
    { kind: OP, objects: [obj("c"), obj("b")] },
  ];
  const key = parseSortKey(".metadata.name");
  assert.equal(show(sortSections(sections, key, false)), "vm:a,d op:b,c");
  assert.equal(show(sortSections(sections, key, true)), "vm:a op:b,c vm:d");
});
