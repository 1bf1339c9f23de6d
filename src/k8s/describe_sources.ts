/**
 * Fetch what `describe` shows besides the object: the related objects its queries name, and the
 * events about it from `events.k8s.io/v1`, else core `v1`, else none (a cluster without an
 * events API, such as a bare apiextensions server, is no error).
 * @module
 */

import { lastValueFrom } from "../rx.ts";
import type { DescribeInput, RelatedObjects } from "../core/describe/mod.ts";
import { relatedQueries, type RelatedQuery } from "../core/describe/mod.ts";
import { matchesFields, parseFieldSelector } from "../core/field_selector.ts";
import { GROUP, kindByNoun, type Noun, VERSION } from "../core/kinds.ts";
import { getString, type KubeObject, nameOf, namespaceOf } from "../core/types.ts";
import type { KubeApi, ResourceRef } from "./api.ts";
import { list$ } from "./list.ts";

/** Not served (404) or not visible to us (403): the events section is left out, not an error. */
function isUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === 404 || code === 403;
}

async function eventsVia(
  api: KubeApi,
  ref: ResourceRef,
  fieldSelector: string,
): Promise<KubeObject[] | undefined> {
  try {
    return (await lastValueFrom(list$(api, ref, { fieldSelector }))).items;
  } catch (e) {
    if (isUnavailable(e)) return undefined;
    throw e;
  }
}

/**
 * The events about `obj` (whose Kubernetes kind is `kind`), or undefined without an events API.
 *
 * The server selects by name and kind (`regarding.*` is `involvedObject.*` under its
 * events.k8s.io name); the uid is compared here, so events of a deleted namesake stay out.
 */
export async function fetchEvents(
  api: KubeApi,
  obj: KubeObject,
  kind: string,
): Promise<KubeObject[] | undefined> {
  const namespace = namespaceOf(obj);
  const name = nameOf(obj);
  const uid = getString(obj, ["metadata", "uid"]);
  const sameUid = (path: string[]) => (e: KubeObject) => {
    const u = getString(e, path);
    return !uid || !u || u === uid;
  };
  const modern = await eventsVia(
    api,
    { group: "events.k8s.io", version: "v1", plural: "events", namespace },
    `regarding.name=${name},regarding.kind=${kind}`,
  );
  if (modern !== undefined) return modern.filter(sameUid(["regarding", "uid"]));
  const core = await eventsVia(
    api,
    { group: "", version: "v1", plural: "events", namespace },
    `involvedObject.name=${name},involvedObject.kind=${kind}`,
  );
  return core?.filter(sameUid(["involvedObject", "uid"]));
}

/**
 * List `ref` with the query's selectors. A cluster whose CRDs declare no selectable fields
 * answers a field selector with 400; then the whole namespace is listed and the same selector
 * applied here, so describe still works there.
 */
async function listSelected(
  api: KubeApi,
  ref: ResourceRef,
  q: RelatedQuery,
): Promise<KubeObject[]> {
  const list = (fieldSelector: string | undefined) =>
    lastValueFrom(list$(api, ref, { fieldSelector, labelSelector: q.labelSelector }));
  try {
    return (await list(q.fieldSelector)).items;
  } catch (e) {
    if (q.fieldSelector === undefined || (e as { code?: unknown })?.code !== 400) throw e;
    const selector = parseFieldSelector(q.fieldSelector);
    return (await list(undefined)).items.filter((o) => matchesFields(selector, o));
  }
}

/** The objects related to `obj`, one entry per query of its kind, fetched in parallel. */
export function fetchRelated(api: KubeApi, noun: Noun, obj: KubeObject): Promise<RelatedObjects[]> {
  return Promise.all(
    relatedQueries(noun, obj).map(async (q): Promise<RelatedObjects> => {
      const plural = kindByNoun(q.noun).plural;
      const items = await listSelected(api, {
        group: GROUP,
        version: VERSION,
        plural,
        namespace: q.namespace,
      }, q);
      return {
        key: q.key,
        title: q.title,
        noun: q.noun,
        items: q.match ? items.filter(q.match) : items,
      };
    }),
  );
}

/** Everything `describe` shows of `obj`: the object, its related objects and its events. */
export async function fetchDescribeInput(
  api: KubeApi,
  noun: Noun,
  obj: KubeObject,
): Promise<DescribeInput> {
  const [related, events] = await Promise.all([
    fetchRelated(api, noun, obj),
    fetchEvents(api, obj, kindByNoun(noun).kind),
  ]);
  return { object: obj, related, events };
}
