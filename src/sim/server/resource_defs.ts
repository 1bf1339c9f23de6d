/**
 * What the sim serves, read from CustomResourceDefinition documents.
 *
 * The sim trusts `deploy/crds/` as the single source of truth (the same files the real server
 * loads), so names, schemas, printer columns and selectable fields never drift between the two.
 * @module
 */

import { parseAllDocuments } from "yaml";
import { getPath, getString, getStrings, isRecord } from "../../core/types.ts";

/** One additionalPrinterColumn. */
export interface PrinterColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
  jsonPath: string;
}

/** A served resource (one CRD, its single served version). */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  hasStatus: boolean;
  /** The openAPIV3Schema (structural) or an empty object schema. */
  schema: Record<string, unknown>;
  /** Field selector paths besides metadata.name/namespace, without the leading dot. */
  selectableFields: string[];
  printerColumns: PrinterColumn[];
}

/** Turn one parsed CRD document into the served resource (first served version). */
export function resourceDefFromCrd(crd: unknown): ResourceDef {
  if (!isRecord(crd) || crd.kind !== "CustomResourceDefinition") {
    throw new TypeError(`cannot load CRD: document kind is "${String(getPath(crd, ["kind"]))}"`);
  }
  const group = getString(crd, ["spec", "group"]) ?? "";
  const plural = getString(crd, ["spec", "names", "plural"]) ?? "";
  const kind = getString(crd, ["spec", "names", "kind"]) ?? "";
  const versions = getPath(crd, ["spec", "versions"]);
  const v = Array.isArray(versions) ? versions.find((x) => getPath(x, ["served"]) !== false) : {};
  if (!group || !plural || !kind || !isRecord(v)) {
    throw new TypeError(`cannot load CRD "${getString(crd, ["metadata", "name"])}": incomplete`);
  }
  const schema = getPath(v, ["schema", "openAPIV3Schema"]);
  const cols = getPath(v, ["additionalPrinterColumns"]);
  const sel = getPath(v, ["selectableFields"]);
  return {
    group,
    version: getString(v, ["name"]) ?? "v1",
    kind,
    listKind: getString(crd, ["spec", "names", "listKind"]) ?? `${kind}List`,
    plural,
    singular: getString(crd, ["spec", "names", "singular"]) ?? kind.toLowerCase(),
    shortNames: getStrings(crd, ["spec", "names", "shortNames"]),
    categories: getStrings(crd, ["spec", "names", "categories"]),
    namespaced: getString(crd, ["spec", "scope"]) !== "Cluster",
    hasStatus: isRecord(getPath(v, ["subresources", "status"])),
    schema: isRecord(schema)
      ? schema
      : { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    selectableFields: Array.isArray(sel)
      ? sel.map((s) => (getString(s, ["jsonPath"]) ?? "").replace(/^\./, "")).filter((s) => s)
      : [],
    printerColumns: Array.isArray(cols)
      ? cols.filter(isRecord).map((c) => ({
        name: getString(c, ["name"]) ?? "",
        type: getString(c, ["type"]) ?? "string",
        format: getString(c, ["format"]) ?? "",
        description: getString(c, ["description"]) ?? "",
        priority: typeof c.priority === "number" ? c.priority : 0,
        jsonPath: getString(c, ["jsonPath"]) ?? "",
      }))
      : [],
  };
}

/** Parse every CRD in a multi-document YAML text; non-CRD documents are skipped. */
export function resourceDefsFromYaml(text: string): ResourceDef[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS())
    .filter((d) => isRecord(d) && d.kind === "CustomResourceDefinition")
    .map(resourceDefFromCrd);
}

/** Load every `*.yaml`/`*.yml` CRD in a directory, sorted by file name. */
export async function loadResourceDefs(dir: string): Promise<ResourceDef[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && /\.ya?ml$/.test(e.name)) names.push(e.name);
  }
  names.sort();
  const defs: ResourceDef[] = [];
  for (const n of names) defs.push(...resourceDefsFromYaml(await Deno.readTextFile(`${dir}/${n}`)));
  return defs;
}
