/**
 * The describe layout against Go's own text/tabwriter with kubectl describe's settings: the same
 * tab-separated lines, aligned by both, give the same bytes.
 */
import { equal } from "node:assert/strict";
import { describeView } from "../../src/core/describe/mod.ts";
import { describeTabLines, renderDescribeText } from "../../src/render/describe_text.ts";
import { events, NOW, related, vm } from "../../src/render/testdata/describe_fixtures.ts";

async function goTabwriter(text: string): Promise<string> {
  const program = new URL("./testdata/tabwriter.go", import.meta.url).pathname;
  const child = new Deno.Command("go", {
    args: ["run", program],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout);
}

Deno.test("describe text is aligned exactly as Go's text/tabwriter aligns kubectl describe", async () => {
  const views = [
    describeView({ object: vm, related, events }),
    describeView({ object: { metadata: { name: "x", namespace: "d" } }, related: [], events: [] }),
  ];
  for (const view of views) {
    const lines = describeTabLines(view, NOW);
    const go = (await goTabwriter(lines.map((l) => l + "\n").join(""))).replace(/ +$/gm, "");
    equal(renderDescribeText(view, NOW), go);
  }
});
