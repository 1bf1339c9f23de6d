/**
 * `hyperctl wait KIND NAME…|KIND/NAME… [-l SEL | --all] --for COND [--timeout D]`: kubectl's
 * wait for any HyperSDK object — a phase, a condition, a deletion or a field's value.
 *
 * Each object is followed by a watch (object$, through waitFor), so the first check is immediate
 * and nothing polls. It ends like the operation waits: 0 met, 3 timed out (with the command that
 * resumes), 4 when the object reached a state the wanted one cannot come from, 1 for a missing
 * object (for `--for delete` missing is the goal, for `--for create` it is the start). On success it prints kubectl's
 * `KIND.GROUP/NAME condition met` lines, in the order given.
 * @module
 */

import { lastValueFrom } from "../../rx.ts";
import { parseDuration } from "../../core/duration.ts";
import type { KindInfo } from "../../core/kinds.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { validateDns1123Name } from "../../core/names.ts";
import { resourceArgs } from "../../core/resource_words.ts";
import { nameOf } from "../../core/types.ts";
import {
  conditionText,
  parseWaitCondition,
  type WaitCondition,
  waitVerdict,
  whyNever,
} from "../../core/wait_condition.ts";
import { list$ } from "../../k8s/list.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import { resourceName } from "../../render/name.ts";
import type { Connection, Deps, GlobalFlags } from "../deps.ts";
import { validateGlobalFlags } from "../global_flags.ts";
import { parseOutputFormat } from "../output.ts";
import { InputError, ObjectGoneError } from "../outcomes.ts";
import { concludeWait, waitFor, type WaitOptions } from "../operation_wait.ts";
import { parseProgressMode } from "../progress_mode.ts";
import { refFor } from "./common.ts";

/** Flags of `wait`, as the parser hands them over. */
export interface RawWaitForFlags {
  for?: string;
  timeout?: string;
  selector?: string;
  all?: boolean;
  progress?: string;
  notify?: boolean;
}

/** Typed options of `wait`, produced before anything is sent. */
export interface WaitForOptions extends WaitOptions {
  kind: KindInfo;
  names: string[];
  selector?: string;
  all: boolean;
  /** `-A` with `-l`/`--all`: every namespace. */
  allNamespaces: boolean;
  condition: WaitCondition;
  output?: "json" | "yaml" | "name";
}

/** kubectl's default; a negative timeout means a week, as in kubectl. */
const DEFAULT_TIMEOUT = "30s";
const WEEK_MS = 7 * 24 * 3_600_000;

/** Parse and check everything; throws usage errors (exit 2) before any request. */
export function parseWaitForOptions(
  words: readonly string[],
  flags: RawWaitForFlags,
  globals: GlobalFlags,
  stderrIsTTY: boolean,
): WaitForOptions {
  validateGlobalFlags(globals);
  if (words.length === 0) {
    throw new InputError("wait needs a resource: wait KIND NAME… | KIND/NAME… | KIND -l SELECTOR");
  }
  const { kind, names } = resourceArgs(words);
  for (const name of names) validateDns1123Name(name, `${kind.singular} name`);
  const chosen = [names.length > 0, flags.selector !== undefined, flags.all === true];
  if (chosen.filter(Boolean).length !== 1) {
    throw new InputError(`wait needs exactly one of: ${kind.singular} names, -l SELECTOR, --all`);
  }
  if (flags.selector !== undefined) parseLabelSelector(flags.selector);
  if (flags.for === undefined) {
    throw new InputError(
      "wait needs --for phase=P | condition=C[=V] | create | delete | jsonpath='{…}'=V",
    );
  }
  if (globals.allNamespaces && names.length > 0) {
    throw new InputError(`-A goes with -l or --all; names are looked up in one namespace (-n)`);
  }
  if (flags.for === "create" && names.length === 0) {
    throw new InputError("--for create needs names: objects that do not exist match no selector");
  }
  const timeout = flags.timeout ?? DEFAULT_TIMEOUT;
  const output = globals.output === undefined
    ? undefined
    : parseOutputFormat(globals.output, ["json", "yaml", "name"]) as WaitForOptions["output"];
  return {
    kind,
    names,
    selector: flags.selector,
    all: flags.all === true,
    allNamespaces: globals.allNamespaces === true,
    condition: parseWaitCondition(kind, flags.for),
    timeoutMs: timeout.startsWith("-") ? WEEK_MS : parseDuration(timeout),
    // Off a terminal the wait is quiet, like kubectl's; --progress lines asks for the log.
    progress: flags.progress === undefined && !stderrIsTTY
      ? "none"
      : parseProgressMode(flags.progress, false, stderrIsTTY),
    notify: flags.notify === true,
    output,
  };
}

