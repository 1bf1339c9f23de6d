/**
 * The VM, snapshot and template ops of `hyperctl k8s` (HyperSDK's vm_commands.go) and the
 * hyperctl command each one runs. Every comment says where the translation differs and why.
 * @module
 */

import { kindByNoun } from "../../core/kinds.ts";
import {
  MANIFEST_OUTPUT_DEFAULT,
  missingFlag,
  nameArg,
  type OpSpec,
  passBool,
  passString,
  unsupported,
  waitFlags,
  yes,
} from "./_mapping.ts";
import type { K8sFlags } from "./k8s_flags.ts";

const manifest = { flag: "output", read: false, dflt: MANIFEST_OUTPUT_DEFAULT } as const;
const readYaml = { flag: "output", read: true, dflt: "yaml" } as const;
const readTable = { flag: "output", read: true } as const;

/**
 * `-status` → `--status` with full phase names. HyperSDK matched a phase that starts with the
 * filter (`Run` → Running; its "+ning"/"+ped" rules are prefixes too) but case-sensitively and
 * without lists; here each comma item is matched case-insensitively against the VM phases, and
 * an item matching none is passed on as written so hyperctl reports it with a suggestion.
 */
export function expandPhases(value: string): string {
  const phases = kindByNoun("vm").phases;
  const out: string[] = [];
  for (const item of value.split(",").map((x) => x.trim()).filter((x) => x !== "")) {
    const hits = phases.filter((p) => p.toLowerCase().startsWith(item.toLowerCase()));
    for (const p of hits.length ? hits : [item]) if (!out.includes(p)) out.push(p);
  }
  return out.join(",");
}

function listFilters(f: K8sFlags): string[] {
  const status = f.present("status") ? expandPhases(f.str("status")) : "";
  return [
    ...(status ? ["--status", status] : []),
    ...passString(f, "node"),
    ...passString(f, "selector", "-l"),
    // HyperSDK filtered only for -min-cpus > 0 (and, through a type bug, then dropped every VM).
    ...(f.int("min-cpus") > 0 ? ["--min-cpus", String(f.int("min-cpus"))] : []),
    // HyperSDK compared memory as strings ("16Gi" < "4Gi"); hyperctl compares quantities.
    ...passString(f, "min-memory"),
    ...passBool(f, "watch"),
  ];
}

function power(op: "start" | "stop" | "restart"): OpSpec {
  return {
    op: `vm-${op}`,
    group: "VMs",
    required: ["vm"],
    example: `-op vm-${op} -vm web-1`,
    command: `vm ${op} VM [--wait]`,
    // HyperSDK printed a VMOperation for kubectl to apply and had no -wait; hyperctl creates it
    // and can wait. -force stays ignored, as it was: it must not turn a stop into a hard stop.
    translate: (f) => ["vm", op, nameArg(f, "vm"), ...waitFlags(f)],
    output: manifest,
  };
}

