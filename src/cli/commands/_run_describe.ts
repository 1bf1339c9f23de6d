/**
 * What `describe` does once its options are checked: kubectl's describe view of each object — spec
 * and status in words, conditions, related objects and events — or, with `-o json|yaml`, the
 * same content as one document for scripts.
 * @module
 */

import { lastValueFrom } from "../../rx.ts";
import { describeDocument, describeView } from "../../core/describe/mod.ts";
import type { KubeObject } from "../../core/types.ts";
import { fetchDescribeInput } from "../../k8s/describe_sources.ts";
import { list$ } from "../../k8s/list.ts";
import { renderDescribeText } from "../../render/describe_text.ts";
import type { DescribeOptions } from "./describe_options.ts";
import type { Connection, Deps } from "../deps.ts";
import { errorLine } from "../exit_code.ts";
import { refFor } from "./common.ts";
import { noResourcesLine } from "./_no_resources.ts";

/** The objects to describe; a missing name is reported on stderr (exit 1) and the rest go on. */
async function findObjects(
  options: DescribeOptions,
  conn: Connection,
  deps: Deps,
): Promise<KubeObject[]> {
  const ref = refFor(options.kind, options.allNamespaces ? undefined : conn.namespace);
  if (options.targets.names.length === 0) {
    const { items } = await lastValueFrom(
      list$(conn.api, ref, { labelSelector: options.targets.selector }),
    );
    return items;
  }
  const found: KubeObject[] = [];
  for (const name of options.targets.names) {
    try {
      found.push(await conn.api.get(ref, name));
    } catch (e) {
      if ((e as { code?: unknown }).code !== 404) throw e;
      await deps.io.err.write(errorLine(e) + "\n");
      deps.exitCode = 1;
    }
  }
  return found;
}

/** Objects whose related objects and events are fetched at once; each needs up to 7 requests. */
const CONCURRENCY = 4;

/**
 * `fetch` of each item, a few at a time, yielded in the items' order: the first description
 * prints as soon as it is ready and the next ones are already on their way.
 */
async function* inOrder<T, R>(
  items: readonly T[],
  fetch: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const start = () => {
    if (started.length >= items.length) return;
    const p = fetch(items[started.length]);
    p.catch(() => {}); // awaited in turn below; this keeps a later failure from going unhandled
    started.push(p);
  };
  for (let i = 0; i < CONCURRENCY; i++) start();
  for (let i = 0; i < items.length; i++) {
    const result = await started[i];
    start();
    yield result;
  }
}

/** Run `describe` with checked options. */
export async function runDescribe(options: DescribeOptions, deps: Deps): Promise<void> {
  const conn = await deps.connect(options.globals);
  try {
    const objects = await findObjects(options, conn, deps);
    if (objects.length === 0) {
      if (options.targets.names.length === 0) {
        await deps.io.err.write(
          noResourcesLine(options.allNamespaces ? undefined : conn.namespace),
        );
      }
      return;
    }
    const inputs = inOrder(objects, (obj) => fetchDescribeInput(conn.api, options.kind.noun, obj));
    if (options.output === "table") {
      let first = true;
      for await (const input of inputs) {
        // kubectl separates descriptions with two blank lines
        const text = (first ? "" : "\n\n") +
          renderDescribeText(describeView(input), deps.clock.now());
        first = false;
        if (!await deps.io.out.write(text)) return;
      }
      return;
    }
    const docs = [];
    for await (const input of inputs) docs.push(describeDocument(input));
    // One name gives one document, several (or -l) a List, as get and list do.
    const value = options.targets.names.length === 1
      ? docs[0]
      : { apiVersion: "v1", kind: "List", items: docs };
    const text = options.output === "json"
      ? JSON.stringify(value, null, 2) + "\n"
      : (await import("../../render/yaml.ts")).toYaml(value); // the emitter only for -o yaml
    await deps.io.out.write(text);
  } finally {
    conn.close();
  }
}
