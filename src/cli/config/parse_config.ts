/**
 * Parsing of the user's config file (what it holds is in config_model.ts).
 *
 * Parsing is pure and strict: an unknown key anywhere, a wrong type or a malformed value is a
 * `InputError` naming the file, the line and the key path, so a typo never silently does nothing.
 * A preset's values are checked with the same parsers the flags use, so a bad preset fails when
 * the config is loaded (with the file and line) rather than later as a puzzling flag error.
 * @module
 */

import { InputError } from "../../core/input_error.ts";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { closest } from "../../core/did_you_mean.ts";
import { kindByName, kindByNoun } from "../../core/kinds.ts";
import { isDns1123Label } from "../../core/names.ts";
import { allowedFormats, type OutputFormat } from "../../render/renderer.ts";
import {
  COLOR_SETTINGS,
  type ColorSetting,
  type Config,
  type Preset,
  PRESET_FILTER_KEYS,
} from "./config_model.ts";
import { parseFieldSelector } from "../../core/field_selector.ts";
import { parseFilterOptions } from "../../core/filters.ts";
import { parseLabelSelector } from "../../core/label_selector.ts";
import { parseQuery } from "../../core/query.ts";
import { parseSortKey } from "../../core/sort.ts";

const TOP_KEYS = ["output", "color", "namespace", "presets"] as const;
const PRESET_KEYS = [...PRESET_FILTER_KEYS, "kind"] as const;

/** Reports one problem at a node: `path:line: message`. */
type Fail = (node: Node | null | undefined, message: string) => never;

/**
 * Parse the text of a config file; throws `InputError` (exit 2) naming the file, line and key.
 *
 * A key set to nothing (`output:`) counts as absent. `status` may be a string or a list;
 * `minCpus`/`minMemory` may be numbers.
 *
 * @param text the file's contents (empty text is an empty config)
 * @param path the file's path, used in messages and kept in `Config.path`
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseConfig } from "./parse_config.ts";
 * const c = parseConfig("output: wide\npresets:\n  big: { minMemory: 16Gi }\n", "config.yaml");
 * assert.equal(c.output, "wide");
 * assert.equal(c.presets.big.minMemory, "16Gi");
 * assert.throws(() => parseConfig("colour: never\n", "config.yaml"), /unknown key "colour"/);
 * ```
 */
