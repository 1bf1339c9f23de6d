import { InputError } from "../input_error.ts";
import assert from "node:assert/strict";
import { assertThrowsWith } from "../../testing/assert_throws.ts";
import { isLeft } from "fp-ts/Either";
import { orThrow } from "../validation.ts";
import {
  buildVirtualMachine,
  checkVmCreate,
  type VmCreateFlags,
  type VmCreateOptions,
} from "./vm.ts";

const base: VmCreateFlags = { cpus: "4", memory: "8Gi" };
const check = (name: string | undefined, flags: VmCreateFlags) =>
  orThrow(checkVmCreate(name, flags));
const build = (options: VmCreateOptions) => buildVirtualMachine(options, "prod");

Deno.test("checkVmCreate() + buildVirtualMachine() for the minimal command: no disk, no network", () => {
  assert.deepEqual(build(check("web-1", base)), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name: "web-1", namespace: "prod" },
    spec: { cpus: 4, memory: "8Gi", running: true },
  });
});

Deno.test("buildVirtualMachine() writes every given option", () => {
  const options = check("web-1", {
    ...base,
    image: "https://images.example.com/ubuntu-22.04.qcow2",
    diskSize: "40Gi",
    storageClass: "fast-ssd",
    nodeSelector: "disktype=ssd,zone=eu-1",
    running: "false",
    label: ["tier=web", "app=shop"],
  });
  assert.deepEqual(build(options), {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name: "web-1", namespace: "prod", labels: { tier: "web", app: "shop" } },
    spec: {
      cpus: 4,
      memory: "8Gi",
      running: false,
      image: { source: "https://images.example.com/ubuntu-22.04.qcow2" },
      disks: [{ name: "root", size: "40Gi", storageClass: "fast-ssd", bootOrder: 1 }],
      nodeSelector: { disktype: "ssd", zone: "eu-1" },
    },
  });
});

Deno.test("buildVirtualMachine() uses a templateRef for --template and the standard storage class by default", () => {
  const m = build(
    check("db", { ...base, template: "ubuntu-22-04", diskSize: "20Gi", running: true }),
  );
  assert.deepEqual(m.spec, {
    cpus: 4,
    memory: "8Gi",
    running: true,
    image: { templateRef: { name: "ubuntu-22-04" } },
    disks: [{ name: "root", size: "20Gi", storageClass: "standard", bootOrder: 1 }],
  });
});

Deno.test("checkVmCreate() rejects bad input with a clear message", () => {
  const cases: [
    string | undefined,
    Partial<VmCreateFlags>,
    typeof InputError,
    string | RegExp,
  ][] = [
    [undefined, {}, InputError, "vm create needs a VM name"],
    ["Web_1", {}, InputError, /^invalid VM name "Web_1": .*\(did you mean "web-1"\?\)$/],
    ["a", { cpus: undefined }, InputError, "vm create needs --cpus"],
    ["a", { memory: undefined }, InputError, "vm create needs --memory"],
    ["a", { cpus: "0" }, InputError, `--cpus must be an integer from 1 to 128, got "0"`],
    ["a", { cpus: "129" }, InputError, `--cpus must be an integer from 1 to 128, got "129"`],
    ["a", { cpus: "2.5" }, InputError, `--cpus must be an integer from 1 to 128, got "2.5"`],
    [
      "a",
      { memory: "8GB" },
      InputError,
      `--memory "8GB" is not a valid quantity: unknown suffix "GB" (did you mean "G" or "Gi"?)`,
    ],
    ["a", { memory: "8G" }, InputError, /did you mean "8Gi"\?$/],
    [
      "a",
      { image: "https://x/y.qcow2", template: "t" },
      InputError,
      "vm create takes --image or --template, not both",
    ],
    [
      "a",
      { image: "ubuntu:22.04" },
      InputError,
      `--image "ubuntu:22.04" must be an http://, https:// or s3:// URL (use --template for a VMTemplate)`,
    ],
    ["a", { template: "" }, InputError, "--template must not be empty"],
    ["a", { template: "My Template" }, InputError, /^invalid --template name "My Template"/],
    [
      "a",
      { storageClass: "fast" },
      InputError,
      "--storage-class needs --disk-size (it applies to the root disk)",
    ],
    ["a", { diskSize: "20G" }, InputError, /^--disk-size "20G" .*did you mean "20Gi"\?$/],
    ["a", { diskSize: "20Gi", storageClass: "" }, InputError, "--storage-class must not be empty"],
    [
      "a",
      { nodeSelector: "zone" },
      InputError,
      `--node-selector "zone" is not key=value (as in "disktype=ssd")`,
    ],
    ["a", { label: ["a=1", "a=2"] }, InputError, `--label sets "a" more than once`],
    ["a", { running: "nope" }, InputError, `--running must be true or false, got "nope"`],
  ];
  for (const [name, flags, cls, message] of cases) {
    assertThrowsWith(() => check(name, { ...base, ...flags }), cls, message);
  }
});

Deno.test("checkVmCreate() names every problem of the command line at once", () => {
  const v = checkVmCreate("Bad_Name", { cpus: "0", memory: "4G" });
  assert.ok(isLeft(v));
  assert.deepEqual(v.left.map((e) => e.message), [
    `invalid VM name "Bad_Name": must be a lowercase RFC 1123 subdomain (a-z, 0-9, "-" and ".", ` +
    `starting and ending with a letter or digit) (did you mean "bad-name"?)`,
    `--cpus must be an integer from 1 to 128, got "0"`,
    `--memory "4G" must be a whole number of bytes with a binary suffix (Ki, Mi, Gi, Ti, Pi or ` +
    `Ei): did you mean "4Gi"?`,
  ]);
});
