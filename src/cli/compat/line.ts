/**
 * Find a `hyperctl k8s …` line behind hyperctl's global flags, as on any other command:
 * `hyperctl -n prod k8s -op vm-list` is `hyperctl k8s -op vm-list -n prod`.
 *
 * Before `k8s` the words are hyperctl's (`-nprod`, `-o=json`); after it they follow Go's rules,
 * where `-op` is one flag, not `-o p`, so hyperctl's spellings are only taken there as whole words
 * that HyperSDK does not define (`-n`, `-o`, `-A`, `-v`, `--context`, …). Global flags that
 * HyperSDK has too (`-kubeconfig`, `-namespace`, `-output`, `-all-namespaces`) become its flags,
 * so they get the op's checks wherever they stand; the others go on to the translated command.
 * @module
 */

import type { FlagSpec } from "../command_spec.ts";
import { GLOBAL_FLAGS } from "../global_flags.ts";
import { K8S_FLAGS } from "./k8s_flags.ts";

/** A k8s line: the Go-syntax words for the translator, and hyperctl flags for what it runs. */
export interface K8sLine {
  k8s: string[];
  globals: string[];
}

const goFlag = (name: string) => K8S_FLAGS.find((f) => f.name === name);

/** One global flag as it stands: its spec, and its value when it has one. */
interface Given {
  spec: FlagSpec;
  value?: string;
}

/** The words a given global flag becomes: HyperSDK's flag where it has one, else hyperctl's. */
function place(g: Given, line: K8sLine): void {
  const name = g.spec.long.slice(2);
  const target = goFlag(name) ? line.k8s : line.globals;
  const flag = goFlag(name) ? `-${name}` : g.spec.long;
  if (g.spec.value === "none") target.push(g.value === undefined ? flag : `${flag}=${g.value}`);
  else target.push(flag, g.value ?? "");
}

/** The global flag at `argv[i]` in hyperctl's syntax, and how many words it takes. */
function hyperctlFlag(argv: readonly string[], i: number): [Given, number] | undefined {
  const word = argv[i];
  const long = /^(--[^=]+)(?:=(.*))?$/s.exec(word);
  const short = /^(-[A-Za-z])(=?)(.*)$/s.exec(word);
  const spec = GLOBAL_FLAGS.find((f) =>
    long ? f.long === long[1] : short ? "short" in f && f.short === short[1] : false
  );
  if (!spec) return undefined;
  const inline = long ? long[2] : short![2] || short![3] ? short![3] : undefined;
  if (spec.value === "none") {
    // `-vA` and `-v=x` are left to the parser, which names what is wrong with them.
    return short && short[3] !== "" && short[2] === "" ? undefined : [{ spec, value: inline }, 1];
  }
  if (inline !== undefined) return [{ spec, value: inline }, 1];
  return i + 1 < argv.length ? [{ spec, value: argv[i + 1] }, 2] : undefined;
}

/**
 * Split a command line whose first word after hyperctl's global flags is `k8s`.
 *
 * @returns the words for the k8s translator and the hyperctl flags to add to what it runs, or
 *   undefined when this is not a k8s line (or a word before `k8s` is no global flag: the parser
 *   then names it)
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { k8sLine } from "./line.ts";
 * deepEqual(k8sLine(["-n", "prod", "k8s", "-op", "vm-list"]), {
 *   k8s: ["-namespace", "prod", "-op", "vm-list"],
 *   globals: [],
 * });
 * ```
 */
export function k8sLine(argv: readonly string[]): K8sLine | undefined {
  const line: K8sLine = { k8s: [], globals: [] };
  let i = 0;
  for (; i < argv.length && argv[i] !== "k8s";) {
    const found = hyperctlFlag(argv, i);
    if (!found) return undefined;
    place(found[0], line);
    i += found[1];
  }
  if (i >= argv.length) return undefined;
  for (let j = i + 1; j < argv.length; j++) {
    const word = argv[j];
    // Go stops at `--` and at the first argument; the translator names what is left.
    if (word === "--" || word === "-" || !word.startsWith("-")) {
      line.k8s.push(...argv.slice(j));
      break;
    }
    const def = goFlag(word.replace(/^--?/, "").split("=", 1)[0]);
    if (def) {
      line.k8s.push(word);
      if (def.type !== "bool" && !word.includes("=") && j + 1 < argv.length) {
        line.k8s.push(argv[++j]);
      }
      continue;
    }
    // Only whole words here: `-nprod` would be Go's flag "nprod".
    const found = /^-[A-Za-z](=|$)|^--/.test(word) ? hyperctlFlag(argv, j) : undefined;
    if (!found) {
      line.k8s.push(word);
      continue;
    }
    place(found[0], line);
    j += found[1] - 1;
  }
  return line;
}
