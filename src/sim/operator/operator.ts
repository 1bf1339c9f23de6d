/**
 * The simulated HyperSDK operator: one watch per kind feeds a cache, pure reconcilers decide the
 * next step of each object, and a paced, per-object work queue applies the steps through any
 * `KubeApi` (the real API server in tests, the embedded sim server in demos).
 * @module
 */

import type { Subscription } from "../../rx.ts";
import { getStringMap, type KubeObject, nameOf, namespaceOf } from "../../core/types.ts";
import type { KubeApi } from "../../k8s/api.ts";
import { retryBackoff } from "../../k8s/retry_backoff.ts";
import { watch$ } from "../../k8s/watch.ts";
import { applyAction, errorCode, errorMessage, isTransient } from "./apply_action.ts";
import { createEventRecorder } from "./event_recorder.ts";
import type { FaultRules } from "./faults.ts";
import { createConsoleHost } from "../console/console_host.ts";
import { createJobRunner, type RunnerJob } from "./job_runner.ts";
import { type Pace, paceDelay } from "./pace.ts";
import type { Action, Plan } from "./plan.ts";
import { planWithEvents } from "./plan_events.ts";
import { reconcileBackup } from "./reconcile_backup.ts";
import { reconcileRestore } from "./reconcile_restore.ts";
import { reconcileSchedule, SCHEDULE_LABEL } from "./reconcile_schedule.ts";
import { reconcileSnapshot } from "./reconcile_snapshot.ts";
import { reconcileTemplate } from "./reconcile_template.ts";
import { reconcileVm } from "./reconcile_vm.ts";
import { reconcileVmOperation } from "./reconcile_vmoperation.ts";
import { KIND_NAMES, type KindName, refFor } from "./resources.ts";
import { ObjectStore, type World, worldFromStore } from "./world.ts";
import { WorkQueue } from "./work_queue.ts";

/** Options of `startOperator`. */
export interface OperatorOptions {
  /** Namespace to drive. @default undefined (all namespaces) */
  namespace?: string;
  /** Time between steps. */
  pace: Pace;
  /** Nodes VMs are placed on. @default ["node-1", "node-2", "node-3"] */
  nodes?: string[];
  /** Programmatic fault rules (the `sim.hypersdk.io/fault` annotation always works). @default [] */
  faults?: FaultRules;
  /** One line per write and per problem. @default silent */
  log?: (line: string) => void;
  /** Randomness for the pace. @default Math.random */
  random?: () => number;
  /** Clock for timestamps, expiry and cron, epoch ms. @default Date.now */
  now?: () => number;
  /**
   * Simulated ms per real ms, when `now` runs faster than real time (tests and demos of cron
   * and retention); long timers are divided by it so they fire when `now` says they are due.
   * @default 1
   */
  timeScale?: number;
  /**
   * Serve each Running VM's VNC console on a loopback port and publish it in `status.vnc`, for
   * at most this many VMs at once (the embedded cluster does; tests of other behaviour leave
   * `status.vnc` alone).
   * @default 0 (none)
   */
  consoles?: number;
}

/** A running operator. */
export interface Operator {
  /** Close the watches, cancel timers and wait for writes in flight. */
  stop(): Promise<void>;
  /** Resolves when no step is pending (long expiry/cron timers and hung jobs do not count). */
  idle(): Promise<void>;
}

type Reconcile = (obj: KubeObject, world: World) => Plan;

const RECONCILERS: Record<KindName, Reconcile> = {
  VirtualMachine: reconcileVm,
  VMOperation: reconcileVmOperation,
  VMSnapshot: reconcileSnapshot,
  VMTemplate: reconcileTemplate,
  BackupJob: reconcileBackup,
  RestoreJob: reconcileRestore,
  BackupSchedule: reconcileSchedule,
};

/** A watch that lost its budget starts over every 2 s, for as long as the operator runs. */
const WATCH_RESTART = {
  initialMs: 2000,
  maxMs: 2000,
  jitter: 0,
  maxAttempts: Infinity,
  maxElapsedMs: Infinity,
};

/** Delay before retrying a step whose write failed transiently. */
const RETRY_MS = 1000;

