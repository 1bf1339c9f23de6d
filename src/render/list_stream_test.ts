import { equal } from "node:assert/strict";
import fc from "fast-check";
import { kindByNoun } from "../core/kinds.ts";
import type { KubeObject } from "../core/types.ts";
import { createRenderer } from "./create_renderer.ts";
import { createJsonRenderer } from "./json.ts";
import { createJsonLinesRenderer } from "./jsonl.ts";
import { createYamlRenderer } from "./yaml.ts";
import { isStreamingRenderer, listStreamOf } from "./list_stream.ts";
import type { OutputFormat } from "./renderer.ts";
import { fleet, NOW } from "./testdata/fixtures.ts";

const FORMATS: OutputFormat[] = ["table", "wide", "json", "yaml", "name"];
const opts = { kind: kindByNoun("vm"), nowMs: () => NOW, showNamespace: true };

/** `items` cut into pages of `size` (the last one shorter), plus an empty page in the middle. */
function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  out.splice(Math.floor(out.length / 2), 0, []);
  return out;
}

async function streamed(format: OutputFormat, items: readonly KubeObject[], size: number) {
  const stream = listStreamOf(await createRenderer(format, opts));
  return pages(items, size).map((p) => stream.page(p)).join("") + stream.end();
}

Deno.test("every list format streams: table, wide, json, yaml and name print pages as they come", async () => {
  for (const format of FORMATS) {
    equal(isStreamingRenderer(await createRenderer(format, opts)), true, format);
  }
});

Deno.test("a list printed page by page equals list() of all items in every format; one page byte for byte", async () => {
  const items = fleet();
  for (const format of FORMATS) {
    const whole = (await createRenderer(format, opts)).list(items);
    for (const size of [items.length, items.length + 5]) {
      equal(await streamed(format, items, size), whole, `${format}, one page of ${size}`);
    }
    for (const size of [1, 7]) {
      const out = await streamed(format, items, size);
      if (format === "table" || format === "wide") {
        // Several pages: the same rows and cells; only the padding may differ (widths grow).
        equal(out.replace(/ +/g, " "), whole.replace(/ +/g, " "), `${format}, pages of ${size}`);
      } else {
        equal(out, whole, `${format}, pages of ${size}`);
      }
    }
  }
});

Deno.test("an empty list printed page by page equals list([]) in every format", async () => {
  for (const format of FORMATS) {
    const whole = (await createRenderer(format, opts)).list([]);
    const stream = listStreamOf(await createRenderer(format, opts));
    equal(stream.page([]) + stream.page([]) + stream.end(), whole, format);
  }
});

Deno.test("a table in pages keeps the first page's widths and widens a column only from the page that needs it", async () => {
  const table = listStreamOf(await createRenderer("table", { ...opts, showNamespace: false }));
  const running = { phase: "Running" };
  const first = table.page([{ metadata: { name: "a" }, status: running }]);
  const second = table.page([{ metadata: { name: "a-much-longer-name" }, status: running }]);
  const secondColumn = (line: string) => line.search(/ \S/) + 1;
  // NAME is max(6, 4 + 3) wide on the first page, for the header and its row alike.
  equal(first.split("\n").map(secondColumn).slice(0, 2).join(), "7,7");
  equal(first.split("\n")[0].startsWith("NAME   STATUS"), true);
  // The second page has no header and a NAME column grown to 18 + 3 for its row.
  equal(second.startsWith("a-much-longer-name   "), true);
  equal(secondColumn(second), 21);
});

Deno.test("json and yaml streams equal list() for arbitrary objects and page sizes (property)", () => {
  const objects = fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 12 });
  fc.assert(
    fc.property(objects, fc.integer({ min: 1, max: 5 }), (items, size) => {
      // A fresh renderer per list: YAML counts the documents it printed.
      for (const make of [createJsonRenderer, createYamlRenderer]) {
        const stream = make().listStream();
        const out = pages(items, size).map((p) => stream.page(p)).join("") + stream.end();
        equal(out, make().list(items));
      }
    }),
    { numRuns: 200 },
  );
});

Deno.test("listStreamOf() buffers a renderer without pages and prints it all at the end", () => {
  const jsonl = createJsonLinesRenderer();
  equal(isStreamingRenderer(jsonl), false);
  const stream = listStreamOf(jsonl);
  equal(stream.page([{ kind: "A" }], ["c1"]), "");
  equal(stream.page([{ kind: "B" }]), "");
  equal(stream.end(), jsonl.list([{ kind: "A" }, { kind: "B" }], ["c1", undefined]));
});
