import assert from "node:assert/strict";
import fc from "fast-check";
import { kindByName } from "./kinds.ts";
import { InputError } from "./input_error.ts";
import {
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  parseQuery,
  queryPredicate,
  QuerySyntaxError,
} from "./query.ts";
import type { KubeObject } from "./types.ts";

const vmKind = kindByName("vm")!;
const NOW = Date.parse("2024-06-01T00:00:00Z");

const vm = (name: string, fields: Record<string, unknown>): KubeObject => ({
  metadata: {
    name,
    namespace: fields.ns as string ?? "prod",
    creationTimestamp: fields.created as string,
    labels: fields.labels as Record<string, string>,
  },
  spec: { cpus: fields.cpus, memory: fields.memory },
  status: { phase: fields.phase, nodeName: fields.node },
});

const VMS: KubeObject[] = [
  vm("web-1", {
    cpus: 2,
    memory: "4Gi",
    phase: "Running",
    node: "n1",
    created: "2024-05-31T00:00:00Z",
    labels: { app: "web", tier: "front" },
  }),
  vm("web-2", {
    cpus: "8",
    memory: "8G",
    phase: "Stopped",
    node: "n2",
    created: "2024-05-01T00:00:00Z",
    labels: { app: "web" },
  }),
  vm("db", {
    cpus: 16,
    memory: 17179869184,
    phase: "running",
    ns: "data",
    created: "2023-01-01T00:00:00Z",
  }),
  vm("odd", { cpus: "many", memory: "8GB", phase: 7 }),
  { metadata: { name: "bare" } },
];

const run = (expr: string) =>
  VMS.filter(queryPredicate(parseQuery(expr, vmKind), NOW)).map((o) => o.metadata!.name);

Deno.test("queryPredicate() evaluates comparisons by field type", () => {
  const cases: [string, string[]][] = [
    ["name = db", ["db"]],
    ["name == 'db'", ["db"]],
    ["name != db", ["web-1", "web-2", "odd", "bare"]],
    ["name < web", ["db", "odd", "bare"]],
    ["namespace = data", ["db"]],
    ["status = RUNNING", ["web-1", "db"]],
    ["STATUS = stopped", ["web-2"]],
    ["phase in (running, stopped)", ["web-1", "web-2", "db"]],
    ["status not in (running)", ["web-2", "odd", "bare"]],
    ["status != running", ["web-2", "odd", "bare"]],
    ["node = n1", ["web-1"]],
    ["node != n1", ["web-2", "db", "odd", "bare"]],
    ["cpus >= 8", ["web-2", "db"]],
    ["cpus > 8", ["db"]],
    ["cpus <= 2", ["web-1"]],
    ["cpus = 16", ["db"]],
    ["memory >= 8Gi", ["db"]],
    ["memory >= 8G", ["web-2", "db"]],
    ["memory > 4G", ["web-1", "web-2", "db"]],
    ["memory = 4096Mi", ["web-1"]],
    ["memory in (4Gi, 16Gi)", ["web-1", "db"]],
    ["age > 7d", ["web-2", "db"]],
    ["age < 2d", ["web-1"]],
    ["age >= 1d", ["web-1", "web-2", "db"]],
    ["created < 2024-01-01", ["db"]],
    ["created >= 2024-05-01T00:00:00Z", ["web-1", "web-2"]],
    ["labels.app = web", ["web-1", "web-2"]],
    ["labels.app != web", ["db", "odd", "bare"]],
    ["labels.tier in (front, back)", ["web-1"]],
    ["labels.tier not in (front)", ["web-2", "db", "odd", "bare"]],
    ["cpus > 4 and memory > 4Gi", ["web-2", "db"]],
    ["cpus > 4 or status = running", ["web-1", "web-2", "db"]],
    ["not (cpus > 4 or status = running)", ["odd", "bare"]],
    ["name = db or name = web-1 and cpus > 100", ["db"]],
    ["(name = db or name = web-1) and cpus > 1", ["web-1", "db"]],
    ["NOT name = db AND cpus >= 2", ["web-1", "web-2"]],
    ["not not name = db", ["db"]],
    ['name = "web-1"', ["web-1"]],
    ["cpus>=8 and memory>=8G", ["web-2", "db"]],
  ];
  for (const [expr, want] of cases) assert.deepEqual(run(expr), want, expr);
});

