/**
 * kubectl 1.33 as the reference for `-o yaml`, offline: `kubectl annotate --local -f FILE z=1
 * -o yaml` prints each object of FILE as `kubectl get -o yaml` would, with the annotation `z: "1"`
 * added. Many objects go through one call as a `List`, printed back one document each.
 * @module
 */

import { kubectlBinary } from "../../../tests/support/apiserver.ts";
import { compareCodePoints } from "../../core/code_points.ts";

/**
 * The kubectl 1.33 binary, or `undefined` (with a message) where there is none; in CI a missing
 * kubectl fails instead.
 */
export function referenceKubectl(): string | undefined {
  try {
    const bin = kubectlBinary();
    if (Deno.statSync(bin).isFile) return bin;
    throw new Error(`${bin} is not a file`);
  } catch (err) {
    if (Deno.env.get("CI") === "true") throw err;
    console.error(`SKIP kubectl comparisons: ${err instanceof Error ? err.message : err}`);
    return undefined;
  }
}

/**
 * JSON as the API server sends it: object keys in byte order (Go's `json.Marshal` of a map), so
 * that kubectl and `JSON.parse` read the same text.
 */
export function serverJson(value: unknown): string {
  return sortedJson(JSON.parse(JSON.stringify(value))); // JSON data only, as a server holds
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const keys = Object.keys(value).sort(compareCodePoints);
  const record = value as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`).join(",")}}`;
}

/**
 * kubectl's `-o yaml` of each object (each needs `apiVersion`, `kind`, `metadata.name`, and
 * string annotations without `z`), which gains the annotation `z: "1"`.
 */
export async function kubectlYaml(bin: string, objects: readonly unknown[]): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "hyperctl-yaml-" });
  try {
    const file = `${dir}/list.json`;
    await Deno.writeTextFile(file, serverJson({ apiVersion: "v1", kind: "List", items: objects }));
    const out = await new Deno.Command(bin, {
      args: ["annotate", "--local", "-f", file, "z=1", "-o", "yaml"],
      env: { KUBECONFIG: "/dev/null" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    if (!out.success) throw new Error(`kubectl failed: ${stderr}`);
    // Documents are separated by `---` lines; no document has such a line (the string `---` is
    // quoted, block scalar lines are indented).
    const docs = new TextDecoder().decode(out.stdout).split(/^---\n/m);
    if (docs.length !== objects.length) {
      throw new Error(`kubectl printed ${docs.length} documents for ${objects.length} objects`);
    }
    return docs;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
