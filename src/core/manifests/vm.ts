/**
 * `vm create`: flags → typed options → VirtualMachine manifest.
 *
 * Unlike HyperSDK's CLI this adds no disk or network the user did not ask for (it forced a 20Gi
 * root disk), validates every value before anything is sent, and prints camelCase YAML.
 * @module
 */

import { InputError } from "../input_error.ts";
import { attempt, collect, mapValid, unless, type Validation } from "../validation.ts";
import { parseBinaryQuantityFlag } from "./binary_quantity.ts";
import {
  checkName,
  type Manifest,
  manifest,
  parseBoolFlag,
  parseIntFlag,
  parseKeyValues,
  parseToken,
} from "./_common.ts";
import { ifGiven, needed } from "./flag_checks.ts";

/** Default storage class of the root disk, as in the CRD. */
export const DEFAULT_STORAGE_CLASS = "standard";

/** Raw `vm create` flags as the command line gives them. */
export interface VmCreateFlags {
  cpus?: string;
  memory?: string;
  image?: string;
  template?: string;
  diskSize?: string;
  storageClass?: string;
  /** `k=v,k2=v2`, possibly repeated. */
  nodeSelector?: string | readonly string[];
  /** @default true */
  running?: string | boolean;
  /** `k=v`, repeated; commas also separate. */
  label?: string | readonly string[];
}

/** Validated `vm create` options. */
export interface VmCreateOptions {
  name: string;
  cpus: number;
  /** Whole binary quantity, as written (`8Gi`). */
  memory: string;
  /** Where the boot image comes from; absent for a blank VM. */
  source?: { image: string } | { template: string };
  /** The root disk, only when `--disk-size` was given. */
  disk?: { size: string; storageClass: string };
  nodeSelector?: Record<string, string>;
  /** Desired power state. @default true */
  running: boolean;
  labels?: Record<string, string>;
}

/** The VirtualMachine spec fields hyperctl writes. */
export interface VirtualMachineSpec {
  cpus: number;
  memory: string;
  running: boolean;
  image?: { source?: string; templateRef?: { name: string } };
  disks?: { name: string; size: string; storageClass: string; bootOrder: number }[];
  nodeSelector?: Record<string, string>;
}

const IMAGE_RE = /^(https?|s3):\/\/\S+$/;

/** Check `--image`: the CRD documents http(s):// and s3:// sources. */
function parseImage(raw: string): string {
  if (IMAGE_RE.test(raw)) return raw;
  throw new InputError(
    `--image ${JSON.stringify(raw)} must be an http://, https:// or s3:// URL ` +
      `(use --template for a VMTemplate)`,
  );
}

/**
 * Check `vm create NAME` and its flags: every problem at once (exit 2), before anything is sent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isLeft } from "fp-ts/Either";
 * import { orThrow } from "../validation.ts";
 * import { checkVmCreate } from "./vm.ts";
 * assert.equal(orThrow(checkVmCreate("web-1", { cpus: "4", memory: "8Gi" })).cpus, 4);
 * const v = checkVmCreate("Bad_Name", { cpus: "0", memory: "4G" });
 * assert.equal(isLeft(v) && v.left.length, 3);
 * ```
 */
export function checkVmCreate(
  name: string | undefined,
  flags: VmCreateFlags,
): Validation<VmCreateOptions> {
  const { image, template, diskSize, storageClass } = flags;
  const checked = collect({
    name: attempt(() => checkName(name, "VM name", "vm create needs a VM name")),
    cpus: needed(flags.cpus, "vm create needs --cpus", (v) => parseIntFlag("--cpus", v, 1, 128)),
    memory: needed(
      flags.memory,
      "vm create needs --memory",
      (v) => parseBinaryQuantityFlag("--memory", v),
    ),
    image: ifGiven(image, parseImage),
    template: ifGiven(
      template,
      (v) => checkName(v, "--template name", "--template must not be empty"),
    ),
    diskSize: ifGiven(diskSize, (v) => parseBinaryQuantityFlag("--disk-size", v)),
    storageClass: ifGiven(storageClass, (v) => parseToken("--storage-class", v)),
    nodeSelector: ifGiven(flags.nodeSelector, (v) => parseKeyValues("--node-selector", v)),
    labels: ifGiven(flags.label, (v) => parseKeyValues("--label", v)),
    running: attempt(() => parseBoolFlag("--running", flags.running) ?? true),
    both: unless(
      image !== undefined && template !== undefined,
      "vm create takes --image or --template, not both",
    ),
    rootDisk: unless(
      storageClass !== undefined && diskSize === undefined,
      "--storage-class needs --disk-size (it applies to the root disk)",
    ),
  });
  return mapValid(checked, (v) => {
    const source = v.image !== undefined
      ? { image: v.image }
      : v.template !== undefined
      ? { template: v.template }
      : undefined;
    const disk = v.diskSize === undefined
      ? undefined
      : { size: v.diskSize, storageClass: v.storageClass ?? DEFAULT_STORAGE_CLASS };
    return {
      name: v.name,
      cpus: v.cpus,
      memory: v.memory,
      ...(source && { source }),
      ...(disk && { disk }),
      ...(v.nodeSelector && Object.keys(v.nodeSelector).length > 0 &&
        { nodeSelector: v.nodeSelector }),
      running: v.running,
      ...(v.labels && Object.keys(v.labels).length > 0 && { labels: v.labels }),
    };
  });
}

/**
 * Build the VirtualMachine manifest for validated options, in `namespace`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildVirtualMachine } from "./vm.ts";
 * const m = buildVirtualMachine({ name: "a", cpus: 1, memory: "1Gi", running: true }, "d");
 * assert.deepEqual(m.spec, { cpus: 1, memory: "1Gi", running: true });
 * ```
 */
export function buildVirtualMachine(
  options: VmCreateOptions,
  namespace: string,
): Manifest<VirtualMachineSpec> {
  const { source, disk } = options;
  const spec: VirtualMachineSpec = {
    cpus: options.cpus,
    memory: options.memory,
    running: options.running,
    image: source === undefined
      ? undefined
      : "image" in source
      ? { source: source.image }
      : { templateRef: { name: source.template } },
    disks: disk &&
      [{ name: "root", size: disk.size, storageClass: disk.storageClass, bootOrder: 1 }],
    nodeSelector: options.nodeSelector,
  };
  return manifest("VirtualMachine", {
    name: options.name,
    namespace,
    labels: options.labels,
  }, spec);
}
