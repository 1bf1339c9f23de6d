import { InputError } from "../input_error.ts";
import { equal, throws } from "node:assert/strict";
import fc from "fast-check";
import { executeJsonPath, JsonPathExecutionError } from "./evaluate.ts";
import { parseJsonPath } from "./parse.ts";

const VM = (name: string, cpus: number, phase: string, labels: Record<string, string> = {}) => ({
  metadata: { name, labels },
  spec: { cpus, memory: `${cpus * 2}Gi`, running: phase === "Running" },
  status: {
    phase,
    conditions: [{ type: "Ready", status: phase === "Running" ? "True" : "False" }],
  },
});
const LIST = {
  apiVersion: "v1",
  kind: "List",
  metadata: { resourceVersion: "" },
  items: [VM("a", 1, "Running", { tier: "web" }), VM("b", 4, "Stopped"), VM("c", 2, "Running")],
};

const run = (template: string, data: unknown = LIST, allowMissingKeys = true) =>
  executeJsonPath(parseJsonPath(template), data, { allowMissingKeys });

Deno.test("executeJsonPath() prints as kubectl: spaces within a node, nothing between nodes", () => {
  const cases: [string, string][] = [
    ["{.items[*].metadata.name}", "a b c"],
    ["{.items[-1:].metadata.name}", "c"],
    ["{.items[0:3:2].metadata.name}", "a c"],
    ["{.items[1:1]}", ""],
    ["{.items[0,2].metadata.name}", "a c"],
    ["{.items[?(@.spec.cpus>1)].metadata.name}", "b c"],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', "a c"],
    ["{.items[?(@.spec.running==true)].metadata.name}", "a c"],
    ["{.items[?(@.metadata.labels.tier)].metadata.name}", "a"],
    ["{.items[?(@.spec.cpus>1 && @.spec.cpus<4)].metadata.name}", "c"],
    ['{.items[?(@.spec.cpus==4 || @.metadata.name=="a")].metadata.name}', "a b"],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.spec.cpus}{"\\n"}{end}', "a\t1\nb\t4\nc\t2\n"],
    ["{range .items[*]}{range .status.conditions[*]}{.type};{end}|{end}", "Ready;|Ready;|Ready;|"],
    ["{range .items[?(@.spec.cpus>9)]}{.x}{end}done", "done"],
    ["{.items[0].metadata.labels}", '{"tier":"web"}'],
    ["{.items[0].spec.*}", "1 2Gi true"],
    ["{.items[0]..phase}", "Running"],
    ["{.kind} {@.apiVersion} {$.metadata.resourceVersion}", "List v1 "],
    ["{.items[0].metadata.name.*}", "97"],
    ["{.items[*].nope}", ""],
    ['{"<&>"}', "<&>"],
  ];
  for (const [template, want] of cases) equal(run(template), want, template);
});

Deno.test("executeJsonPath() as JSON prints one indented array per node", () => {
  equal(
    executeJsonPath(parseJsonPath("{.items[*].spec.cpus}{.kind}"), LIST, { asJson: true }),
    '[\n    1,\n    4,\n    2\n]\n[\n    "List"\n]\n',
  );
});

Deno.test("executeJsonPath() fails where kubectl fails to execute", () => {
  const cases: [string, string, boolean][] = [
    ["{.items[5]}", "array index out of bounds: index 5, length 3", true],
    ["{.items[0].spec.cpus[0]}", "int64 is not array or slice", true],
    ["{.items[0].metadata[*]}", "map[string]interface {} is not array or slice", true],
    ["{.items[?(@.spec.cpus>1.5)]}", "incompatible types for comparison", true],
    ['{.items[?(@.spec.cpus>"1")]}', "incompatible types for comparison", true],
    ["{.items[?(@.spec.running<true)]}", "invalid type for comparison", true],
    ["{.items[2:1]}", "starting index 2 is greater than ending index 1", true],
    ["{.items[0:3:0]}", "step must be > 0", true],
    ["{.items[0].nope}", "nope is not found", false],
  ];
  for (const [template, reason, allow] of cases) {
    throws(() => run(template, LIST, allow), (e: Error) => {
      equal(e.message, reason, template);
      return e instanceof JsonPathExecutionError;
    });
  }
});

Deno.test("executeJsonPath() keeps no state between runs (one template for every watch event)", () => {
  const template = parseJsonPath("{range .status.conditions[*]}{.type}{end}:{.metadata.name}\n");
  equal(executeJsonPath(template, LIST.items[0]), "Ready:a\n");
  equal(executeJsonPath(template, LIST.items[1]), "Ready:b\n");
});

Deno.test("executeJsonPath() walks 100 000 items with .. and range without exhausting the stack", () => {
  const items = Array.from({ length: 100_000 }, (_, i) => ({ metadata: { name: `vm-${i}` } }));
  const names = run("{..name}", { items });
  equal(names.split(" ").length, 100_000);
  equal(
    run('{range .items[*]}{.metadata.name}{"\\n"}{end}', { items }).split("\n").length,
    100_001,
  );
});

Deno.test("executeJsonPath() prints or fails with JsonPathExecutionError, never crashes", () => {
  const piece = fc.constantFrom(
    ".a",
    ".b",
    "[*]",
    "[0]",
    "[-1:]",
    "[0,1]",
    "..a",
    ".*",
    "[?(@.a>1)]",
    '[?(@.b=="x")]',
    "[?(@.a)]",
    " range ",
    " end ",
    '"t"',
    "@",
  );
  const template = fc.array(fc.array(piece, { maxLength: 4 }).map((p) => `{${p.join("")}}`), {
    minLength: 1,
    maxLength: 4,
  }).map((actions) => actions.join(""));
  fc.assert(
    fc.property(template, fc.jsonValue(), fc.boolean(), (text, data, allowMissingKeys) => {
      let parsed;
      try {
        parsed = parseJsonPath(text);
      } catch (e) {
        if (e instanceof InputError) return;
        throw e;
      }
      try {
        equal(typeof executeJsonPath(parsed, data, { allowMissingKeys }), "string");
      } catch (e) {
        if (!(e instanceof JsonPathExecutionError)) throw e;
      }
    }),
    { numRuns: 2000 },
  );
});
