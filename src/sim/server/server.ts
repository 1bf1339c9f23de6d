/**
 * `startSimServer`: the embedded Kubernetes-API-compatible HTTPS server behind `hyperctl sim`.
 *
 * Everything is in memory and generated at start (CA, certificate, tokens), so a demo or a test
 * gets a fresh, isolated cluster in milliseconds that kubectl and hyperctl talk to unchanged.
 * @module
 */

import { stringify } from "yaml";
import { admitterFor } from "./admission.ts";
import { EVENT_RESOURCE } from "./event_resource.ts";
import { EVENT_TTL_MS, expireEvents } from "./event_ttl.ts";
import { randomToken, ROLES, type SimTokens } from "./auth.ts";
import { loadResourceDefs, type ResourceDef, resourceDefsFromYaml } from "./resource_defs.ts";
import { ResourceOps } from "./resource_ops.ts";
import { type SeedItem, seedStore, type SeedTarget } from "./seed_store.ts";
import { storageVersionHash } from "./discovery.ts";
import { createRouter } from "./router.ts";
import { Store } from "./store.ts";
import { generateServerTls } from "./tls.ts";
import { listen } from "./listen.ts";
import { WatchHub } from "./watch_hub.ts";
import { crdObjects } from "./crd_objects.ts";

/** Options of `startSimServer`. */
export interface SimServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1 (the certificate also names localhost). */
  host?: string;
  /** Fixed tokens (random when omitted). */
  tokens?: { admin: string; viewer?: string; nobody?: string; namespaced?: string };
  /** Directory with CRD YAML files (e.g. `deploy/crds`). */
  crdDir?: string;
  /** CRD YAML texts, in addition to `crdDir`. */
  crdYaml?: string[];
  /** Interval of periodic BOOKMARK events (default 60 s). */
  bookmarkIntervalMs?: number;
  /** Events kept for watch resume and paginated lists before 410 (default 10 000). */
  historyWindow?: number;
  /** Watch lifetime without timeoutSeconds; default random 60–120 s like the real CRD handler. */
  watchTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Nodes served by the core API (`/api/v1/nodes`, address 127.0.0.1); none by default. */
  nodes?: readonly string[];
  /** How long Events live (default 1 h, as kube-apiserver's `--event-ttl`). */
  eventTtlMs?: number;
}

/** A running sim server. */
export interface SimServer {
  url: string;
  port: number;
  caPem: string;
  tokens: SimTokens;
  resources: readonly ResourceDef[];
  /** Latest resourceVersion (for tests). */
  readonly resourceVersion: number;
  /**
   * kubeconfig with the CA inline: contexts `<name>` (admin), `<name>-viewer`, `<name>-nobody`,
   * `<name>-namespaced` (everything in a namespace, nothing cluster-scoped such as Nodes).
   */
  kubeconfigYaml(contextName?: string, namespace?: string): string;
  /** Forget the event history: older resourceVersions and continue tokens now get 410. */
  compact(): void;
  /** Close every open watch stream (clients must reconnect). */
  dropWatches(): void;
  /** Number of open watch streams. */
  readonly openWatches: number;
  /**
   * Create objects straight in the store, through the same admission as a POST (validation,
   * defaulting, metadata), then give each its `status` as a PUT of `/status` would: seeds a large
   * fleet in seconds, without HTTP. Throws the API error of the first object the server refuses.
   * @returns how many objects were created
   */
  seed(resource: SeedTarget, items: Iterable<SeedItem>): number;
  stop(): Promise<void>;
}

/** The sim's first resourceVersion (nothing is older, so RVs below it are "too old"). */
export const INITIAL_RESOURCE_VERSION = 100;

/** Start the sim server; resolves once it listens. */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const defs: ResourceDef[] = [];
  if (options.crdDir) defs.push(...await loadResourceDefs(options.crdDir));
  for (const y of options.crdYaml ?? []) defs.push(...resourceDefsFromYaml(y));
  if (defs.length === 0) {
    throw new RangeError("cannot start sim server: no CRDs given (crdDir or crdYaml)");
  }
  defs.push(EVENT_RESOURCE);
  const tokens: SimTokens = {
    admin: options.tokens?.admin ?? randomToken(),
    viewer: options.tokens?.viewer ?? randomToken(),
    nobody: options.tokens?.nobody ?? randomToken(),
    namespaced: options.tokens?.namespaced ?? randomToken(),
  };
  const now = options.now ?? Date.now;
  const created = new Date(now()).toISOString().replace(/\.\d+Z$/, "Z");
  // Events are built in, not a CRD.
  const crds = crdObjects(defs.filter((d) => d !== EVENT_RESOURCE), created);
  // start above 1 so that, as on a real cluster, a watch from resourceVersion "1" gets 410
  const store = new Store(options.historyWindow ?? 10_000, INITIAL_RESOURCE_VERSION);
  const hub = new WatchHub(store);
  const ops = new Map<string, ResourceOps>();
  for (const d of defs) {
    ops.set(`${d.group}/${d.version}/${d.plural}`, new ResourceOps(store, admitterFor(d), now));
  }
  const tls = await generateServerTls(new Date(now()));
  const hashes = new Map<string, string>();
  for (const d of defs) hashes.set(d.plural, await storageVersionHash(d));
  const host = options.host ?? "127.0.0.1";
  const handler = createRouter({
    tokens,
    defs,
    ops,
    hashes,
    nodes: options.nodes ?? [],
    nodesCreated: created,
    crds,
    store,
    hub,
    now,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    defaultWatchTimeoutMs: () => options.watchTimeoutMs ?? Math.floor(60_000 * (1 + Math.random())),
  });
  const listener = await listen(host, options.port ?? 0, tls, handler);
  const expiry = setInterval(
    () => expireEvents(store, now(), options.eventTtlMs ?? EVENT_TTL_MS),
    60_000,
  );
  Deno.unrefTimer(expiry);
  const port = listener.port;
  const url = `https://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    caPem: tls.caPem,
    tokens,
    resources: defs,
    get resourceVersion() {
      return store.resourceVersion;
    },
    get openWatches() {
      return hub.size;
    },
    kubeconfigYaml: (contextName = "hyperctl-sim", namespace = "default") =>
      kubeconfig(url, tls.caPem, tokens, contextName, namespace),
    seed(target, items) {
      const resource = ops.get(`${target.group}/${target.version}/${target.plural}`);
      if (!resource) throw new RangeError(`cannot seed ${target.plural}: no such resource`);
      return seedStore(resource, target.namespace, items);
    },
    compact: () => store.compact(),
    dropWatches: () => hub.dropAll(),
    stop: async () => {
      clearInterval(expiry);
      hub.close();
      await listener.close();
    },
  };
}

function kubeconfig(
  url: string,
  caPem: string,
  tokens: SimTokens,
  name: string,
  namespace: string,
): string {
  const roles = ROLES.map((role) => [role, role === "admin" ? name : `${name}-${role}`] as const);
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: url, "certificate-authority-data": btoa(caPem) } }],
    users: roles.map(([role, ctx]) => ({ name: ctx, user: { token: tokens[role] } })),
    contexts: roles.map(([, ctx]) => ({
      name: ctx,
      context: { cluster: name, user: ctx, namespace },
    })),
    "current-context": name,
    preferences: {},
  });
}