Deno.test("parseQuery() has per-kind fields", () => {
  const op = kindByName("op")!;
  const ops: KubeObject[] = [
    {
      metadata: { name: "a" },
      spec: { vmRef: { name: "web-1" }, operation: "start" },
      status: { phase: "Running", progress: 60 },
    },
    {
      metadata: { name: "b" },
      spec: { vmRef: { name: "db" }, operation: "stop" },
      status: { phase: "Succeeded", progress: 100 },
    },
  ];
  const sel = (expr: string) =>
    ops.filter(queryPredicate(parseQuery(expr, op), NOW)).map((o) => o.metadata!.name);
  assert.deepEqual(sel("vm = db"), ["b"]);
  assert.deepEqual(sel("operation = start"), ["a"]);
  assert.deepEqual(sel("progress < 100%"), ["a"]);
  assert.deepEqual(sel("progress >= 60 and status = succeeded"), ["b"]);
  const backup = kindByName("backup")!;
  const job = {
    spec: { source: { vmName: "web-1" } },
    status: { phase: "Running", progress: { percentage: 42.5 } },
  };
  assert.equal(queryPredicate(parseQuery("vm = web-1 and progress > 42", backup), NOW)(job), true);
  const restore = kindByName("restore")!;
  assert.equal(
    queryPredicate(parseQuery("vm = x", restore), NOW)({ status: { restoredVMName: "x" } }),
    true,
  );
  assert.throws(
    () => parseQuery("status = ready", kindByName("template")!),
    /unknown field "status" for template/,
  );
  assert.throws(() => parseQuery("cpus > 1", op), /unknown field "cpus" for op/);
});

Deno.test("parseQuery() errors point at the column with a caret", () => {
  const cases: [string, number, string][] = [
    [
      "cpus > 2 and (memory",
      21,
      `expected an operator (=, !=, <, <=, >, >=, in) after "memory", found end of input`,
    ],
    ["cpus > 2 and (memory > 1Gi", 27, `expected ")", found end of input`],
    [
      "cpu > 2",
      1,
      `unknown field "cpu" for vm (did you mean "cpus"?); fields: name, namespace, created, age, status, phase, node, cpus, memory, labels.KEY`,
    ],
    [
      "memory > 8GB",
      10,
      `cannot parse quantity "8GB": unknown suffix "GB" (did you mean "G" or "Gi"?)`,
    ],
    [
      "status = runing",
      10,
      `invalid status "runing" for vm (did you mean "Running"?); valid: Pending, Creating, Running, Stopped, Migrating, Paused, Failed, Unknown`,
    ],
    ["status < running", 8, `"<" does not apply to status (use =, != or in)`],
    ["age > 7 days", 7, `cannot parse duration "7": missing unit (did you mean "7s"?)`],
    ["cpus > four", 8, `expected an integer for cpus, found "four"`],
    [
      "created > yesterday",
      11,
      `expected an RFC 3339 date or date-time (for relative times use age, as in "age < 24h") for created, found "yesterday"`,
    ],
    ["name = 'db", 8, `unterminated string`],
    ["name ! db", 6, `unexpected "!" (use "not" or "!=")`],
    ["name = a b", 10, `expected "and", "or" or end of input, found "b"`],
    ["", 1, `expected a field name, "not" or "(", found end of input`],
    ["and", 1, `expected a field name, "not" or "(", found "and"`],
    ["name in a", 9, `expected "(" after "in", found "a"`],
    ["name in (a b)", 12, `expected "," or ")", found "b"`],
    ["name in ()", 10, `expected a value for name, found ")"`],
    ["name =", 7, `expected a value for name, found end of input`],
    [
      "labels.-x = 1",
      1,
      `invalid label key name "-x" must be alphanumeric with "-", "_" or "." inside, starting and ending with a letter or digit`,
    ],
  ];
  for (const [expr, column, reason] of cases) {
    let err: unknown;
    try {
      parseQuery(expr, vmKind);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof QuerySyntaxError, expr);
    assert.ok(err instanceof InputError);
    assert.equal(err.reason, reason, expr);
    assert.equal(err.column, column, expr);
  }
  try {
    parseQuery("cpus > 2 and\t(memory", vmKind);
  } catch (e) {
    assert.equal(
      (e as Error).message,
      `cannot parse query at column 21: expected an operator (=, !=, <, <=, >, >=, in) after "memory", found end of input\n` +
        `  cpus > 2 and (memory\n` +
        `                      ^`,
    );
  }
});

