/**
 * Every resume hint a wait can print is a command line hyperctl accepts: parsed as a shell would
 * split it, it names the `wait` it resumes and passes that command's own checks.
 */
import assert from "node:assert/strict";
import { isWaitable } from "../core/phases.ts";
import { KINDS } from "../core/kinds.ts";
import type { WaitCondition } from "../core/wait_condition.ts";
import { parseWaitCondition } from "../core/wait_condition.ts";
import { fakeDeps } from "../testing/fake_deps.ts";
import { resumeHint, type WaitTarget } from "./operation_wait.ts";
import { checkProblems, parseCommandLine } from "./parse/mod.ts";
import { commandTree } from "./program.ts";

/** POSIX shell words of a line that quotes only with '…' (and '\'' inside). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === " ") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      assert.ok(end > i, `unbalanced quote in ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === "\\") {
      word = (word ?? "") + line[++i];
    } else {
      assert.ok(!/["$`*?;&|<>(){}[\]]/.test(ch) || word !== undefined, `unquoted ${ch} in ${line}`);
      word = (word ?? "") + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const FORS = [
  "phase=PHASE",
  "condition=Ready",
  "condition=Ready=False",
  "delete",
  "create",
  "jsonpath={.status.phase}",
  "jsonpath={.metadata.labels.reviewed}=yes",
  `jsonpath={.status.conditions[?(@.type=="Ready")].status}=True`,
  "jsonpath={.metadata.labels.note}=it's a b",
];

Deno.test("every resume hint parses as the wait it resumes, for every kind and --for", async () => {
  const deps = fakeDeps();
  const tree = commandTree(deps);
  let checked = 0;
  for (const kind of KINDS) {
    const fors = kind.phases.length > 0 ? FORS : FORS.slice(1);
    const conditions: (WaitCondition | undefined)[] = fors.map((f) =>
      parseWaitCondition(kind, f.replace("PHASE", kind.phases[0]))
    );
    if (isWaitable(kind)) conditions.push(undefined);
    for (const condition of conditions) {
      const target: WaitTarget = { kind, namespace: "ns-1", name: "a-1", title: "a-1", condition };
      for (const program of ["hyperctl", "kubectl hyperctl"]) {
        const hint = resumeHint(target, program);
        const words = shellWords(hint);
        assert.deepEqual(words.slice(0, program.split(" ").length), program.split(" "), hint);
        const line = await parseCommandLine(tree, words.slice(program.split(" ").length));
        assert.equal(line.kind, "run", hint);
        if (line.kind !== "run") continue;
        assert.equal(line.leaf.name, "wait", hint);
        assert.deepEqual(checkProblems(line.leaf, line.invocation), [], hint);
        assert.equal(line.invocation.flags.namespace, "ns-1", hint);
        checked++;
      }
    }
  }
  assert.ok(checked > 50, `${checked} hints checked`);
});

Deno.test("a kind without its own wait command gets a `hyperctl wait … --for` hint", () => {
  const vm = KINDS.find((k) => k.noun === "vm")!;
  const target: WaitTarget = {
    kind: vm,
    namespace: "default",
    name: "qa5",
    title: "qa5",
    condition: { type: "phase", phases: ["Stopped"] },
  };
  assert.equal(resumeHint(target), "hyperctl wait vm/qa5 --for phase=Stopped -n default");
});