/** The `wait …` command (after the program name) that resumes waiting for `name`. */
function resumeLine(options: WaitForOptions, name: string, namespace: string): string {
  const cond = conditionText(options.condition);
  const quoted = /^[\w=.,/-]+$/.test(cond) ? cond : `'${cond.replaceAll("'", `'\\''`)}'`;
  return `wait ${options.kind.noun}/${name} --for ${quoted} -n ${namespace}`;
}

async function targetNames(
  conn: Connection,
  options: WaitForOptions,
): Promise<{ name: string; namespace: string }[]> {
  if (options.names.length > 0) {
    return options.names.map((name) => ({ name, namespace: conn.namespace }));
  }
  const ref = refFor(options.kind, options.allNamespaces ? undefined : conn.namespace);
  const { items } = await lastValueFrom(list$(conn.api, ref, { labelSelector: options.selector }));
  return items.map((o) => ({
    name: nameOf(o),
    namespace: o.metadata?.namespace ?? conn.namespace,
  }));
}

/** Run `wait` with parsed options. */
export async function runWaitFor(
  options: WaitForOptions,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  const { kind, condition } = options;
  const conn = await deps.connect(globals);
  try {
    const names = await targetNames(conn, options);
    if (names.length === 0) {
      // kubectl: nothing to delete is done; nothing to wait for is an error.
      if (condition.type === "delete") return;
      throw new ObjectGoneError("no matching resources found");
    }
    const targets = names.map(({ name, namespace }) => ({
      kind,
      namespace,
      name,
      title: options.allNamespaces ? `${namespace}/${name}` : name,
      verdict: (o: Parameters<typeof waitVerdict>[2]) => waitVerdict(kind, condition, o),
      why: (o: NonNullable<Parameters<typeof waitVerdict>[2]>) => {
        const why = whyNever(kind, condition, o);
        return why && `${why}; waited for ${conditionText(condition)}`;
      },
      resume: resumeLine(options, name, namespace),
    }));
    const results = await waitFor(conn.api, targets, options, deps);
    const met = results.filter((r) =>
      r.outcome === "succeeded" && (condition.type !== "delete" || r.seen)
    );
    if (options.output === "json" || options.output === "yaml") {
      // kubectl prints each object as it is met: JSON documents one after another, YAML
      // documents separated by `---` (the YAML renderer adds them from the second on).
      const renderer = await createRenderer(options.output, { kind, nowMs: deps.clock.now });
      await deps.io.out.write(met.map((r) => (r.object ? renderer.single(r.object) : "")).join(""));
    } else {
      const suffix = options.output === "name" ? "" : " condition met";
      await deps.io.out.write(
        met.map((r) => `${resourceName(kind, { metadata: { name: r.target.name } })}${suffix}\n`)
          .join(""),
      );
    }
    await concludeWait(results, options, deps);
  } finally {
    conn.close();
  }
}

/** Entry point from the command tree. */
export async function runWaitForCommand(
  words: readonly string[],
  flags: RawWaitForFlags,
  globals: GlobalFlags,
  deps: Deps,
): Promise<void> {
  await runWaitFor(parseWaitForOptions(words, flags, globals, deps.io.stderrIsTTY), globals, deps);
}
