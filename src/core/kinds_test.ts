import assert from "node:assert/strict";
import { parse } from "yaml";
import { KINDS } from "./kinds.ts";

interface PrinterColumn {
  name: string;
  priority?: number;
}

/** The CRDs this repository installs, by kind: what kubectl's table shows for them. */
function printerColumns(): Map<string, PrinterColumn[]> {
  const dir = new URL("../../deploy/crds/", import.meta.url);
  const byKind = new Map<string, PrinterColumn[]>();
  for (const entry of Deno.readDirSync(dir)) {
    const crd = parse(Deno.readTextFileSync(new URL(entry.name, dir)));
    byKind.set(crd.spec.names.kind, crd.spec.versions[0].additionalPrinterColumns ?? []);
  }
  return byKind;
}

Deno.test("every kind's table has each CRD printer column, in -o wide when the CRD's priority is 1", () => {
  const crds = printerColumns();
  assert.equal(crds.size, KINDS.length);
  for (const kind of KINDS) {
    const ours = new Map(kind.columns.map((c) => [c.header, c.priority]));
    for (const column of crds.get(kind.kind)!) {
      const header = column.name.toUpperCase();
      assert.equal(ours.get(header), column.priority ?? 0, `${kind.kind} ${header}`);
    }
  }
});
