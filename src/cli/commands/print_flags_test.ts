import { deepEqual, equal, throws } from "node:assert/strict";
import { orThrow } from "../../core/validation.ts";
import { checkPrintFlags, type PrintFlagValues, withTemplateFile } from "./print_flags.ts";
import { InputError } from "../../core/input_error.ts";

const noFiles = (path: string): string => {
  throw new Error(`No such file or directory (os error 2): readfile '${path}'`);
};
const parseOutputFlags = (
  value: string | undefined,
  flags: PrintFlagValues,
  context: { watch: boolean; readFile: (path: string) => string },
) => withTemplateFile(orThrow(checkPrintFlags(value, flags, context)), context.readFile);
const parse = (value: string | undefined, flags = {}, watch = false) =>
  parseOutputFlags(value, flags, { watch, readFile: noFiles });

Deno.test("checkPrintFlags() maps every template format to a renderer format", () => {
  equal(parse(undefined).output, "table");
  equal(parse("wide").output, "wide");
  equal(parse("jsonpath={.kind}").output, "jsonpath");
  equal(parse("jsonpath-as-json={.kind}").output, "jsonpath-as-json");
  equal(parse("custom-columns=N:.metadata.name").output, "custom-columns");
  const files: Record<string, string> = { "t.txt": "{.kind}", "c.txt": "N\n.metadata.name\n" };
  const read = (p: string) => files[p];
  const file = parseOutputFlags("jsonpath-file=t.txt", {}, { watch: false, readFile: read });
  deepEqual([file.output, file.print.jsonPathSource], ["jsonpath", "{.kind}"]);
  const cols = parseOutputFlags("custom-columns-file=c.txt", {}, { watch: false, readFile: read });
  deepEqual(cols.print.customColumns?.map((c) => c.header), ["N"]);
});

Deno.test("checkPrintFlags() reads kubectl's printing flags", () => {
  const { print } = parse(undefined, {
    labelColumns: ["tier,env", "app.kubernetes.io/name"],
    showLabels: true,
    showKind: true,
    allowMissingTemplateKeys: "false",
  });
  deepEqual(print.labelColumns, ["tier", "env", "app.kubernetes.io/name"]);
  equal(print.showLabels, true);
  equal(print.allowMissingKeys, false);
  equal(parse("jsonpath={.a}", { outputWatchEvents: true }, true).print.watchEvents, true);
});

Deno.test("checkPrintFlags() rejects bad -o values and flag mixes before anything is sent", () => {
  const cases: [string | undefined, object, string][] = [
    ["jsonpath={.items[0", {}, 'cannot parse jsonpath template "{.items[0": unterminated array'],
    ["jsonpath", {}, "-o jsonpath needs a template, e.g. -o jsonpath='{.items[*].metadata.name}'"],
    [
      "custom-columns=",
      {},
      "-o custom-columns needs columns, e.g. -o custom-columns=NAME:.metadata.name,CPUS:.spec.cpus",
    ],
    [
      "custom-columns=NAME",
      {},
      "cannot parse custom columns: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>",
    ],
    [
      "go-template={{.kind}}",
      {},
      "-o go-template is not supported: use -o jsonpath=TEMPLATE (kubectl's jsonpath), or -o json | jq",
    ],
    [
      "template",
      {},
      "-o template is not supported: use -o jsonpath=TEMPLATE (kubectl's jsonpath), or -o json | jq",
    ],
    [
      "jsonpath-file=missing.txt",
      {},
      `cannot read jsonpath file "missing.txt": No such file or directory (os error 2): readfile 'missing.txt'`,
    ],
    [
      "json",
      { showLabels: true },
      "--show-labels adds a table column: it cannot be used with -o json",
    ],
    [
      undefined,
      { outputWatchEvents: true },
      "--output-watch-events can only be used with --watch or --watch-only",
    ],
    [
      undefined,
      { allowMissingTemplateKeys: "maybe" },
      '--allow-missing-template-keys must be true or false, got "maybe"',
    ],
  ];
  for (const [value, flags, message] of cases) {
    throws(() => parse(value, flags), (e: Error) => {
      equal(e.message, message);
      return e instanceof InputError;
    });
  }
  throws(
    () => parse("jsonpth"),
    /unknown output format "jsonpth": allowed formats are .*jsonpath=….*\(did you mean "jsonpath"\?\)/,
  );
});

Deno.test("checkPrintFlags() names every problem at once", () => {
  throws(
    () => parse("json", { showLabels: true, outputWatchEvents: true }),
    {
      message: "--show-labels adds a table column: it cannot be used with -o json; " +
        "--output-watch-events can only be used with --watch or --watch-only",
    },
  );
  throws(
    () => parse("jsonpth", { allowMissingTemplateKeys: "maybe" }),
    /unknown output format "jsonpth".*; --allow-missing-template-keys must be true or false/,
  );
});

Deno.test("a template file is read only by withTemplateFile, never by the check", () => {
  const choice = orThrow(checkPrintFlags("jsonpath-file=t.txt", {}, { watch: false }));
  deepEqual(choice.templateFile, { format: "jsonpath-file", path: "t.txt" });
  equal(choice.print.jsonPath, undefined);
});

Deno.test("checkPrintFlags() reads formats and booleans as kubectl does: JSON, NAME, FALSE, 0", () => {
  deepEqual(["JSON", "Yaml", "NAME"].map((f) => parse(f).output), ["json", "yaml", "name"]);
  // kubectl folds the case of those three only.
  throws(() => parse("WIDE"), /unknown output format "WIDE"/);
  throws(() => parse("JSONPATH={.kind}"), /unknown output format/);
  for (const no of ["FALSE", "False", "f", "0"]) {
    equal(
      parse("jsonpath={.kind}", { allowMissingTemplateKeys: no }).print.allowMissingKeys,
      false,
    );
  }
  equal(parse("jsonpath={.kind}", { allowMissingTemplateKeys: "T" }).print.allowMissingKeys, true);
  throws(() => parse("jsonpath={.kind}", { allowMissingTemplateKeys: "yes" }), /true or false/);
});

Deno.test("checkPrintFlags() ignores -L and --show-kind where there is no table, as kubectl does", () => {
  for (const format of ["json", "yaml", "name", "jsonpath={.kind}", "custom-columns=N:.kind"]) {
    const { print } = parse(format, { labelColumns: ["tier"], showKind: true });
    deepEqual([print.labelColumns, print.showKind], [[], false], format);
  }
  const { print } = parse("wide", { labelColumns: ["tier,env"], showKind: true });
  deepEqual([print.labelColumns, print.showKind], [["tier", "env"], true]);
});