/** VM, snapshot and template ops, in HyperSDK's order. */
export const VM_OPS: readonly OpSpec[] = [
  {
    op: "vm-list",
    group: "VMs",
    required: [],
    example: "-op vm-list -status Running -output table",
    command: "vm list [--status P,…] [--node N] [-l SEL] [--min-cpus N] [--min-memory Q] [--watch]",
    // Filters now also apply under -watch, and the watch really prints events.
    translate: (f) => ["vm", "list", ...listFilters(f)],
    output: readYaml,
    listing: true,
  },
  {
    op: "vm-get",
    group: "VMs",
    required: ["vm"],
    example: "-op vm-get -vm web-1",
    command: "vm get VM [-w]",
    translate: (f) => ["vm", "get", nameArg(f, "vm"), ...passBool(f, "watch", "-w")],
    output: readYaml,
  },
  {
    op: "vm-create",
    group: "VMs",
    required: ["vm"],
    example: "-op vm-create -vm web-1 -cpus 4 -memory 8Gi -image https://example.com/ubuntu.qcow2",
    command: "vm create VM --cpus N --memory Q [--template T | --image URL]",
    reject: (f) => {
      if (f.bool("interactive")) {
        unsupported(
          "-interactive",
          "give -vm, -cpus, -memory and -image or -template (see hyperctl vm create --help)",
        );
      }
      if (f.int("gpus") > 0) unsupported("-gpus", "the VirtualMachine CRD has no GPU fields");
      // HyperSDK added a USB device only when both IDs were given.
      if (f.present("usb-vendor-id") && f.present("usb-product-id")) {
        unsupported("-usb-vendor-id/-usb-product-id", "the VirtualMachine CRD has no USB fields");
      }
    },
    // -cpus/-memory are always passed, with HyperSDK's defaults 2/4Gi, as it always sent them.
    // -template wins over -image, as in HyperSDK. Its forced 20Gi "standard" root disk and pod
    // network are not added: hyperctl adds nothing the user did not ask for.
    translate: (f) => [
      "vm",
      "create",
      nameArg(f, "vm"),
      "--cpus",
      String(f.int("cpus")),
      "--memory",
      f.str("memory"),
      ...(f.present("template") ? passString(f, "template") : passString(f, "image")),
    ],
    output: manifest,
  },
  {
    op: "vm-delete",
    group: "VMs",
    required: ["vm"],
    example: "-op vm-delete -vm web-1 -force",
    command: "vm delete VM [--yes]",
    // HyperSDK's stub deleted nothing. hyperctl deletes, and without a terminal it refuses
    // unless -force (→ --yes) is given, so a script cannot delete by accident.
    translate: (f) => ["vm", "delete", nameArg(f, "vm"), ...yes(f), ...waitFlags(f)],
  },
  {
    op: "vm-describe",
    group: "VMs",
    required: ["vm"],
    example: "-op vm-describe -vm web-1",
    command: "vm get VM -o yaml",
    // HyperSDK's stub pointed at kubectl describe; the full object is the closest real thing.
    translate: (f) => ["vm", "get", nameArg(f, "vm")],
    output: readYaml,
  },
  power("start"),
  power("stop"),
  power("restart"),
  {
    op: "vm-clone",
    group: "VMs",
    required: ["vm", "target"],
    example: "-op vm-clone -vm web-1 -target web-2 -wait",
    command: "vm clone VM --target T [--wait]",
    // HyperSDK hard-coded a full (not linked) clone that is not started: hyperctl's defaults.
    translate: (
      f,
    ) => ["vm", "clone", nameArg(f, "vm"), "--target", f.str("target"), ...waitFlags(f)],
    output: manifest,
  },
  {
    op: "vm-clone-from-snapshot",
    group: "VMs",
    required: ["snapshot", "target"],
    example: "-op vm-clone-from-snapshot -snapshot web-1-snap -target web-2",
    command: "vm clone [VM] --from-snapshot S --target T --start",
    // HyperSDK's op names no source VM (the snapshot's spec.vmRef does); -vm, when given, is
    // passed as the source, otherwise `vm clone` reads it from the snapshot. HyperSDK set
    // powerOnAfter, hence --start.
    translate: (f) => [
      "vm",
      "clone",
      ...(f.present("vm") ? [nameArg(f, "vm")] : []),
      "--from-snapshot",
      f.str("snapshot"),
      "--target",
      f.str("target"),
      "--start",
      ...waitFlags(f),
    ],
    output: manifest,
  },
  {
    op: "vm-migrate",
    group: "VMs",
    required: ["vm", "target-node"],
    example: "-op vm-migrate -vm web-1 -target-node node-2 -wait",
    command: "vm migrate VM --target-node N [--wait]",
    // HyperSDK hard-coded a live migration: hyperctl's default.
    translate: (f) => [
      "vm",
      "migrate",
      nameArg(f, "vm"),
      "--target-node",
      f.str("target-node"),
      ...waitFlags(f),
    ],
    output: manifest,
  },
  {
    op: "vm-resize",
    group: "VMs",
    required: ["vm"],
    example: "-op vm-resize -vm web-1 -memory 16Gi",
    command: "vm resize VM [--cpus N] [--memory Q] [--wait]",
    // HyperSDK always sent its defaults (2 CPUs, 4Gi) and so shrank a VM when only one of the
    // two was given; only what the user set is passed.
    translate: (f, spec) => {
      if (!f.given("cpus") && !f.given("memory")) {
        throw missingFlag(spec, "cpus", " and/or -memory");
      }
      return [
        "vm",
        "resize",
        nameArg(f, "vm"),
        ...(f.given("cpus") ? ["--cpus", String(f.int("cpus"))] : []),
        ...(f.given("memory") ? ["--memory", f.str("memory")] : []),
        ...waitFlags(f),
      ];
    },
    output: manifest,
  },
  {
    op: "vm-snapshot-create",
    group: "snapshots",
    required: ["vm", "snapshot"],
    example: "-op vm-snapshot-create -vm web-1 -snapshot web-1-snap -wait",
    command: "snapshot create VM --name S [--include-memory] [--wait]",
    // HyperSDK's wait looked for status.ready and could never succeed; hyperctl's can.
    translate: (f) => [
      "snapshot",
      "create",
      nameArg(f, "vm"),
      "--name",
      f.str("snapshot"),
      ...passBool(f, "include-memory"),
      ...waitFlags(f),
    ],
    output: manifest,
  },
  {
    op: "vm-snapshot-list",
    group: "snapshots",
    required: [],
    example: "-op vm-snapshot-list",
    command: "snapshot list",
    translate: () => ["snapshot", "list"],
    output: readTable,
    listing: true,
  },
  {
    op: "vm-snapshot-delete",
    group: "snapshots",
    required: ["snapshot"],
    example: "-op vm-snapshot-delete -snapshot web-1-snap -force",
    command: "snapshot delete S [--yes]",
    translate: (f) => ["snapshot", "delete", nameArg(f, "snapshot"), ...yes(f)],
  },
  {
    op: "template-list",
    group: "templates",
    required: [],
    example: "-op template-list",
    command: "template list",
    translate: () => ["template", "list"],
    output: readTable,
    listing: true,
  },
  {
    op: "template-get",
    group: "templates",
    required: ["template"],
    example: "-op template-get -template ubuntu-22",
    command: "template get T",
    translate: (f) => ["template", "get", nameArg(f, "template")],
    output: readTable,
  },
];
