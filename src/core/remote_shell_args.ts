/**
 * The command lines of `vm ssh` and `vm scp`: find the VM names among the user's words, then
 * rewrite them to the VM's address and keep every other word, so the system's ssh/scp run with
 * the user's own options (and `~/.ssh/config`, agents and known_hosts keep working).
 *
 * Written by hand: no npm package knows which ssh/scp options take a value (OpenSSH's getopt
 * strings below), which is what finding the destination among the options needs.
 * @module
 */

import { InputError } from "./input_error.ts";

/** ssh(1) options that take a value (OpenSSH 9 getopt string). */
const SSH_VALUE_OPTIONS = new Set("BbcDEeFIiJLlmOoPpQRSWw".split(""));

/** scp(1) options that take a value (OpenSSH 9 getopt string; -O alone picks the old protocol). */
const SCP_VALUE_OPTIONS = new Set("cDFiJloPSX".split(""));

/**
 * For completion: how many operands `words` (ssh's or scp's words so far) hold, or undefined when
 * the next word is the value of an option (`-p ␣`) rather than an operand.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(operandsBefore(["-p", "22"], "ssh"), 0);
 * equal(operandsBefore(["-p"], "ssh"), undefined);
 * equal(operandsBefore(["-O", "a.txt"], "scp"), 1);
 * ```
 */
export function operandsBefore(
  words: readonly string[],
  program: "ssh" | "scp",
): number | undefined {
  const options = program === "ssh" ? SSH_VALUE_OPTIONS : SCP_VALUE_OPTIONS;
  const found = operandIndexes([...words, "next"], options);
  return found.at(-1) === words.length ? found.length - 1 : undefined;
}

/** `vm ssh [USER@]NAME [ssh options…] [-- COMMAND…]`, taken apart. */
export interface SshWords {
  user?: string;
  vm: string;
  /** ssh's options, in order. */
  options: string[];
  /** The remote command, if any. */
  command: string[];
}

function splitUser(target: string): { user?: string; host: string } {
  const at = target.lastIndexOf("@");
  return at < 0 ? { host: target } : { user: target.slice(0, at), host: target.slice(at + 1) };
}

/** Indexes of the operands of `words`: neither options nor option values. */
function operandIndexes(words: readonly string[], valueOptions: ReadonlySet<string>): number[] {
  const found: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") {
      for (let j = i + 1; j < words.length; j++) found.push(j);
      break;
    }
    if (w.startsWith("-") && w.length > 1) {
      // `-p22` carries its value; `-p 22` takes the next word; `-vA` are switches.
      const letters = w.slice(1);
      for (let k = 0; k < letters.length; k++) {
        if (valueOptions.has(letters[k])) {
          if (k === letters.length - 1) i++;
          break;
        }
      }
      continue;
    }
    found.push(i);
  }
  return found;
}

/**
 * Parse the words after `vm ssh`: the destination is the first operand, its words before it
 * and up to a `--` are ssh options, the rest is the remote command.
 *
 * @throws InputError when there is no destination
 * @example
 * ```ts
 * import { deepStrictEqual } from "node:assert/strict";
 * import { parseSshWords } from "./remote_shell_args.ts";
 * deepStrictEqual(parseSshWords(["root@web-1", "-p", "2222", "--", "echo", "ok"]), {
 *   user: "root", vm: "web-1", options: ["-p", "2222"], command: ["echo", "ok"],
 * });
 * ```
 */
export function parseSshWords(words: readonly string[]): SshWords {
  const dash = words.indexOf("--");
  const before = dash < 0 ? words : words.slice(0, dash);
  const after = dash < 0 ? [] : words.slice(dash + 1);
  const [at] = operandIndexes(before, SSH_VALUE_OPTIONS);
  if (at === undefined) {
    throw new InputError("vm ssh needs a VM: hyperctl vm ssh [USER@]NAME [ssh options] [-- CMD]");
  }
  const { user, host } = splitUser(before[at]);
  if (!host) throw new InputError(`cannot read "${before[at]}" as [USER@]NAME`);
  // Words after the destination that are not options belong to the command, as with ssh.
  const tail = before.slice(at + 1);
  const firstCommand = operandIndexes(tail, SSH_VALUE_OPTIONS)[0] ?? tail.length;
  return {
    ...(user ? { user } : {}),
    vm: host,
    options: [...before.slice(0, at), ...tail.slice(0, firstCommand)],
    command: [...tail.slice(firstCommand), ...after],
  };
}

/** The ssh argument list: options, `--`, the destination, the remote command. */
export function sshArgs(words: SshWords, address: string): string[] {
  const dest = words.user ? `${words.user}@${address}` : address;
  // `--` ends ssh's options, so a destination or command that starts with "-" stays one.
  return [...words.options, "--", dest, ...words.command];
}

/** One scp operand that names a VM: `[USER@]NAME:path`. */
export interface ScpRemote {
  index: number;
  user?: string;
  vm: string;
  path: string;
}

/** `vm scp [scp options…] SRC… DST`, taken apart. */
export interface ScpWords {
  words: string[];
  remotes: ScpRemote[];
}

/**
 * Find the `NAME:path` operands of an scp command line (either side, any number).
 *
 * @throws InputError without two operands or without any `NAME:path`
 */
export function parseScpWords(words: readonly string[]): ScpWords {
  const operands = operandIndexes(words, SCP_VALUE_OPTIONS);
  if (operands.length < 2) {
    throw new InputError("vm scp needs a source and a destination: hyperctl vm scp SRC DST");
  }
  const remotes: ScpRemote[] = [];
  for (const index of operands) {
    // As scp reads it: a colon before any slash makes the operand remote.
    const m = /^([^/:]+):(.*)$/s.exec(words[index]);
    if (!m) continue;
    const { user, host } = splitUser(m[1]);
    remotes.push({ index, ...(user ? { user } : {}), vm: host, path: m[2] });
  }
  if (remotes.length === 0) {
    throw new InputError('vm scp needs a VM on one side, as "NAME:path" or "USER@NAME:path"');
  }
  return { words: [...words], remotes };
}

/** The scp argument list with each VM name replaced by its address (IPv6 in brackets). */
export function scpArgs(parsed: ScpWords, addresses: ReadonlyMap<string, string>): string[] {
  const out = [...parsed.words];
  for (const r of parsed.remotes) {
    const address = addresses.get(r.vm) ?? r.vm;
    const host = address.includes(":") ? `[${address}]` : address;
    out[r.index] = `${r.user ? `${r.user}@` : ""}${host}:${r.path}`;
  }
  return out;
}