export function parseConfig(text: string, path: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail: Fail = (node, message) => {
    const offset = node?.range?.[0];
    const where = offset === undefined ? "" : `:${lines.linePos(offset).line}`;
    throw new InputError(`${path}${where}: ${message}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // linePos is only filled with prettyErrors, which also rewrites the message; use the offset.
    const line = lines.linePos(e.pos[0]).line;
    const first = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new InputError(`${path}${line ? `:${line}` : ""}: cannot parse YAML: ${first}`);
  }
  const config: Config = { path, presets: {} };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  const top = mapping(root, "the top level", fail);
  for (const [key, value] of entries(top, TOP_KEYS, "", fail)) {
    if (key === "output") {
      config.output = oneOf(value, "output", allowedFormats(), fail) as OutputFormat;
    } else if (key === "color") {
      config.color = oneOf(value, "color", COLOR_SETTINGS, fail) as ColorSetting;
    } else if (key === "namespace") {
      const ns = str(value, "namespace", fail);
      if (!isDns1123Label(ns)) {
        fail(
          value,
          `invalid "namespace" ${JSON.stringify(ns)}: must be a lowercase RFC 1123 label`,
        );
      }
      config.namespace = ns;
    } else if (key === "presets") {
      const presets = mapping(value, `"presets"`, fail);
      for (const item of presets.items) {
        const name = keyText(item.key as Node);
        if (name === "") fail(item.key as Node, `a preset needs a name`);
        const body = item.value as Node | null;
        config.presets[name] = isNull(body) ? {} : parsePreset(body!, `presets.${name}`, fail);
      }
    }
  }
  return config;
}

function parsePreset(node: Node, at: string, fail: Fail): Preset {
  const map = mapping(node, `"${at}"`, fail);
  const preset: Preset = {};
  for (const [key, value] of entries(map, PRESET_KEYS, `${at}.`, fail)) {
    const path = `${at}.${key}`;
    if (key === "kind") {
      const word = str(value, path, fail);
      const kind = kindByName(word);
      if (!kind) {
        const nouns = ["vm", "op", "snapshot", "template", "backup", "restore", "schedule"];
        const hint = closest(word, nouns);
        fail(
          value,
          `unknown kind ${JSON.stringify(word)} in "${path}": use one of ${nouns.join(", ")}${
            hint ? ` (did you mean "${hint}"?)` : ""
          }`,
        );
      }
      preset.kind = kind!.noun;
    } else if (key === "status" && isSeq(value)) {
      preset.status = value.items.map((i, n) => str(i as Node, `${path}[${n}]`, fail)).join(",");
    } else if (key === "minCpus" || key === "minMemory") {
      preset[key] = numberOrString(value, path, fail);
    } else {
      preset[key] = str(value, path, fail);
    }
  }
  try {
    checkPresetValues(preset);
  } catch (e) {
    fail(node, `invalid preset "${at.slice("presets.".length)}": ${(e as Error).message}`);
  }
  return preset;
}

/** The pairs of a mapping, rejecting keys outside `allowed` with a "did you mean". */
function entries<K extends string>(
  map: YAMLMap,
  allowed: readonly K[],
  prefix: string,
  fail: Fail,
): [K, Node][] {
  const out: [K, Node][] = [];
  for (const item of map.items) {
    const keyNode = item.key as Node;
    const key = keyText(keyNode) as K;
    if (!allowed.includes(key)) {
      const hint = closest(key, allowed);
      fail(
        keyNode,
        `unknown key "${prefix}${key}"${
          hint ? ` (did you mean "${hint}"?)` : ` (known keys: ${allowed.join(", ")})`
        }`,
      );
    }
    // A key set to nothing (`output:`) counts as absent.
    if (!isNull(item.value as Node | null)) out.push([key, item.value as Node]);
  }
  return out;
}

function keyText(node: Node | null): string {
  if (isScalar(node)) return String(node.value ?? "");
  return String(node ?? "");
}

function isNull(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function describe(node: Node): string {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === "string" ? `the string ${JSON.stringify(v)}` : `${typeof v} ${String(v)}`;
  }
  return "something else";
}

function mapping(node: Node, what: string, fail: Fail): YAMLMap {
  if (!isMap(node)) {
    fail(node, `${what} must be a mapping of keys to values, got ${describe(node)}`);
  }
  return node as YAMLMap;
}

function str(node: Node, path: string, fail: Fail): string {
  if (isScalar(node) && typeof node.value === "string") return node.value;
  return fail(node, `"${path}" must be a string, got ${describe(node)}`);
}

function numberOrString(node: Node, path: string, fail: Fail): string {
  if (isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) {
    return String(node.value);
  }
  return fail(node, `"${path}" must be a number or a string, got ${describe(node)}`);
}

function oneOf(node: Node, path: string, allowed: readonly string[], fail: Fail): string {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === "string" && allowed.includes(value)) return value;
  const hint = typeof value === "string" ? closest(value, allowed) : undefined;
  return fail(
    node,
    `"${path}" must be one of ${allowed.join(", ")}, got ${describe(node)}${
      hint ? ` (did you mean "${hint}"?)` : ""
    }`,
  );
}

/**
 * Throw the flag parser's error for the first malformed value. Phases, `--where` and
 * `--sort-by` depend on the kind, so they are checked only when the preset names its kind.
 */
export function checkPresetValues(preset: Preset): void {
  if (preset.selector !== undefined) parseLabelSelector(preset.selector);
  if (preset.fieldSelector !== undefined) parseFieldSelector(preset.fieldSelector);
  const kind = kindByNoun(preset.kind ?? "vm");
  parseFilterOptions(
    {
      status: preset.kind === undefined ? undefined : preset.status,
      node: preset.node,
      minCpus: preset.minCpus,
      minMemory: preset.minMemory,
      createdAfter: preset.createdAfter,
      createdBefore: preset.createdBefore,
    },
    kind,
    0,
  );
  if (preset.kind !== undefined && preset.where !== undefined) parseQuery(preset.where, kind);
  if (preset.kind !== undefined && preset.sortBy !== undefined) parseSortKey(preset.sortBy, kind);
}
