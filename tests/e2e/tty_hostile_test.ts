/**
 * Cluster data never reaches a terminal raw: C1 controls (U+009B, an 8-bit CSI) and bidi
 * overrides (U+202E) from an annotation are made visible in yaml and json on a pseudo-terminal
 * (util-linux `script`), while piped output keeps the text: json's exact bytes, yaml's escapes.
 */
import assert from "node:assert/strict";
import { parse } from "yaml";
import { BINARY_PERMISSIONS } from "../../scripts/build.ts";
import { hyperctl, PROGRAM } from "../support/cli.ts";
import { e2eTest, type Target } from "../support/targets.ts";

const HOSTILE = "x\u009b2J\u009b31mred\u202eevil\u2066iso\u2069";

async function onTerminal(t: Target, args: string[]): Promise<{ code: number; screen: string }> {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const cmd = [Deno.execPath(), "run", "--quiet", ...BINARY_PERMISSIONS, PROGRAM, ...args]
    .map(quote).join(" ");
  const out = await new Deno.Command("script", {
    args: ["-qefc", cmd, "/dev/null"],
    env: { KUBECONFIG: t.kubeconfig, TERM: "xterm-256color", NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, screen: new TextDecoder().decode(out.stdout) };
}

e2eTest(
  "C1 controls and bidi overrides from the cluster are neutralised on a terminal",
  async (t) => {
    await t.api.create(
      {
        group: "hypersdk.io",
        version: "v1alpha1",
        plural: "virtualmachines",
        namespace: t.namespace,
      },
      {
        apiVersion: "hypersdk.io/v1alpha1",
        kind: "VirtualMachine",
        metadata: { name: "hostile", annotations: { note: HOSTILE } },
        spec: { cpus: 1, memory: "1Gi" },
      },
    );
    // json escapes them only on a terminal; yaml always writes C1 controls as escapes in a
    // double-quoted string (kubectl refuses to print them at all), which a YAML reader decodes.
    const visible: Record<string, string> = {
      json: "x\\u009b2J\\u009b31mred\\u202eevil\\u2066iso\\u2069",
      yaml: '"x\\x9B2J\\x9B31mred\\u202eevil\\u2066iso\\u2069"',
    };
    for (const output of ["yaml", "json"]) {
      const tty = await onTerminal(t, ["vm", "get", "hostile", "-o", output]);
      assert.equal(tty.code, 0, tty.screen);
      assert.doesNotMatch(tty.screen, /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/, output);
      assert.ok(tty.screen.includes(visible[output]), `${output}: ${tty.screen}`);

      const piped = await hyperctl(["vm", "get", "hostile", "-o", output], {
        kubeconfig: t.kubeconfig,
      });
      assert.equal(piped.code, 0, piped.stderr);
      const read = output === "json" ? JSON.parse(piped.stdout) : parse(piped.stdout);
      assert.equal(read.metadata.annotations.note, HOSTILE, `${output} piped keeps the text`);
    }
    // Piped json is the exact bytes.
    assert.ok(
      (await hyperctl(["vm", "get", "hostile", "-o", "json"], { kubeconfig: t.kubeconfig })).stdout
        .includes(HOSTILE),
    );
  },
);
