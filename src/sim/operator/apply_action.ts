/**
 * Perform one planned action through a `KubeApi`, keeping the operator's cache in step with the
 * server's answers. Transient failures (conflict, throttling, 5xx, network) are retried briefly.
 * @module
 */

import { getString, type KubeObject, nameOf, namespaceOf } from "../../core/types.ts";
import type { KubeApi } from "../../k8s/api.ts";
import { retryBackoff } from "../../k8s/retry_backoff.ts";
import { defer, lastValueFrom } from "../../rx.ts";
import type { ConsoleHost } from "../console/console_host.ts";
import type { EventRecorder } from "./event_recorder.ts";
import type { JobRunner } from "./job_runner.ts";
import { type Action, CREATED_BY_ANNOTATION, type ObjectRef } from "./plan.ts";
import { refFor } from "./resources.ts";
import type { ObjectStore } from "./world.ts";

const FIELD_MANAGER = "hypersdk-operator-sim";

/** HTTP status of an API error, if the error carries one (any KubeApi implementation). */
export function errorCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "number" ? code : undefined;
}

/** Reason of an API error (`AlreadyExists`, `Conflict`, …). */
export function errorReason(e: unknown): string {
  const r = (e as { reason?: unknown })?.reason;
  return typeof r === "string" ? r : "";
}

/** The server's own words for an error, as the reference's messages embed them. */
export function errorMessage(e: unknown): string {
  const m = (e as { serverMessage?: unknown })?.serverMessage;
  if (typeof m === "string" && m !== "") return m;
  return e instanceof Error ? e.message : String(e);
}

/** Worth retrying: conflicts (not AlreadyExists), throttling, server errors, no response at all. */
export function isTransient(e: unknown): boolean {
  const code = errorCode(e);
  if (code === undefined) return true;
  if (code === 409) return errorReason(e) !== "AlreadyExists";
  return code === 429 || code >= 500;
}

/** Three retries, 50, 100 and 200 ms apart: a conflict or a busy server clears quickly. */
const WRITE_RETRY = { initialMs: 50, jitter: 0, maxAttempts: 3, maxElapsedMs: Infinity };

function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  return lastValueFrom(
    defer(fn).pipe(retryBackoff({ backoff: WRITE_RETRY, retryable: isTransient })),
  );
}

async function patchStatusOf(
  api: KubeApi,
  store: ObjectStore,
  { kind, namespace, name }: ObjectRef,
  status: Record<string, unknown>,
): Promise<void> {
  const out = await withRetry(() =>
    api.patch(refFor(kind, namespace), name, { status }, {
      type: "merge",
      subresource: "status",
      fieldManager: FIELD_MANAGER,
    })
  );
  store.put(kind, out);
}

/** Apply `action`; throws the API error when it fails for good (never for an event). */
export async function applyAction(
  api: KubeApi,
  store: ObjectStore,
  runner: JobRunner,
  action: Action,
  events: EventRecorder,
  consoles?: ConsoleHost,
): Promise<void> {
  switch (action.type) {
    case "patchStatus":
      return await patchStatusOf(api, store, action.ref, action.status);
    case "patchSpec": {
      const { kind, namespace, name } = action.ref;
      const out = await withRetry(() =>
        api.patch(refFor(kind, namespace), name, action.patch, {
          type: "merge",
          fieldManager: FIELD_MANAGER,
        })
      );
      store.put(kind, out);
      return;
    }
    case "create": {
      const ref = refFor(action.kind, namespaceOf(action.object));
      try {
        const out = await withRetry(() =>
          api.create(ref, action.object, { fieldManager: FIELD_MANAGER })
        );
        store.put(action.kind, out);
      } catch (e) {
        // A retried step may find its own object from the first attempt: that is success.
        if (errorReason(e) !== "AlreadyExists" || !action.createdBy) throw e;
        const existing = await api.get(ref, nameOf(action.object));
        const by = getString(existing, ["metadata", "annotations", CREATED_BY_ANNOTATION]);
        if (by !== action.createdBy) throw e;
        store.put(action.kind, existing as KubeObject);
      }
      return;
    }
    case "delete": {
      const { kind, namespace, name } = action.ref;
      try {
        await withRetry(() => api.delete(refFor(kind, namespace), name));
      } catch (e) {
        if (errorCode(e) !== 404) throw e;
      }
      store.remove(kind, namespace, name);
      return;
    }
    case "submitJob":
      runner.submit(action.definition);
      return;
    case "openConsole": {
      const { kind, namespace, name } = action.ref;
      if (!consoles) throw new Error("this operator serves no consoles");
      const port = consoles.open(`${namespace}/${name}`, () => ({
        name,
        phase: getString(store.get(kind, namespace, name), ["status", "phase"]) ?? "Unknown",
      }));
      // A VM's own VNC server is its node port here: the sim's nodes are all 127.0.0.1.
      return await patchStatusOf(api, store, action.ref, {
        vnc: { enabled: true, port, nodePort: port },
      });
    }
    case "closeConsole":
      await consoles?.close(`${action.ref.namespace}/${action.ref.name}`);
      return;
    case "recordEvent":
      await events.record(action.event);
      return;
  }
}