const keyOf = (kind: KindName, namespace: string, name: string) => `${kind}|${namespace}|${name}`;

/** One-line summary of an action for the log. */
function describe(action: Action): string {
  switch (action.type) {
    case "patchStatus": {
      const s = action.status;
      const bits = ["phase", "progress", "message", "error"]
        .filter((k) => s[k] !== undefined && typeof s[k] !== "object")
        .map((k) => `${k}=${JSON.stringify(s[k])}`);
      const pct = (s.progress as { percentage?: number } | undefined)?.percentage;
      if (pct !== undefined) bits.push(`progress=${pct}%`);
      return `${action.ref.kind} ${action.ref.namespace}/${action.ref.name} status ${
        bits.join(" ") || Object.keys(s).join(",")
      }`;
    }
    case "patchSpec":
      return `${action.ref.kind} ${action.ref.namespace}/${action.ref.name} patch ${
        JSON.stringify(action.patch)
      }`;
    case "create":
      return `${action.kind} ${namespaceOf(action.object)}/${nameOf(action.object)} create`;
    case "delete":
      return `${action.ref.kind} ${action.ref.namespace}/${action.ref.name} delete`;
    case "recordEvent":
      return `${action.event.regarding.kind} ${action.event.regarding.namespace}/${action.event.regarding.name} event ${action.event.reason}`;
    case "submitJob":
      return `job ${action.definition.id} submitted (${action.definition.vm_path} -> ${action.definition.output_path})`;
    case "openConsole":
    case "closeConsole":
      return `${action.ref.kind} ${action.ref.namespace}/${action.ref.name} ${
        action.type === "openConsole" ? "console served" : "console closed"
      }`;
  }
}

/**
 * Start the simulated operator against `api`.
 *
 * Why: the same operator drives the embedded sim server and the real API server in integration
 * tests, so it only uses the API (watch to learn, merge patches on the status subresource to
 * write) and keeps its state in the objects themselves.
 */
