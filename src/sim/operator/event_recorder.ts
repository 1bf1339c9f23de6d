/**
 * Writes the operator's Events as `events.k8s.io/v1` objects, as client-go's recorder does:
 * best effort (a failed event never fails the step it reports), named `<object>.<unique hex>`,
 * and switched off for good on a cluster that does not serve the events API (a bare
 * apiextensions server), after one line in the log.
 * @module
 */

import type { KubeApi } from "../../k8s/api.ts";
import type { EventNote } from "./plan.ts";
import { API_VERSION } from "./resources.ts";

/** The reporter shown in `describe`'s From column. */
export const REPORTING_CONTROLLER = "hypersdk-operator";

/** Records events through one API connection. */
export interface EventRecorder {
  record(event: EventNote): Promise<void>;
}

/** MicroTime, as the API server formats `eventTime`: microseconds, UTC. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "000Z");
}

/** A recorder writing through `api`, timestamps from `now`; `log` gets problems. */
export function createEventRecorder(
  api: KubeApi,
  now: () => number,
  log: (line: string) => void,
): EventRecorder {
  let served = true;
  let sequence = 0;
  return {
    async record(event: EventNote): Promise<void> {
      if (!served) return;
      const { regarding } = event;
      const at = now();
      // client-go names events `<name>.<UnixNano hex>`; the sequence keeps same-ms events apart.
      const unique = (BigInt(at) * 1_000_000n + BigInt(sequence++ % 1_000_000)).toString(16);
      const body = {
        apiVersion: "events.k8s.io/v1",
        kind: "Event",
        metadata: { name: `${regarding.name}.${unique}`, namespace: regarding.namespace },
        eventTime: microTime(at),
        reportingController: REPORTING_CONTROLLER,
        reportingInstance: `${REPORTING_CONTROLLER}-sim`,
        action: "Reconcile",
        type: event.type,
        reason: event.reason,
        note: event.note,
        regarding: {
          apiVersion: API_VERSION,
          kind: regarding.kind,
          namespace: regarding.namespace,
          name: regarding.name,
          ...(regarding.uid ? { uid: regarding.uid } : {}),
        },
      };
      try {
        await api.create(
          {
            group: "events.k8s.io",
            version: "v1",
            plural: "events",
            namespace: regarding.namespace,
          },
          body,
        );
      } catch (e) {
        if ((e as { code?: unknown }).code === 404) {
          served = false;
          log("the cluster serves no events.k8s.io/v1 API: not recording events");
          return;
        }
        log(
          `cannot record event ${event.reason} for ${regarding.kind} ${regarding.namespace}/${regarding.name}: ${
            e instanceof Error ? e.message : String(e)
          }`,
        );
      }
    },
  };
}
