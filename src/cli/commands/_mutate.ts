/**
 * The shared tail of every creating command: dry-run or create, report, and optionally wait.
 *
 * `--dry-run=client` prints the manifest with a locally generated name (so `kubectl apply -f -`
 * accepts it: apply needs a name, and the server would have generated one just like it);
 * `--dry-run=server` sends dryRun=All and prints what the server would store.
 * @module
 */

import type { KindInfo } from "../../core/kinds.ts";
import type { WaitCondition } from "../../core/wait_condition.ts";
import type { Manifest } from "../../core/manifests/mod.ts";
import { type KubeObject, nameOf } from "../../core/types.ts";
import { createRenderer } from "../../render/create_renderer.ts";
import { resourceName } from "../../render/name.ts";
import type { Renderer } from "../../render/renderer.ts";
import type { Connection, Deps } from "../deps.ts";
import { concludeWait, waitFor, type WaitTarget } from "../operation_wait.ts";
import type { MutationOptions } from "./mutation_flags.ts";
import { refFor } from "./common.ts";

/** One object to create, with the row label its wait shows. */
export interface Creation {
  kind: KindInfo;
  manifest: Manifest<unknown>;
  /** e.g. `web-1 clone` */
  title: string;
  /** What `--wait` waits for, when not the kind's terminal phases (`vm create`: Running). */
  until?: WaitCondition;
}

const NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

/** The 5-character suffix the API server appends to generateName (same alphabet). */
export function randomSuffix(random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < 5; i++) s += NAME_CHARS[Math.floor(random() * NAME_CHARS.length)];
  return s;
}

/** Strip what the server fills in, so a server dry-run prints an applyable manifest. */
export function applyable(obj: KubeObject): KubeObject {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    generation: _g,
    managedFields: _m,
    ...meta
  } = obj.metadata ?? {};
  const { status: _s, ...rest } = obj;
  return { ...rest, metadata: meta };
}

function withLocalName(m: Manifest<unknown>): Manifest<unknown> {
  const { generateName, ...meta } = m.metadata;
  if (generateName === undefined) return m;
  return { ...m, metadata: { name: `${generateName}${randomSuffix()}`, ...meta } } as Manifest<
    unknown
  >;
}

/** Prints created objects one by one, in one shape on every path (see {@link objectPrinter}). */
type ObjectPrinter = (objects: readonly { kind: KindInfo; object: KubeObject }[]) => Promise<void>;

/**
 * Print objects as `kubectl create -f` prints several: each on its own, so YAML documents are
 * separated by `---` and JSON objects follow one another (never a `List`), whether they were
 * created one by one, dry-run or waited for. One renderer for the whole command keeps the count
 * of YAML documents across calls. Without `-o`, a `NAME VERB` line each. `built`: the objects
 * were built here and never sent (a client dry run).
 */
function objectPrinter(
  output: MutationOptions["output"],
  verb: string,
  deps: Deps,
  built = false,
): ObjectPrinter {
  let renderer: Promise<Renderer> | undefined;
  return async (objects) => {
    if (objects.length === 0) return;
    if (output === undefined) {
      const text = objects.map(({ kind, object }) => `${resourceName(kind, object)} ${verb}\n`);
      await deps.io.out.write(text.join(""));
      return;
    }
    // Manifests built here hold their keys in insertion order; kubectl prints them sorted.
    renderer ??= createRenderer(output, {
      kind: objects[0].kind,
      nowMs: deps.clock.now,
      goKeyOrder: built,
    });
    const r = await renderer;
    await deps.io.out.write(objects.map(({ object }) => r.single(object)).join(""));
  };
}

/**
 * Create `creations` (or dry-run them), print the result, and wait when asked.
 * Objects are created one by one, so a failure in the middle reports what was already created.
 */
export async function createAll(
  conn: Connection,
  creations: readonly Creation[],
  options: MutationOptions,
  deps: Deps,
): Promise<KubeObject[]> {
  if (options.dryRun === "client") {
    const objects = creations.map((c) => ({ kind: c.kind, object: withLocalName(c.manifest) }));
    await objectPrinter(options.output, "created (dry run)", deps, true)(objects);
    return objects.map((o) => o.object);
  }
  const print = objectPrinter(
    options.output,
    options.dryRun === "server" ? "created (server dry run)" : "created",
    deps,
  );
  const created: (Omit<Creation, "manifest"> & { object: KubeObject })[] = [];
  for (const c of creations) {
    const namespace = c.manifest.metadata.namespace ?? conn.namespace;
    const object = await conn.api.create(refFor(c.kind, namespace), c.manifest, {
      dryRun: options.dryRun === "server",
      fieldManager: "hyperctl",
    });
    created.push({
      kind: c.kind,
      object: options.dryRun === "server" ? applyable(object) : object,
      title: c.title,
      until: c.until,
    });
    if (options.output === undefined || !options.wait) await print([created.at(-1)!]);
  }
  if (!options.wait) return created.map((c) => c.object);
  const targets: WaitTarget[] = created.map((c) => ({
    kind: c.kind,
    namespace: c.object.metadata?.namespace ?? conn.namespace,
    name: nameOf(c.object),
    title: c.title,
    condition: c.until,
  }));
  const results = await waitFor(conn.api, targets, options, deps);
  if (options.output !== undefined) {
    await print(
      results.filter((r) => r.object).map((r) => ({ kind: r.target.kind, object: r.object! })),
    );
  }
  await concludeWait(results, options, deps);
  return results.map((r) => r.object ?? {});
}