export function startOperator(api: KubeApi, options: OperatorOptions): Operator {
  const step = paceDelay(options.pace, options.random);
  const now = options.now ?? Date.now;
  const nodes = options.nodes ?? ["node-1", "node-2", "node-3"];
  const faults = options.faults ?? [];
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) {
    throw new RangeError(
      `cannot use timeScale ${JSON.stringify(options.timeScale)}: expected a number > 0`,
    );
  }
  const log = options.log ?? (() => {});
  const store = new ObjectStore();
  const consoles = options.consoles ? createConsoleHost(options.consoles) : undefined;
  const events = createEventRecorder(api, now, log);
  let stopped = false;

  const runner = createJobRunner({
    stepMs: step,
    now,
    onChange: (job: RunnerJob) => {
      const meta = job.definition.metadata;
      const owner = meta.backupJob ?? meta.restoreJob;
      if (!owner) return;
      const kind: KindName = meta.backupJob ? "BackupJob" : "RestoreJob";
      const [ns, name] = owner.split("/");
      queue.enqueue(keyOf(kind, ns, name), 0);
      queue.checkIdle();
    },
  });

  const world = (): World =>
    worldFromStore(store, {
      now: now(),
      nodes,
      jobs: (id) => runner.get(id),
      faults,
      consoles,
    });

  const run = async (key: string): Promise<void> => {
    const [kind, namespace, name] = key.split("|") as [KindName, string, string];
    let obj = store.get(kind, namespace, name);
    if (!obj || stopped) return;
    const reconcile = (o: KubeObject, w: World) => planWithEvents(kind, o, RECONCILERS[kind](o, w));
    let plan = reconcile(obj, world());
    if (plan.missing?.length) {
      // Watches of different kinds lag each other: confirm with the server before failing.
      let found = false;
      for (const ref of plan.missing) {
        try {
          store.put(ref.kind, await api.get(refFor(ref.kind, ref.namespace), ref.name));
          found = true;
        } catch (e) {
          if (errorCode(e) !== 404) {
            log(
              `${kind} ${namespace}/${name}: cannot read ${ref.kind} ${ref.namespace}/${ref.name}: ${
                errorMessage(e)
              }`,
            );
            queue.enqueue(key, RETRY_MS);
            return;
          }
        }
      }
      if (found) {
        obj = store.get(kind, namespace, name);
        if (!obj || stopped) return;
        plan = reconcile(obj, world());
      }
    }
    for (const action of plan.actions) {
      if (stopped) return;
      try {
        await applyAction(api, store, runner, action, events, consoles);
        log(describe(action));
      } catch (e) {
        const self = "ref" in action && action.ref.kind === kind && action.ref.name === name &&
          action.ref.namespace === namespace;
        if (self && errorCode(e) === 404) {
          store.remove(kind, namespace, name); // deleted under us: nothing left to drive
          return;
        }
        const prefix = "errorPrefix" in action ? action.errorPrefix ?? "" : "";
        const message = prefix + errorMessage(e);
        log(`${kind} ${namespace}/${name}: ${describe(action)} failed: ${message}`);
        if (plan.fail && !isTransient(e)) {
          for (const failure of plan.fail(message)) {
            await applyAction(api, store, runner, failure, events, consoles).then(
              () => log(describe(failure)),
              (e2) =>
                log(`${kind} ${namespace}/${name}: cannot record failure: ${errorMessage(e2)}`),
            );
          }
        } else {
          queue.enqueue(key, RETRY_MS);
        }
        return;
      }
    }
    if (plan.actions.length > 0 || plan.requeue === "pace") queue.enqueue(key, step());
    else if (plan.requeue) {
      queue.enqueue(key, Math.max(plan.requeue.afterMs / timeScale, step()), true);
    }
  };

  const queue = new WorkQueue(run, () => runner.busy());

  /** Other objects whose decisions depend on this one. */
  const dependents = (kind: KindName, obj: KubeObject): string[] => {
    const ns = namespaceOf(obj);
    if (kind === "BackupJob") {
      const schedule = getStringMap(obj, ["metadata", "labels"])[SCHEDULE_LABEL];
      return schedule ? [keyOf("BackupSchedule", ns, schedule)] : [];
    }
    if (kind === "VirtualMachine") {
      return store.list("VMTemplate", ns).map((t) => keyOf("VMTemplate", ns, nameOf(t)));
    }
    return [];
  };

  const subscriptions: Subscription[] = [];
  const abort = new AbortController();
  const started = Promise.all(KIND_NAMES.map(async (kind) => {
    const ref = refFor(kind, options.namespace);
    // A first list, so idle() after start means "everything already there has been looked at".
    try {
      const list = await api.list(ref, {}, abort.signal);
      for (const o of list.items) {
        store.put(kind, o);
        queue.enqueue(keyOf(kind, namespaceOf(o), nameOf(o)), step());
      }
    } catch (e) {
      log(`cannot list ${ref.plural}: ${errorMessage(e)}`);
    }
    if (stopped) return;
    const events$ = watch$(api, ref, {
      backoff: { initialMs: 200, maxMs: 5000, maxAttempts: Infinity, maxElapsedMs: Infinity },
    }).pipe(retryBackoff({
      backoff: WATCH_RESTART,
      onRetry: ({ error }) =>
        log(`watch of ${ref.plural} failed (${errorMessage(error)}); retrying`),
    }));
    subscriptions.push(events$.subscribe((event) => {
      const obj = event.object;
      const ns = namespaceOf(obj);
      const name = nameOf(obj);
      if (event.type === "DELETED") {
        store.remove(kind, ns, name);
        // A deleted VM gets no more reconciles: its console closes here.
        if (kind === "VirtualMachine") void consoles?.close(`${ns}/${name}`);
      } else if (!store.put(kind, obj)) return;
      if (event.type !== "DELETED") queue.enqueue(keyOf(kind, ns, name), step());
      for (const key of dependents(kind, obj)) queue.enqueue(key, step());
    }));
  }));

  return {
    async stop() {
      stopped = true;
      abort.abort();
      await started;
      for (const s of subscriptions) s.unsubscribe();
      runner.stop();
      await queue.stop();
      await consoles?.closeAll();
    },
    async idle() {
      await started;
      await queue.idle();
    },
  };
}
