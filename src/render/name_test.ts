import { equal } from "node:assert/strict";
import { kindByNoun, KINDS } from "../core/kinds.ts";
import { createRenderer } from "./create_renderer.ts";
import { NOW } from "./testdata/fixtures.ts";

Deno.test("name prints kind.group/name with the kind lowercased, for every kind", async () => {
  const expected: Record<string, string> = {
    vm: "virtualmachine.hypersdk.io/a",
    op: "vmoperation.hypersdk.io/a",
    snapshot: "vmsnapshot.hypersdk.io/a",
    template: "vmtemplate.hypersdk.io/a",
    backup: "backupjob.hypersdk.io/a",
    restore: "restorejob.hypersdk.io/a",
    schedule: "backupschedule.hypersdk.io/a",
  };
  for (const kind of KINDS) {
    const r = await createRenderer("name", { kind, nowMs: () => NOW });
    equal(r.single({ metadata: { name: "a" } }), expected[kind.noun] + "\n");
  }
});

Deno.test("name prints one line per listed object and per event, no event type", async () => {
  const r = await createRenderer("name", { kind: kindByNoun("vm"), nowMs: () => NOW, watch: true });
  equal(
    r.list([{ metadata: { name: "a" } }, { metadata: { name: "b" } }]),
    "virtualmachine.hypersdk.io/a\nvirtualmachine.hypersdk.io/b\n",
  );
  equal(
    r.event({ type: "DELETED", object: { metadata: { name: "a" } } }, NOW),
    "virtualmachine.hypersdk.io/a\n",
  );
  equal(r.list([]), "");
});
