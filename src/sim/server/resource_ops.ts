/**
 * The verbs on one resource (get, create, update, status update, patch, apply, delete) with the
 * real server's semantics: resourceVersion conflicts, generation, status subresource rules,
 * finalizers, no-op updates, dry run.
 *
 * HTTP-free so the handler stays a thin translation and these rules are unit-testable.
 * @module
 */

import { checkStoredSize } from "./limits.ts";
import { cloneJson } from "./_clone_json.ts";
import { isRecord, type KubeObject, type Status } from "../../core/types.ts";
import {
  type Admitter,
  decode,
  type FieldValidation,
  generatedName,
  sameObject,
  specPart,
  timestamp,
  validateObject,
} from "./admission.ts";
import { canonical } from "./_canonical.ts";
import { alreadyExists, badRequest, conflict, deleted, invalid, notFound } from "./status.ts";
import { type Store, storeKey } from "./store.ts";

/** Options every write takes. */
export interface WriteOpts {
  dryRun: boolean;
  fieldValidation: FieldValidation;
}

/** A write's result: the object to return and any `Warning` headers. */
export interface WriteResult {
  object: KubeObject;
  warnings: string[];
  /** 201 for creates, 200 otherwise. */
  code: 200 | 201;
  /** Response body instead of the object (immediate deletes answer with a Success Status). */
  body?: Status;
}

/** Delete preconditions (DeleteOptions.preconditions). */
export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

const MODIFIED =
  "the object has been modified; please apply your changes to the latest version and try again";

/** The 400 for a body whose metadata.name differs from the URL's. */
function nameMismatch(bodyName: string, urlName: string) {
  return badRequest(
    `the name of the object (${bodyName}) does not match the name on the URL (${urlName})`,
  );
}

/** Verbs for one resource over a shared store. */
export class ResourceOps {
  constructor(
    private readonly store: Store,
    readonly a: Admitter,
    private readonly now: () => number,
  ) {}

  private get def() {
    return this.a.def;
  }

  get(namespace: string, name: string): KubeObject {
    const o = this.store.get(this.def.plural, storeKey(namespace, name));
    if (!o) throw notFound(this.def, name);
    return o;
  }

  private checkBody(body: unknown, namespace: string): KubeObject {
    if (!isRecord(body)) throw badRequest("Object 'Kind' is missing in 'null'");
    const obj = cloneJson(body) as KubeObject;
    const apiVersion = `${this.def.group}/${this.def.version}`;
    if (obj.kind !== this.def.kind || obj.apiVersion !== apiVersion) {
      if (typeof obj.kind !== "string" || obj.kind === "") {
        throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
      }
      throw badRequest(
        `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`,
      );
    }
    if (!isRecord(obj.metadata)) obj.metadata = {};
    const ns = obj.metadata.namespace;
    if (ns !== undefined && ns !== "" && ns !== namespace) {
      throw badRequest(
        "the namespace of the provided object does not match the namespace sent on the request",
      );
    }
    obj.metadata.namespace = namespace;
    return obj;
  }

  /** POST: name or generateName, status dropped, generation 1. */
  create(namespace: string, body: unknown, opts: WriteOpts): WriteResult {
    const obj = this.checkBody(body, namespace);
    const meta = obj.metadata!;
    const warnings = decode(this.a, obj, opts.fieldValidation);
    if (!meta.name && meta.generateName) meta.name = generatedName(meta.generateName);
    if (!meta.name) {
      throw invalid(this.def, "", [{
        reason: "FieldValueRequired",
        message: "Required value: name or generateName is required",
        field: "metadata.name",
      }]);
    }
    if (this.def.hasStatus) delete obj.status;
    for (
      const k of ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"]
    ) delete meta[k];
    delete meta.managedFields;
    meta.uid = crypto.randomUUID();
    meta.creationTimestamp = timestamp(this.now());
    meta.generation = 1;
    validateObject(this.a, obj);
    const key = storeKey(namespace, meta.name);
    if (this.store.get(this.def.plural, key)) throw alreadyExists(this.def, meta.name);
    return { object: this.commit("ADDED", key, obj, opts.dryRun), warnings, code: 201 };
  }

  private commit(
    type: "ADDED" | "MODIFIED" | "DELETED",
    key: string,
    obj: KubeObject,
    dryRun: boolean,
  ): KubeObject {
    if (dryRun) return canonical(obj);
    checkStoredSize(obj);
    obj.metadata!.resourceVersion = String(this.store.nextResourceVersion());
    const out = canonical(obj);
    this.store.commit(this.def.plural, type, key, out);
    return out;
  }

  /** PUT on the main resource (`status` kept from storage) or on `/status` (only status taken). */
  update(
    namespace: string,
    name: string,
    body: unknown,
    opts: WriteOpts,
    subresource?: "status",
  ): WriteResult {
    const obj = this.checkBody(body, namespace);
    if (obj.metadata!.name !== name) throw nameMismatch(obj.metadata!.name ?? "", name);
    return this.replace(namespace, name, obj, opts, subresource);
  }

