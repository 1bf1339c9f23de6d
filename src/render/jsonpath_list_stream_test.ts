import { equal, throws } from "node:assert/strict";
import fc from "fast-check";
import { parseJsonPath } from "../core/jsonpath/mod.ts";
import type { KubeObject } from "../core/types.ts";
import { createJsonPathRenderer } from "./jsonpath.ts";
import { isStreamingRenderer, listStreamOf } from "./list_stream.ts";

/** Templates whose list output can be printed item by item. */
const STREAMING = [
  "{.items[*].metadata.name}",
  '{range .items[*]}{.metadata.name}{"\\n"}{end}',
  '{.kind} {.apiVersion}:{range .items[*]}[{.metadata.name}|{.spec.tags.*}]{end} done{"\\n"}',
  '{range .items[*].spec.tags.*}{@}{","}{end}',
  "{.items[*].spec}",
  "{.items.*.metadata.name}",
  '{.items[:].spec.cpus}{"\\n"}',
  "{range .items[*]}{..name}{end}",
  "{range .items[*]}{.metadata['name','namespace']}{end}",
  "{range .items[*]}{}{end}",
  "{.items[*]}",
  "{.items[*]..cpus}",
  "only text",
  '{.kind}{"\\n"}',
];

/**
 * Templates read item by item whose text waits for the end, because an item may fail them (an
 * index in the body, a filter comparing a number with a string).
 */
const HOLDING = [
  "{range .items[*]}{.spec.tags[0]}{end}",
  "{.items[?(@.spec.cpus>1)].metadata.name}",
  '{range .items[?(@.metadata.namespace=="x")]}{.metadata.name}{"\\n"}{end}',
  '{.items[*].spec.tags[?(@=="a")]}',
  "{.kind}{range .items[*]}[{.spec.tags[0:1]}]{end}{.apiVersion}",
];

/** Templates that need the whole list: they buffer, and must still print the same. */
const BUFFERING = [
  "{.items[0].metadata.name}",
  "{.items[-1:]}",
  "{.items[*].metadata.name} {.items[*].spec.cpus}",
  "{..name}",
  "{}",
  "{range .items[*].spec.tags}{@[0]}{end}",
  '{range .items[*]}{[?(@.name=="a")]}{end}',
  "{range .items[*]}{range .spec.tags[*]}{@}{end}{end}",
  "{.items[*]['metadata','spec']}",
  "{.items[*].spec.tags[*]}",
  "{range .items[*]}{.metadata.name}{end}{range .items[*]}{.spec.cpus}{end}",
];

const text = fc.string({
  unit: fc.constantFrom("a", "b", "<", " ", "\n", "\x1b", "é"),
  maxLength: 4,
});
const item: fc.Arbitrary<KubeObject> = fc.record({
  metadata: fc.record({ name: text, namespace: fc.constantFrom("x", "y") }, { requiredKeys: [] }),
  spec: fc.record({
    cpus: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.boolean(), text),
    tags: fc.array(text, { maxLength: 3 }),
  }, { requiredKeys: [] }),
}, { requiredKeys: [] });

/** Items cut into pages at the given sizes (the last page takes the rest; empty pages included). */
function pagesOf(items: readonly KubeObject[], sizes: readonly number[]): KubeObject[][] {
  const pages: KubeObject[][] = [];
  let at = 0;
  for (const size of sizes) {
    pages.push(items.slice(at, at + size));
    at += size;
  }
  pages.push(items.slice(at));
  return pages;
}

/** What reaches stdout: each piece as it is printed, then the error that ended it, if any. */
function printed(pieces: Iterable<() => string>): string {
  let out = "";
  try {
    for (const piece of pieces) out += piece();
  } catch (e) {
    out += `error: ${(e as Error).message}`;
  }
  return out;
}

const STREAMS = [
  ["streaming", STREAMING, true],
  ["holding", HOLDING, true],
  ["buffering", BUFFERING, false],
] as const;

for (const [name, templates, streams] of STREAMS) {
  Deno.test(`jsonpath ${name} templates: pages concatenate to list() of all items (property)`, () => {
    const options = fc.record({ asJson: fc.boolean(), terminal: fc.boolean() });
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        options,
        fc.array(item, { maxLength: 10 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
        (source, opts, items, sizes) => {
          const renderer = createJsonPathRenderer(parseJsonPath(source), {
            ...opts,
            jsonPathSource: source,
          });
          equal(isStreamingRenderer(renderer), streams, source);
          const whole = printed([() => renderer.list(items)]);
          const stream = listStreamOf(renderer);
          const pages = pagesOf(items, sizes).map((p) => () => stream.page(p));
          const beforeEnd = printed(pages);
          if (name === "holding" && !beforeEnd.startsWith("error:")) equal(beforeEnd, "", source);
          const paged = beforeEnd.startsWith("error:") ? beforeEnd : beforeEnd + printed([
            () => stream.end(),
          ]);
          equal(paged, whole, source);
        },
      ),
      { numRuns: 400 },
    );
  });
}

Deno.test("jsonpath streams the text before the items with the first page and the rest at the end", () => {
  const r = createJsonPathRenderer(
    parseJsonPath('{.kind}:{range .items[*]}{.n}{"\\n"}{end}{.apiVersion}'),
  );
  const s = listStreamOf(r);
  equal(s.page([{ n: "a" } as KubeObject]), "List:a\n");
  equal(s.page([]), "");
  equal(s.page([{ n: "b" } as KubeObject]), "b\n");
  equal(s.end(), "v1");
});

Deno.test("jsonpath joins values across pages with one space, and as-json into one array", () => {
  const names = (asJson: boolean) => {
    const s = listStreamOf(createJsonPathRenderer(parseJsonPath("{.items[*].n}"), { asJson }));
    return [
      s.page([{ n: "a" }, { n: "b" }] as KubeObject[]),
      s.page([{}]),
      s.page([{ n: "c" } as KubeObject]),
      s.end(),
    ];
  };
  equal(names(false).join("|"), "a b|| c|");
  equal(names(true).join(""), '[\n    "a",\n    "b",\n    "c"\n]\n');
});

Deno.test("jsonpath with missing keys as errors, or in a watch, keeps printing the whole list at once", () => {
  const t = parseJsonPath("{.items[*].n}");
  equal(isStreamingRenderer(createJsonPathRenderer(t, { allowMissingKeys: false })), false);
  equal(isStreamingRenderer(createJsonPathRenderer(t, { watch: true })), false);
});

Deno.test("jsonpath fails at the first page, before printing, when the text around the items fails", () => {
  const s = listStreamOf(
    createJsonPathRenderer(parseJsonPath("{range .items[*]}{.n}{end}{.kind[0]}")),
  );
  throws(() => s.page([{ n: "a" } as KubeObject]), /string is not array/);
});
