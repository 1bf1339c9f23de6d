/**
 * Building blocks of the op table: how one HyperSDK flag becomes hyperctl argv.
 * @module
 */

import { InputError } from "../outcomes.ts";
import type { K8sFlags } from "./k8s_flags.ts";

/** Groups of the op list, in the order `-help` and the unknown-op error show them. */
export type OpGroup =
  | "VMs"
  | "snapshots"
  | "templates"
  | "backups"
  | "schedules"
  | "restores"
  | "backup schedules (VMBackupSchedule, mapped to BackupSchedule)"
  | "cluster";

/** One `-op` value and its translation. */
export interface OpSpec {
  op: string;
  group: OpGroup;
  /** Flags HyperSDK required (non-empty); checked before `translate` with an example. */
  required: readonly string[];
  /** A working invocation, shown when a required flag is missing. */
  example: string;
  /** The hyperctl command it runs, for `-help` and the README table. */
  command: string;
  /** Flag values with no equivalent, checked first (before required flags). */
  reject?(f: K8sFlags): void;
  /** The new argv, without `-o` and the global flags; throws InputError. */
  translate(f: K8sFlags, spec: OpSpec): string[];
  /** Where `-o` comes from; absent when the command prints no object. */
  output?: OutputMode;
  /** A listing op: `-all-namespaces` applies. */
  listing?: boolean;
}

/** The usage error of a missing required flag, with a working example (HyperSDK exited 1). */
export function missingFlag(spec: OpSpec, flag: string, why = ""): InputError {
  return new InputError(
    `hyperctl k8s: -op ${spec.op} needs -${flag}${why} (example: hyperctl k8s ${spec.example})`,
  );
}

/** Throw the usage error of a flag that has no equivalent; `why` says what is missing. */
export function unsupported(flag: string, why: string): never {
  throw new InputError(`hyperctl k8s: ${flag} is not supported: ${why}`);
}

/**
 * A flag value that becomes a positional argument. Go hands `-vm -op` the value "-op"; passed on,
 * the parser would read it as a flag, so say what happened instead.
 */
export function nameArg(f: K8sFlags, flag: string): string {
  const value = f.str(flag);
  if (value.startsWith("-")) {
    throw new InputError(
      `hyperctl k8s: -${flag} needs a name, got ${JSON.stringify(value)} ` +
        `(write -${flag} NAME or -${flag}=NAME)`,
    );
  }
  return value;
}

/** `--flag value` when the user gave a non-empty value, else nothing. */
export function passString(f: K8sFlags, flag: string, to = `--${flag}`): string[] {
  return f.present(flag) ? [to, f.str(flag)] : [];
}

/** `--flag` when the bool flag is true. */
export function passBool(f: K8sFlags, flag: string, to = `--${flag}`): string[] {
  return f.bool(flag) ? [to] : [];
}

/** `--yes` for `-force`: HyperSDK never asked for vm deletes; hyperctl asks unless told not to. */
export function yes(f: K8sFlags): string[] {
  return f.bool("force") ? ["--yes"] : [];
}

/**
 * `-wait [-timeout N] [-show-progress]` → `--wait [--timeout Ns] [--show-progress]`. Without
 * `-wait` the other two did nothing in HyperSDK, and hyperctl rejects `--timeout` without `--wait`,
 * so they are dropped. An unset `-timeout` is not passed: both defaults are 300 s.
 */
export function waitFlags(f: K8sFlags): string[] {
  if (!f.bool("wait")) return [];
  const out = ["--wait"];
  if (f.given("timeout")) {
    const n = f.int("timeout");
    if (n < 0) {
      throw new InputError(`hyperctl k8s: -timeout must be >= 0 seconds, got "${n}"`);
    }
    out.push("--timeout", `${n}s`);
  }
  if (f.bool("show-progress")) out.push("--show-progress");
  return out;
}

/** How an op reads its output flag. */
export type OutputMode =
  /** `-output`, any format a read can print; unset → `dflt`. */
  | { flag: "output"; read: true; dflt?: "yaml" }
  /** `-output` of an op that creates something: json|yaml|name; unset → `dflt`. */
  | { flag: "output"; read: false; dflt?: "yaml" }
  /** `-json` → `-o json`; `always` when HyperSDK printed JSON even without it. */
  | { flag: "json"; always?: boolean };

/**
 * `-o` from `-output`/`-json`, for every op: a flag is honoured or refused (exit 2), never
 * ignored. HyperSDK knew json and yaml and printed "anything else" as a table (reads) or as YAML
 * (manifests), and some ops read only `-json`; here `-output` works wherever `-json` does,
 * `-output table` gives hyperctl's own view (a table, or `… created`), `wide` and `name` are
 * passed on, and any
 * other value, or an output flag on an op that prints no object, is refused.
 */
export function output(f: K8sFlags, spec: Pick<OpSpec, "op" | "output">): string[] {
  const mode = spec.output;
  const json = f.bool("json");
  if (!mode) {
    const flag = f.given("output") ? "-output" : json ? "-json" : undefined;
    if (flag) {
      throw new InputError(`hyperctl k8s: -op ${spec.op} prints no object, so ${flag} has no use`);
    }
    return [];
  }
  const read = mode.flag === "output" ? mode.read : !mode.always;
  if (!f.given("output")) {
    if (json) return ["-o", "json"];
    if (mode.flag === "json") return mode.always ? ["-o", "json"] : [];
    return mode.dflt ? ["-o", mode.dflt] : [];
  }
  const value = f.str("output").toLowerCase();
  const allowed = read
    ? ["json", "yaml", "wide", "name", "table"]
    : ["json", "yaml", "name", "table"];
  if (!allowed.includes(value)) {
    throw new InputError(
      `hyperctl k8s: -output ${JSON.stringify(f.str("output"))} is not one of ${
        allowed.join(", ")
      } for -op ${spec.op}`,
    );
  }
  if (json && value !== "json") {
    throw new InputError(`hyperctl k8s: -json and -output ${value} disagree: give one of them`);
  }
  return value === "table" ? [] : ["-o", value];
}

/**
 * `--kubeconfig`, `-n`, `-A`. The namespace is passed only when given: HyperSDK's default
 * `default` would override the kubeconfig context's namespace, which hyperctl honours
 * (a deliberate difference). `-all-namespaces` is passed on wherever it is set, so a command that
 * lists nothing refuses it with its own message (exit 2) instead of acting in one namespace;
 * on a listing op it wins over `-namespace`, as HyperSDK's did.
 */
export function scope(f: K8sFlags, listing: boolean, namespaced = true): string[] {
  const out = passString(f, "kubeconfig");
  const all = f.bool("all-namespaces");
  if (all) out.push("-A");
  if (namespaced && !(listing && all)) out.push(...passString(f, "namespace", "-n"));
  return out;
}

/**
 * Default `-o` of the ops whose HyperSDK default (`-output yaml`) printed a manifest: hyperctl
 * really creates the object and prints it as YAML, so stdout stays a YAML manifest: HyperSDK's default output, except that
 * it is now correct. Set to undefined to
 * print hyperctl's `… created` line instead.
 */
export const MANIFEST_OUTPUT_DEFAULT: "yaml" | undefined = "yaml";
