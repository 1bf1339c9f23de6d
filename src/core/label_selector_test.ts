import { InputError } from "./input_error.ts";
import assert from "node:assert/strict";
import fc from "fast-check";
import { assertThrowsWith } from "../testing/assert_throws.ts";
import {
  formatLabelSelector,
  type LabelSelector,
  matchesLabels,
  parseLabelSelector,
} from "./label_selector.ts";

Deno.test("parseLabelSelector() parses every operator", () => {
  assert.deepEqual(
    parseLabelSelector(
      "a=1, b==2 ,c!=3,d in (x, y),e notin(z),f,!g,h>5,i<0,example.com/j=k,k in ()",
    ),
    [
      { key: "a", operator: "=", values: ["1"] },
      { key: "b", operator: "==", values: ["2"] },
      { key: "c", operator: "!=", values: ["3"] },
      { key: "d", operator: "in", values: ["x", "y"] },
      { key: "e", operator: "notin", values: ["z"] },
      { key: "f", operator: "exists", values: [] },
      { key: "g", operator: "!", values: [] },
      { key: "h", operator: ">", values: ["5"] },
      { key: "i", operator: "<", values: ["0"] },
      { key: "example.com/j", operator: "=", values: ["k"] },
      { key: "k", operator: "in", values: [""] },
    ],
  );
  assert.deepEqual(parseLabelSelector(""), []);
  assert.deepEqual(parseLabelSelector("   "), []);
  assert.deepEqual(parseLabelSelector("a="), [{ key: "a", operator: "=", values: [""] }]);
  assert.deepEqual(parseLabelSelector("in=notin"), [{
    key: "in",
    operator: "=",
    values: ["notin"],
  }]);
  assert.deepEqual(parseLabelSelector("a in (,b)"), [{
    key: "a",
    operator: "in",
    values: ["", "b"],
  }]);
});

Deno.test("parseLabelSelector() names the column of the error", () => {
  const cases: [string, string][] = [
    ["env in (a", `expected ")" at column 10`],
    ["env in a", `expected "(", found "a" at column 8`],
    ["env=prod,", `expected a label key after ",", found end of input at column 10`],
    ["env=prod tier", `expected "," or end of input, found "tier" at column 10`],
    ["=a", `expected a label key, found "=" at column 1`],
    ["!a=b", `expected "," or end of input after "!a" at column 3`],
    ["a b", `expected one of "=", "==", "!=", "in", "notin", ">", "<", found "b" at column 3`],
    ["a>b", `the value for ">" must be an integer at column 3`],
    ["a<99999999999999999999", `the value for "<" must be an integer at column 3`],
    ["a=(", `expected a value, found "(" at column 3`],
    ["a in (b c)", `expected ")" at column 9`],
    [
      "a<-5",
      `value "-5" must be empty or alphanumeric with "-", "_" or "." inside, starting and ending with a letter or digit at column 3`,
    ],
    ["a in (=)", `expected a value or ")", found "=" at column 7`],
    [
      "a=-b",
      `value "-b" must be empty or alphanumeric with "-", "_" or "." inside, starting and ending with a letter or digit at column 3`,
    ],
    [`a=${"v".repeat(64)}`, `value "${"v".repeat(64)}" is longer than 63 characters at column 3`],
    [
      "Example.com/a=b",
      `key prefix "Example.com" must be a lowercase DNS subdomain of at most 253 characters at column 1`,
    ],
    ["/a", `key "/a" has an empty prefix before "/" at column 1`],
    ["a/b/c", `key "a/b/c" has more than one "/" at column 1`],
    ["x/", `key "x/" has an empty name at column 1`],
    [`${"k".repeat(64)}`, `key name "${"k".repeat(64)}" is longer than 63 characters at column 1`],
  ];
  for (const [input, why] of cases) {
    assertThrowsWith(
      () => parseLabelSelector(input),
      InputError,
      `cannot parse label selector ${JSON.stringify(input)}: ${why}`,
    );
  }
});

Deno.test("matchesLabels() follows upstream semantics", () => {
  const labels = { env: "prod", tier: "web", gen: "10", bad: "x1" };
  const cases: [string, boolean][] = [
    ["", true],
    ["env=prod", true],
    ["env==qa", false],
    ["env!=qa", true],
    ["env!=prod", false],
    ["missing!=x", true],
    ["env in (qa, prod)", true],
    ["env notin (qa, prod)", false],
    ["missing notin (a)", true],
    ["missing in (a)", false],
    ["env", true],
    ["missing", false],
    ["!missing", true],
    ["!env", false],
    ["gen>9", true],
    ["gen>10", false],
    ["gen<11", true],
    ["gen<0", false],
    ["bad>0", false],
    ["bad<0", false],
    ["missing>0", false],
    ["env=prod,tier=web", true],
    ["env=prod,tier=api", false],
  ];
  for (const [sel, want] of cases) {
    assert.equal(matchesLabels(parseLabelSelector(sel), labels), want, sel);
  }
  assert.equal(matchesLabels(parseLabelSelector("empty="), { empty: "" }), true);
  assert.equal(matchesLabels(parseLabelSelector("empty="), {}), false);
});

const key = fc.tuple(
  fc.option(fc.stringMatching(/^[a-z0-9]{1,4}(\.[a-z0-9]{1,4}){0,2}$/), { nil: undefined }),
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,6}[A-Za-z0-9])?$/),
).map(([prefix, name]) => (prefix === undefined ? name : `${prefix}/${name}`));
const value = fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,6}[A-Za-z0-9])?)?$/);
const requirement = fc.oneof(
  fc.record({
    key,
    operator: fc.constantFrom("=" as const, "==" as const, "!=" as const),
    values: fc.tuple(value),
  }),
  fc.record({
    key,
    operator: fc.constantFrom("in" as const, "notin" as const),
    values: fc.uniqueArray(value, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    key,
    operator: fc.constantFrom("exists" as const, "!" as const),
    values: fc.constant([] as string[]),
  }),
  fc.record({
    key,
    operator: fc.constantFrom(">" as const, "<" as const),
    values: fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String)),
  }),
);

Deno.test("parse(format(s)) gives back the same selector", () => {
  fc.assert(fc.property(fc.array(requirement, { maxLength: 4 }), (sel: LabelSelector) => {
    assert.deepEqual(parseLabelSelector(formatLabelSelector(sel)), sel.map((r) => ({ ...r })));
  }));
});

Deno.test("parseLabelSelector() throws only InputError on arbitrary input", () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.stringMatching(/^[a-z!=<>(), 0-9/.-]{0,16}$/)),
      (s) => {
        try {
          parseLabelSelector(s);
        } catch (e) {
          return e instanceof InputError;
        }
        return true;
      },
    ),
    { numRuns: 3000 },
  );
});
