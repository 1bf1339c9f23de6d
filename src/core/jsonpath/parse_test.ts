import { InputError } from "../input_error.ts";
import { deepEqual, equal, throws } from "node:assert/strict";
import fc from "fast-check";
import { parseJsonPath } from "./parse.ts";

Deno.test("parseJsonPath() builds client-go's nodes for text, fields, slices and filters", () => {
  deepEqual(parseJsonPath('a{.b.c}{"\\n"}').nodes, [
    { type: "text", text: "a" },
    { type: "list", nodes: [{ type: "field", name: "b" }, { type: "field", name: "c" }] },
    { type: "list", nodes: [{ type: "text", text: "\n" }] },
  ]);
  deepEqual(parseJsonPath("{[-1:]}").nodes[0], {
    type: "list",
    nodes: [{
      type: "array",
      params: [
        { value: -1, known: true, derived: false },
        { value: 0, known: false, derived: false },
        { value: 0, known: false, derived: false },
      ],
    }],
  });
  // ['a.b'] is two fields in kubectl too: the key is re-read as a path.
  deepEqual(parseJsonPath("{['a.b']}").nodes[0], {
    type: "list",
    nodes: [{ type: "field", name: "a" }, { type: "field", name: "b" }],
  });
  deepEqual(parseJsonPath("{.a\\.b}").nodes[0], {
    type: "list",
    nodes: [{ type: "field", name: "a.b" }],
  });
});

Deno.test("parseJsonPath() reads filters, && and || (beyond kubectl) and literals", () => {
  const [action] = parseJsonPath('{[?(@.a=="x" && @.b>2 || @.c)]}').nodes;
  const filter = (action as { nodes: { type: string; test: unknown }[] }).nodes[0];
  equal(filter.type, "filter");
  const test = filter.test as { operator: string; tests: { operator: string }[] };
  equal(test.operator, "||");
  deepEqual(test.tests.map((t) => t.operator), ["&&", "exists"]);
  deepEqual(
    parseJsonPath("{2.5}{-3}{true}").nodes.map((n) => (n as { nodes: unknown[] }).nodes[0]),
    [
      { type: "float", value: 2.5 },
      { type: "int", value: -3 },
      { type: "bool", value: true },
    ],
  );
});

Deno.test("parseJsonPath() fails with kubectl's reasons", () => {
  const cases: [string, string][] = [
    ["{.items[0", "unterminated array"],
    ["{.a", "unclosed action"],
    ["{.a[?(@.b==1)}", "unclosed array expect ]"],
    ["{.a[?(@.b==1", "unterminated filter"],
    ["{'abc}", "unterminated quoted string"],
    ["{.a[x]}", "invalid array index x"],
    ["{.a....b}", "invalid multiple recursive descent"],
    ["{.a & .b}", "unrecognized character in action: U+0026 '&'"],
    ["{1.2.3}", "cannot parse number 1.2.3"],
    ["{foo}", "unrecognized identifier foo"],
    ["{end}", "not in range, nothing to end"],
    ["{[?(@.a=1)]}", "unrecognized filter operator ="],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
  ];
  for (const [template, reason] of cases) {
    throws(() => parseJsonPath(template), (e: Error) => {
      equal(e.message, reason, template);
      return e instanceof InputError;
    });
  }
});

Deno.test("parseJsonPath() never throws anything but InputError", () => {
  fc.assert(fc.property(fc.string(), (text) => {
    try {
      parseJsonPath(text);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }));
});
