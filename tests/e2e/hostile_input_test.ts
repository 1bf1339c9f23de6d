/**
 * Absurd and hostile command-line input is refused with exit 2 and one line naming the problem,
 * before anything is sent: the kubeconfig points at a port nobody listens on, so a request would
 * have ended in exit 1 ("cannot reach the cluster") instead.
 */
import assert from "node:assert/strict";
import { hyperctl } from "../support/cli.ts";

async function deadClusterKubeconfig(): Promise<string> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const path = await Deno.makeTempFile({ suffix: ".yaml" });
  await Deno.writeTextFile(
    path,
    `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
current-context: x
`,
  );
  return path;
}

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(",");

const CASES: { name: string; args: string[]; stderr: RegExp }[] = [
  {
    name: "a date that does not exist",
    args: ["vm", "list", "--created-after", "2024-02-30T00:00:00Z"],
    stderr: /^error: cannot parse --created-after "2024-02-30T00:00:00Z"/,
  },
  {
    name: "a label selector too long for a request URL",
    args: ["vm", "list", "-l", `a in (${values(20_000)})`],
    stderr: /^error: cannot use label selector "a in \(v0.*bytes once URL-encoded/,
  },
  {
    name: "a --where nested deeper than the limit",
    args: ["vm", "list", "--where", `${"(".repeat(20_000)}cpus > 1${")".repeat(20_000)}`],
    stderr: /^error: cannot parse query: 40008 characters, more than 4096/,
  },
  {
    name: "a --where nested 100 levels",
    args: ["vm", "list", "--where", `${"(".repeat(100)}cpus > 1${")".repeat(100)}`],
    stderr: /^error: cannot parse query at column 65: nested more than 64 levels deep/,
  },
  {
    name: "a --where that is not valid UTF-8",
    args: ["vm", "list", "--where", 'name = "\uFFFD"'],
    stderr: /^error: cannot parse query at column 9: not valid UTF-8/,
  },
  {
    name: "a quantity with 100 000 digits",
    args: ["vm", "list", "--min-memory", `1${"0".repeat(100_000)}`],
    stderr: /^error: .*cannot parse quantity "1000.*100001 characters, more than the 64/,
  },
];

for (const c of CASES) {
  Deno.test(`${c.name} exits 2 before anything is sent`, async () => {
    const kubeconfig = await deadClusterKubeconfig();
    try {
      const r = await hyperctl(c.args, { kubeconfig });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, c.stderr);
      assert.doesNotMatch(r.stderr, /Maximum call stack|cannot reach|\bat \S+:\d+:\d+/);
    } finally {
      await Deno.remove(kubeconfig);
    }
  });
}
