import { InputError } from "../../core/input_error.ts";
import assert from "node:assert/strict";
import { parseConfig } from "./parse_config.ts";
import type { Config } from "./config_model.ts";

const P = "/home/ada/.config/hyperctl/config.yaml";

Deno.test("parseConfig() reads every key", () => {
  const text = `# defaults
output: wide
color: never
namespace: prod
presets:
  big:
    kind: vms
    selector: tier in (web,db)
    fieldSelector: metadata.name!=scratch
    status: [Running, stopped]
    node: node-1
    minCpus: 4
    minMemory: 16Gi
    createdAfter: 24h
    createdBefore: "2024-05-01"
    where: memory >= 8Gi and not labels.env = dev
    sortBy: .spec.cpus
  any:
    minMemory: 8
  empty:
`;
  const expected: Config = {
    path: P,
    output: "wide",
    color: "never",
    namespace: "prod",
    presets: {
      big: {
        kind: "vm",
        selector: "tier in (web,db)",
        fieldSelector: "metadata.name!=scratch",
        status: "Running,stopped",
        node: "node-1",
        minCpus: "4",
        minMemory: "16Gi",
        createdAfter: "24h",
        createdBefore: "2024-05-01",
        where: "memory >= 8Gi and not labels.env = dev",
        sortBy: ".spec.cpus",
      },
      any: { minMemory: "8" },
      empty: {},
    },
  };
  assert.deepEqual(parseConfig(text, P), expected);
});

Deno.test("parseConfig() treats an empty file, comments only and null values as no config", () => {
  for (const text of ["", "\n", "# nothing yet\n", "---\n", "output:\ncolor: ~\npresets:\n"]) {
    assert.deepEqual(parseConfig(text, P), { path: P, presets: {} }, JSON.stringify(text));
  }
});

Deno.test("parseConfig() accepts a preset's status as a comma string for a kind without kind:", () => {
  const c = parseConfig("presets:\n  done:\n    status: Completed,Failed\n", P);
  assert.equal(c.presets.done.status, "Completed,Failed");
});

// Every error kind: the message names the file, the line and the key path.
const errors: [string, string, RegExp][] = [
  ["YAML syntax", "output: wide\npresets: {big: [\n", /config\.yaml:\d+: cannot parse YAML: /],
  [
    "YAML syntax, bad indentation",
    "presets:\n  big:\n    node: a\n   status: x\n",
    /config\.yaml:4: cannot parse YAML/,
  ],
  ["duplicate key", "output: wide\noutput: json\n", /config\.yaml:2: cannot parse YAML: .*unique/],
  ["top level not a mapping", "- output\n", /config\.yaml:1: the top level must be a mapping/],
  ["top level a scalar", "wide\n", /the top level must be a mapping.*the string "wide"/],
  [
    "unknown top-level key with a hint",
    "output: json\ncolour: never\n",
    /^\/home\/ada\/\.config\/hyperctl\/config\.yaml:2: unknown key "colour" \(did you mean "color"\?\)$/,
  ],
  [
    "unknown top-level key without a hint",
    "timeout: 3s\n",
    /:1: unknown key "timeout" \(known keys: output, color, namespace, presets\)$/,
  ],
  [
    "unknown preset key names the path",
    "presets:\n  big:\n    minmem: 8Gi\n",
    /config\.yaml:3: unknown key "presets\.big\.minmem" \(did you mean "minMemory"\?\)$/,
  ],
  [
    "kebab-case preset key",
    "presets:\n  big:\n    min-cpus: 2\n",
    /unknown key "presets\.big\.min-cpus" \(did you mean "minCpus"\?\)/,
  ],
  ["output wrong type", "output: 3\n", /:1: "output" must be one of table, wide.*got number 3$/],
  [
    "output typo",
    "output: jsn\n",
    /"output" must be one of .*got the string "jsn" \(did you mean "json"\?\)/,
  ],
  [
    "color boolean",
    "color: false\n",
    /"color" must be one of auto, always, never, got boolean false/,
  ],
  ["namespace list", "namespace: [a]\n", /"namespace" must be a string, got a list/],
  [
    "namespace invalid",
    "namespace: Prod_1\n",
    /:1: invalid "namespace" "Prod_1": must be a lowercase RFC 1123 label/,
  ],
  ["presets a list", "presets:\n  - big\n", /:2: "presets" must be a mapping.*got a list/],
  [
    "preset a string",
    "presets:\n  big: yes\n",
    /:2: "presets\.big" must be a mapping.*the string "yes"/,
  ],
  [
    "preset value wrong type",
    "presets:\n  p:\n    selector: 3\n",
    /:3: "presets\.p\.selector" must be a string, got number 3/,
  ],
  [
    "status list item wrong type",
    "presets:\n  p:\n    status: [Running, 1]\n",
    /"presets\.p\.status\[1\]" must be a string/,
  ],
  [
    "minCpus a mapping",
    "presets:\n  p:\n    minCpus: {a: 1}\n",
    /"presets\.p\.minCpus" must be a number or a string, got a mapping/,
  ],
  [
    "unknown kind",
    "presets:\n  p:\n    kind: vmm\n",
    /:3: unknown kind "vmm" in "presets\.p\.kind": use one of vm, op.*\(did you mean "vm"\?\)/,
  ],
  ["bad quantity", "presets:\n  p:\n    minMemory: 8GB\n", /:3: invalid preset "p": .*"8GB"/],
  ["bad selector", "presets:\n  p:\n    selector: 'a in (b'\n", /:3: invalid preset "p": /],
  [
    "bad duration",
    "presets:\n  p:\n    createdAfter: yesterday\n",
    /invalid preset "p": cannot parse --created-after "yesterday"/,
  ],
  [
    "bad phase for the kind",
    "presets:\n  p:\n    kind: snapshot\n    status: Runing\n",
    /invalid preset "p": .*Runing/,
  ],
  [
    "VM-only filter on another kind",
    "presets:\n  p:\n    kind: backup\n    node: n1\n",
    /invalid preset "p": --node applies only to vm/,
  ],
  [
    "bad where for the kind",
    "presets:\n  p:\n    kind: vm\n    where: 'cpus >'\n",
    /invalid preset "p": /,
  ],
];

for (const [name, text, pattern] of errors) {
  Deno.test(`parseConfig() rejects ${name}`, () => {
    assert.throws(() => parseConfig(text, P), (e: unknown) => {
      assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
      assert.match(e.message, pattern);
      assert.ok(e.message.startsWith(P), e.message);
      assert.doesNotMatch(e.message, /\.$/);
      return true;
    });
  });
}
