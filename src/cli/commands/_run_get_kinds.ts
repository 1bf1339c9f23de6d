/**
 * What `get` of several kinds does once its options are checked: read every kind (the source),
 * then print them as kubectl does, a line on stderr for each name not found after them (then
 * exit 1) and
 * "No resources found" when a table would print nothing.
 * @module
 */

import { kindsOf } from "../../core/resource_words.ts";
import type { Deps } from "../deps.ts";
import { colorFor } from "./common.ts";
import type { GetKindsOptions } from "./get_kinds_options.ts";
import { reportMissing } from "./_missing_names.ts";
import { noResourcesLine, saysNoResources } from "./_no_resources.ts";
import { fetchKinds } from "./_fetch_kinds.ts";
import { kindsText } from "./_print_kinds.ts";
import { withTemplateFile } from "./print_flags.ts";

/** Run `get-kinds` with checked options; a template file is read (exit 2) before connecting. */
export async function runGetKinds(checked: GetKindsOptions, deps: Deps): Promise<void> {
  const options = { ...checked, ...withTemplateFile(checked, Deno.readTextFileSync) };
  const conn = await deps.connect(options.globals);
  try {
    const namespace = options.allNamespaces ? undefined : conn.namespace;
    const { sections, missing } = await fetchKinds(conn.api, namespace, options);
    const text = await kindsText(sections, kindsOf(options.request)[0], options, {
      nowMs: deps.clock.now,
      color: colorFor(options.globals, deps),
    });
    if (text) await deps.io.out.write(text);
    else if (missing.length === 0 && saysNoResources(options.output)) {
      await deps.io.err.write(noResourcesLine(namespace));
    }
    await reportMissing(missing, deps);
  } finally {
    conn.close();
  }
}