  /** Shared tail of update, patch and apply: `obj` is the full desired object. */
  private replace(
    namespace: string,
    name: string,
    obj: KubeObject,
    opts: WriteOpts,
    subresource?: "status",
  ): WriteResult {
    const key = storeKey(namespace, name);
    const old = this.store.get(this.def.plural, key);
    if (!old) throw notFound(this.def, name);
    const rv = obj.metadata?.resourceVersion;
    if (rv !== undefined && rv !== "" && rv !== old.metadata?.resourceVersion) {
      throw conflict(this.def, name, MODIFIED);
    }
    const warnings = decode(this.a, obj, opts.fieldValidation);
    let next: KubeObject;
    if (subresource === "status") {
      next = cloneJson(old) as KubeObject;
      if (obj.status === undefined) delete next.status;
      else next.status = obj.status;
    } else {
      next = obj;
      const meta = next.metadata!;
      const keep = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds"];
      for (const k of keep) {
        if (old.metadata?.[k] === undefined) delete meta[k];
        else meta[k] = old.metadata[k];
      }
      meta.namespace = namespace;
      meta.name = name;
      delete meta.managedFields;
      if (this.def.hasStatus) {
        if (old.status === undefined) delete next.status;
        else next.status = cloneJson(old.status);
      }
      const changed = specPart(old, this.def.hasStatus) !== specPart(next, this.def.hasStatus);
      meta.generation = (old.metadata?.generation ?? 1) + (changed ? 1 : 0);
    }
    next.metadata!.resourceVersion = old.metadata?.resourceVersion;
    validateObject(this.a, next);
    if (next.metadata?.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      return { object: this.commit("DELETED", key, next, opts.dryRun), warnings, code: 200 };
    }
    if (sameObject(old, next)) return { object: old, warnings, code: 200 };
    return { object: this.commit("MODIFIED", key, next, opts.dryRun), warnings, code: 200 };
  }

  /** PATCH with an already-applied patch function (merge or JSON patch) over the stored object. */
  patch(
    namespace: string,
    name: string,
    apply: (current: KubeObject) => unknown,
    opts: WriteOpts,
    subresource?: "status",
  ): WriteResult {
    const current = this.get(namespace, name);
    const patched = apply(current);
    const obj = this.checkBody(patched, namespace);
    if (obj.metadata!.name !== name) throw nameMismatch(obj.metadata!.name ?? "", name);
    return this.replace(namespace, name, obj, opts, subresource);
  }

  /**
   * Server-side apply, simplified: create when missing, else merge the applied configuration
   * over the live object (maps merge, lists replace). Field ownership is not tracked, so fields
   * a manager stops applying are not removed and conflicts are never reported.
   */
  apply(
    namespace: string,
    name: string,
    applied: unknown,
    merge: (live: KubeObject, applied: unknown) => unknown,
    opts: WriteOpts,
    subresource?: "status",
  ): WriteResult {
    const key = storeKey(namespace, name);
    if (!this.store.get(this.def.plural, key)) {
      if (subresource === "status") throw notFound(this.def, name);
      const obj = this.checkBody(applied, namespace);
      const bodyName = obj.metadata!.name;
      if (bodyName !== undefined && bodyName !== name) throw nameMismatch(bodyName, name);
      obj.metadata!.name = name;
      return this.create(namespace, obj, opts);
    }
    return this.patch(namespace, name, (live) => merge(live, applied), opts, subresource);
  }

  /** DELETE: immediate without finalizers, else mark with deletionTimestamp. */
  delete(
    namespace: string,
    name: string,
    opts: WriteOpts & { preconditions?: Preconditions; propagationPolicy?: string },
  ): WriteResult {
    const key = storeKey(namespace, name);
    const old = this.get(namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata?.uid) {
      throw conflict(
        this.def,
        name,
        `the UID in the precondition (${pre.uid}) does not match the UID in record (${old.metadata?.uid}). The object might have been deleted and then recreated`,
        true,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata?.resourceVersion) {
      throw conflict(
        this.def,
        name,
        `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${old.metadata?.resourceVersion}). The object might have been modified`,
        true,
      );
    }
    const finalizers = [...(old.metadata?.finalizers ?? [])];
    const extra = opts.propagationPolicy === "Foreground"
      ? "foregroundDeletion"
      : opts.propagationPolicy === "Orphan"
      ? "orphan"
      : undefined;
    if (extra && !finalizers.includes(extra)) finalizers.push(extra);
    if (finalizers.length === 0) {
      const body = deleted(this.def, name, old.metadata?.uid);
      if (opts.dryRun) return { object: old, warnings: [], code: 200, body };
      const gone = cloneJson(old) as KubeObject;
      gone.metadata!.resourceVersion = String(this.store.nextResourceVersion());
      this.store.commit(this.def.plural, "DELETED", key, gone);
      return { object: old, warnings: [], code: 200, body };
    }
    if (old.metadata?.deletionTimestamp) return { object: old, warnings: [], code: 200 };
    const next = cloneJson(old) as KubeObject;
    next.metadata!.finalizers = finalizers;
    next.metadata!.deletionTimestamp = timestamp(this.now());
    next.metadata!.deletionGracePeriodSeconds = 0;
    next.metadata!.generation = (old.metadata?.generation ?? 1) + 1;
    return { object: this.commit("MODIFIED", key, next, opts.dryRun), warnings: [], code: 200 };
  }
}
