/**
 * List semantics: label/field selectors, `limit` pages and opaque `continue` tokens.
 *
 * Tokens carry the first page's resourceVersion and the last key, like the real server's, so a
 * paginated list is a consistent snapshot and expires (410) once history is compacted.
 * @module
 */

import {
  type FieldSelector,
  matchesFields,
  parseFieldSelector,
} from "../../core/field_selector.ts";
import {
  type LabelSelector,
  matchesLabels,
  parseLabelSelector,
} from "../../core/label_selector.ts";
import { getStringMap, type KubeObject } from "../../core/types.ts";
import type { ResourceDef } from "./resource_defs.ts";
import { ApiError, badRequest, expired } from "./status.ts";
import type { SnapshotCursor } from "./_snapshot_cursor.ts";
import { type Store, TooOldError } from "./store.ts";

/** Build the object predicate for `labelSelector` and `fieldSelector`; throws 400 like the server. */
export function selectorMatcher(
  def: ResourceDef,
  labelSelector: string | null,
  fieldSelector: string | null,
): ((obj: KubeObject) => boolean) & { empty: boolean } {
  let labels: LabelSelector = [];
  let fields: FieldSelector = [];
  try {
    labels = parseLabelSelector(labelSelector ?? "");
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  try {
    fields = parseFieldSelector(fieldSelector ?? "");
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  for (const f of fields) {
    const ok = f.field === "metadata.name" ||
      (def.namespaced && f.field === "metadata.namespace") ||
      def.selectableFields.includes(f.field);
    if (!ok) throw badRequest(`field label not supported: ${f.field}`);
  }
  const fn = (obj: KubeObject) =>
    (labels.length === 0 || matchesLabels(labels, getStringMap(obj, ["metadata", "labels"]))) &&
    (fields.length === 0 || matchesFields(fields, obj));
  return Object.assign(fn, { empty: labels.length === 0 && fields.length === 0 });
}

interface Token {
  v: string;
  rv: number;
  start: string;
}

const b64url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");

function encodeToken(rv: number, start: string): string {
  return b64url(JSON.stringify({ v: "meta.k8s.io/v1", rv, start }));
}

function decodeToken(token: string): Token {
  try {
    const bin = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    const t = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
    if (t?.v !== "meta.k8s.io/v1" || typeof t.rv !== "number" || typeof t.start !== "string") {
      throw new Error("bad fields");
    }
    return t;
  } catch (e) {
    throw badRequest(`invalid continue token: continue key is not valid: ${(e as Error).message}`);
  }
}

/** A page of a list. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

const CONTINUE_EXPIRED = "The provided continue parameter is too old to display a consistent " +
  "list result. You can start a new list without the continue parameter, or use the continue " +
  "token in this response to retrieve the remainder of the results. Continuing with the " +
  "provided token results in an inconsistent list - objects that were created, modified, or " +
  "deleted between the time the first chunk was returned and now may show up in the list.";

/** Run a list request against the store: walks only as far as the page needs. */
export function listPage(
  store: Store,
  def: ResourceDef,
  namespace: string | undefined,
  matches: ((o: KubeObject) => boolean) & { empty: boolean },
  limit: number,
  continueToken: string | null,
): ListPage {
  const prefix = namespace === undefined ? "" : `${namespace}/`;
  let rv = store.resourceVersion;
  let cursor: SnapshotCursor;
  if (continueToken) {
    const t = decodeToken(continueToken);
    const after = prefix + (t.start.endsWith("\0") ? t.start.slice(0, -1) : t.start);
    try {
      rv = t.rv <= 0 ? store.resourceVersion : t.rv;
      cursor = store.cursorAt(def.plural, rv, namespace, after);
    } catch (e) {
      if (!(e instanceof TooOldError)) throw e;
      const err = expired(CONTINUE_EXPIRED);
      const meta = { continue: encodeToken(-1, t.start) };
      throw new ApiError({ ...err.status, metadata: meta });
    }
  } else {
    cursor = store.cursorAt(def.plural, rv, namespace);
  }
  const items: KubeObject[] = [];
  let lastKey = "";
  while (limit <= 0 || items.length < limit) {
    const entry = cursor.next();
    if (!entry) break;
    if (matches(entry[1])) {
      items.push(entry[1]);
      lastKey = entry[0];
    }
  }
  const page: ListPage = { items, resourceVersion: String(rv) };
  if (limit > 0 && items.length === limit) {
    // More to come only when something after this page matches: count it when every object
    // does (remainingItemCount, as the server sends without selectors), else find the next one.
    const rest = matches.empty ? cursor.remaining() : nextMatch(cursor, matches) ? 1 : 0;
    if (rest > 0) {
      page.continue = encodeToken(rv, `${lastKey.slice(prefix.length)}\u0000`);
      if (matches.empty) page.remainingItemCount = rest;
    }
  }
  return page;
}

function nextMatch(cursor: SnapshotCursor, matches: (o: KubeObject) => boolean): boolean {
  for (let e = cursor.next(); e; e = cursor.next()) if (matches(e[1])) return true;
  return false;
}