const atom = fc.oneof(
  fc.tuple(
    fc.constantFrom("cpus"),
    fc.constantFrom("=", "!=", "<", "<=", ">", ">="),
    fc.integer({ min: 0, max: 20 }).map(String),
  ),
  fc.tuple(
    fc.constantFrom("memory"),
    fc.constantFrom("=", "!=", "<", ">="),
    fc.constantFrom("4Gi", "8G", "1.5Gi", "16Gi"),
  ),
  fc.tuple(
    fc.constantFrom("status"),
    fc.constantFrom("=", "!="),
    fc.constantFrom("running", "Stopped", "failed"),
  ),
  fc.tuple(
    fc.constantFrom("name", "node", "labels.app"),
    fc.constantFrom("=", "!=", "<", ">"),
    fc.constantFrom("web-1", "db", "n1", "web", "'x y'"),
  ),
  fc.tuple(fc.constantFrom("age"), fc.constantFrom("<", ">"), fc.constantFrom("1d", "7d", "400d")),
  fc.tuple(
    fc.constantFrom("status"),
    fc.constantFrom("in", "not in"),
    fc.constantFrom("(running)", "(stopped, failed)"),
  ),
  fc.tuple(
    fc.constantFrom("labels.app"),
    fc.constantFrom("in", "not in"),
    fc.constantFrom("(web)", "(web, db)"),
  ),
).map(([f, op, v]) => `${f} ${op} ${v}`);

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    tie("e").map((e) => `not (${e})`),
    fc.tuple(tie("e"), fc.constantFrom("and", "or", "AND"), tie("e")).map(([a, op, b]) =>
      `(${a}) ${op} (${b})`
    ),
  ),
})).e;

const pred = (e: string) => queryPredicate(parseQuery(e, vmKind), NOW);

Deno.test("parseQuery() refuses nesting deeper than its limit with a syntax error", () => {
  const nested = (n: number) => `${"(".repeat(n)}cpus > 1${")".repeat(n)}`;
  assert.ok(parseQuery(nested(MAX_QUERY_DEPTH - 1), vmKind));
  for (const n of [MAX_QUERY_DEPTH + 1, 1000]) {
    assert.throws(() => parseQuery(nested(n), vmKind), {
      name: "QuerySyntaxError",
      message: /nested more than 64 levels deep/,
    });
  }
  assert.throws(() => parseQuery(`${"not ".repeat(1000)}cpus > 1`, vmKind), {
    name: "QuerySyntaxError",
    message: /at column 257: nested more than 64 levels deep/,
  });
});

Deno.test("parseQuery() refuses an expression longer than its limit", () => {
  const chain = (n: number) => Array.from({ length: n }, () => "cpus > 1").join(" or ");
  assert.ok(parseQuery(chain(300), vmKind));
  assert.throws(() => parseQuery(chain(20_000), vmKind), {
    name: "InputError",
    message: `cannot parse query: 239996 characters, more than ${MAX_QUERY_LENGTH}`,
  });
});

Deno.test("parseQuery() refuses text that was not valid UTF-8", () => {
  assert.throws(() => parseQuery('name = "a\uFFFDb"', vmKind), {
    name: "QuerySyntaxError",
    message: /at column 10: not valid UTF-8/,
  });
});

Deno.test("not not e == e, a and b == both, a or b == either", () => {
  fc.assert(
    fc.property(expr, expr, (a, b) => {
      const [pa, pb] = [pred(a), pred(b)];
      const nn = pred(`not not (${a})`);
      const and = pred(`(${a}) and (${b})`);
      const or = pred(`(${a}) or (${b})`);
      return VMS.every((o) =>
        nn(o) === pa(o) && and(o) === (pa(o) && pb(o)) && or(o) === (pa(o) || pb(o))
      );
    }),
    { numRuns: 300 },
  );
});

Deno.test("parseQuery() throws only InputError on arbitrary strings", () => {
  const noisy = fc.array(
    fc.constantFrom(
      "name",
      "cpus",
      "memory",
      "status",
      "age",
      "created",
      "labels.x",
      "and",
      "or",
      "not",
      "in",
      "(",
      ")",
      ",",
      "=",
      "!=",
      "<",
      ">=",
      "8Gi",
      "7d",
      "'q",
      '"',
      "running",
      "2024-01-01",
      "!",
      " ",
    ),
    { maxLength: 12 },
  ).map((parts) => parts.join(" "));
  fc.assert(
    fc.property(fc.oneof(fc.string(), noisy), (s) => {
      try {
        pred(s);
      } catch (e) {
        return e instanceof InputError;
      }
      return true;
    }),
    { numRuns: 3000 },
  );
});
