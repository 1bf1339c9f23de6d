/**
 * Server-side printing: `meta.k8s.io/v1 Table` built from a CRD's additionalPrinterColumns.
 *
 * `kubectl get` asks for a Table and prints whatever columns come back, so the sim must build
 * the same cells as the real CRD table convertor (first JSONPath result, typed per column,
 * `date` columns as HumanDuration).
 * @module
 */

import { formatAge } from "../../core/age.ts";
import { isRecord, type KubeObject } from "../../core/types.ts";
import { partialObjectMetadata } from "./_object_meta.ts";
import type { ResourceDef } from "./resource_defs.ts";

const NAME_DESCRIPTION =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

/** Which part of each object a Table row carries (`includeObject` query parameter). */
export type IncludeObject = "None" | "Metadata" | "Object";

/**
 * Evaluate the simple JSONPath subset CRD columns use: `.a.b`, `[0]`, `[*]`, `['key']` and
 * `[?(@.k=="v")]`. Returns every match, in order.
 */
export function jsonPathValues(obj: unknown, path: string): unknown[] {
  return compileJsonPath(path)(obj);
}

type Step = (v: unknown, next: unknown[]) => void;

/**
 * Parse a column's JSONPath once into a reader; a list of 10 000 objects then runs the regex
 * once per column instead of once per cell.
 */
function compileJsonPath(path: string): (obj: unknown) => unknown[] {
  const steps: Step[] = [];
  const re =
    /\.([^.[\]]+)|\[\?\(@\.([^=!]+)==["']?([^"'\]]*)["']?\)\]|\['([^']*)'\]|\[(\*|-?\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) steps.push(compileStep(m));
  return (obj) => {
    let cur: unknown[] = [obj];
    for (const step of steps) {
      const next: unknown[] = [];
      for (const v of cur) step(v, next);
      cur = next;
    }
    return cur;
  };
}

function compileStep(m: RegExpExecArray): Step {
  if (m[1] !== undefined || m[4] !== undefined) {
    const key = m[1] ?? m[4];
    return (v, next) => {
      if (isRecord(v) && v[key] !== undefined) next.push(v[key]);
    };
  }
  if (m[2] !== undefined) {
    const field = compileJsonPath(`.${m[2]}`);
    const want = m[3];
    return (v, next) => {
      if (Array.isArray(v)) next.push(...v.filter((x) => String(field(x)[0]) === want));
    };
  }
  const all = m[5] === "*";
  const i = Number(m[5]);
  return (v, next) => {
    if (Array.isArray(v)) {
      if (all) next.push(...v);
      else {
        const x = v[i < 0 ? v.length + i : i];
        if (x !== undefined) next.push(x);
      }
    } else if (all && isRecord(v)) next.push(...Object.values(v));
  };
}

function cell(type: string, value: unknown, nowMs: number): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "string":
      return typeof value === "string" ? value : JSON.stringify(value);
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date": {
      if (typeof value !== "string") return null;
      const t = Date.parse(value);
      return Number.isNaN(t) ? "<invalid>" : formatAge(nowMs - t);
    }
    default:
      return null;
  }
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === "None") return undefined;
  if (include === "Object") return obj;
  return partialObjectMetadata(obj);
}

/** Build a Table for objects of one resource, as the real CRD table convertor does. */
export function toTable(
  def: ResourceDef,
  objects: readonly KubeObject[],
  listMeta: Record<string, unknown>,
  opts: { include: IncludeObject; noHeaders?: boolean; nowMs: number },
): Record<string, unknown> {
  const columnDefinitions = [
    { name: "Name", type: "string", format: "name", description: NAME_DESCRIPTION, priority: 0 },
    ...def.printerColumns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format,
      description: c.description ||
        `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: c.priority,
    })),
  ];
  const readers = def.printerColumns.map((c) => compileJsonPath(c.jsonPath));
  const rows = objects.map((o) => {
    const cells: unknown[] = [o.metadata?.name ?? ""];
    def.printerColumns.forEach((c, i) => cells.push(cell(c.type, readers[i](o)[0], opts.nowMs)));
    const object = rowObject(o, opts.include);
    return object === undefined ? { cells } : { cells, object };
  });
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    ...(opts.noHeaders ? {} : { columnDefinitions }),
    rows,
  };
}

/** True when the Accept header asks for a Table (kubectl's human-readable get). */
export function wantsTable(accept: string | null): boolean {
  return accept !== null && /as=Table/.test(accept.split(",")[0]);
}
