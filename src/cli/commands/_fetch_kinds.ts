/**
 * The source of `get` for several kinds: each kind's collection, or each object by name, read
 * whole before anything prints (one `List` holds every kind, and each kind's table is laid out
 * whole), in kubectl's order.
 * @module
 */

import { type KindObject, type KindSection, sectionsOf } from "../../core/kind_sections.ts";
import type { KubeApi } from "../../k8s/api.ts";
import { refFor } from "./common.ts";
import type { GetKindsOptions } from "./get_kinds_options.ts";
import { getOrMissing } from "./_missing_names.ts";
import { listKept } from "./_print_list.ts";

/** What was read: the sections to print, and the errors of the names not found (404). */
export interface FetchedKinds {
  sections: KindSection[];
  missing: unknown[];
}

/**
 * Read what `options.request` asks for in `namespace` (undefined: every namespace). A listed kind
 * with no objects is an empty section; a name not found is a `missing` error, the others still
 * read. Any other error fails the whole read.
 */
export async function fetchKinds(
  api: KubeApi,
  namespace: string | undefined,
  options: GetKindsOptions,
): Promise<FetchedKinds> {
  const request = options.request;
  if (request.form === "collections") {
    const sections = await Promise.all(request.kinds.map(async (kind) => ({
      kind,
      objects: await listKept(api, refFor(kind, namespace), {
        ...options,
        kind,
        keep: () => true,
      }),
    })));
    return { sections, missing: [] };
  }
  const got = await Promise.all(
    request.refs.map(({ kind, name }) =>
      getOrMissing(api, refFor(kind, namespace), name).then((g) =>
        "object" in g ? { kind, object: g.object } : g
      )
    ),
  );
  return {
    sections: sectionsOf(got.filter((g): g is KindObject => "object" in g)),
    missing: got.flatMap((g) => ("missing" in g ? [g.missing] : [])),
  };
}
