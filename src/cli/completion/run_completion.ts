/**
 * The hidden `hyperctl __complete WORDS…`: candidates for the completion scripts
 * (completion_command.ts) to show.
 * @module
 */

import { GROUP, kindByNoun, type Noun, VERSION } from "../../core/kinds.ts";
import { applyDefaults, loadConfig, presetNames } from "../config/with_config.ts";
import type { Config } from "../config/config_model.ts";
import type { Connection, Deps, GlobalFlags } from "../deps.ts";
import { completeWords, type CompletionSources } from "./complete_words.ts";
import { type CompletionTree, treeFromSpec } from "./tree.ts";
import { loadLeaves } from "../parse/lazy.ts";
import { type CommandSpec, valueFlagWords } from "../command_spec.ts";

/** Options of {@link runCompleteCommand}. */
export interface CompleteCommandOptions {
  /** Deadline for fetching names (connect + list). @default 1000 */
  timeoutMs?: number;
  /** The completion tree. @default derived from `root` */
  tree?: CompletionTree;
  /** The config file. @default loadConfig(deps.env); a broken file counts as empty */
  config?: Config;
}

/**
 * `hyperctl __complete WORDS…`: print the candidates for the last word, one per line.
 *
 * Never fails and never writes to stderr: a shell completion that prints errors into the prompt
 * is worse than none, so any problem (no cluster, slow cluster, broken config) means no output.
 *
 * @param words the words after `hyperctl`, the one being completed last (possibly empty)
 * @param globals global flags already known (the words' own flags are added to them)
 * @param root the command tree (program.ts), handed in so completion never imports the commands
 */
export async function runCompleteCommand(
  words: readonly string[],
  globals: GlobalFlags,
  root: CommandSpec,
  deps: Deps,
  options: CompleteCommandOptions = {},
): Promise<void> {
  try {
    const tree = options.tree ?? treeFromSpec(await loadLeaves(root));
    const valueFlags = valueFlagWords(root.flags ?? []);
    const { expandShortcuts } = await import("../parse/shortcuts.ts");
    const config = options.config ?? await safeConfig(deps);
    const timeoutMs = options.timeoutMs ?? 1000;
    // The config's namespace applies to names as it does to commands (-n still wins).
    const connection = (flags: GlobalFlags) =>
      applyDefaults(config, { ...globals, ...flags }, { output: false });
    const sources: CompletionSources = {
      fetchNames: (noun, _ns, flags) => fetchNames(deps, connection(flags), noun, timeoutMs),
      contextNames: (flags) => deps.contextNames(connection(flags)),
      presetNames: (noun) => presetNames(config, noun),
      expand: (words) => expandShortcuts(words, valueFlags),
    };
    const candidates = await completeWords(words, tree, sources);
    if (candidates.length > 0) await deps.io.out.write(`${candidates.join("\n")}\n`);
  } catch {
    // Silent by design (see above).
  }
}

async function safeConfig(deps: Pick<Deps, "env">): Promise<Config> {
  try {
    return await loadConfig((name) => deps.env(name));
  } catch {
    return { presets: {} };
  }
}

/**
 * Names of `noun` objects in the connection's namespace, within `timeoutMs` for connecting and
 * listing together; rejects on timeout so the caller prints nothing rather than waiting.
 */
export async function fetchNames(
  deps: Pick<Deps, "connect">,
  flags: GlobalFlags,
  noun: Noun,
  timeoutMs: number,
): Promise<string[]> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  let conn: Connection | undefined;
  try {
    // The request timeout bounds the HTTP call itself; the abort bounds everything else
    // (an exec credential plugin, a slow DNS lookup).
    const connecting = deps.connect({ ...flags, requestTimeout: `${timeoutMs}ms` });
    connecting.then((c) => controller.signal.aborted && c.close(), () => {});
    conn = await untilAborted(connecting, controller.signal);
    const ref = { group: GROUP, version: VERSION, plural: kindByNoun(noun).plural };
    const list = await untilAborted(
      conn.api.list({ ...ref, namespace: conn.namespace }, { limit: 500 }, controller.signal),
      controller.signal,
    );
    return list.items
      .map((o) => o.metadata?.name)
      .filter((n): n is string => typeof n === "string" && n !== "")
      .sort();
  } finally {
    clearTimeout(timer);
    conn?.close();
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
