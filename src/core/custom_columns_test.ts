import { deepEqual, equal, throws } from "node:assert/strict";
import { parseCustomColumns, parseCustomColumnsFile, relaxedJsonPath } from "./custom_columns.ts";

Deno.test("relaxedJsonPath() accepts kubectl's four spellings", () => {
  for (const path of ["a.b", ".a.b", "{a.b}", "{.a.b}"]) equal(relaxedJsonPath(path), "{.a.b}");
  throws(() => relaxedJsonPath("{a}{b}"), /unexpected path string/);
});

Deno.test("parseCustomColumns() splits on commas and the first colon", () => {
  deepEqual(parseCustomColumns("NAME:.metadata.name,A:B:.x").map((c) => c.header), ["NAME", "A"]);
  throws(() => parseCustomColumns(""), /no custom columns given/);
  throws(() => parseCustomColumns("NAME"), /expected <header>:<json-path-expr>/);
  throws(
    () => parseCustomColumns("N:.a[0"),
    /cannot parse column N path "\.a\[0": unterminated array/,
  );
});

Deno.test("parseCustomColumnsFile() pairs a header line with a spec line", () => {
  deepEqual(
    parseCustomColumnsFile("NAME  CPUS\n.metadata.name\t.spec.cpus\n").map((c) => c.header),
    [
      "NAME",
      "CPUS",
    ],
  );
  throws(() => parseCustomColumnsFile("NAME"), /missing spec line/);
  // A final newline ends the header line; it is no empty spec line (kubectl reads lines so too).
  throws(() => parseCustomColumnsFile("NAME\n"), /missing spec line/);
  throws(() => parseCustomColumnsFile("NAME\r\n"), /missing spec line/);
  throws(
    () => parseCustomColumnsFile("NAME\n\n"),
    /number of headers \(1\) and field specifications \(0\)/,
  );
  throws(() => parseCustomColumnsFile(""), /missing header line/);
  throws(
    () => parseCustomColumnsFile("A B\n.a\n"),
    /number of headers \(2\) and field specifications \(1\)/,
  );
});
