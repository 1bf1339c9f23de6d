/**
 * Lazy leaves (`CommandSpec.load`): each part of hyperctl loads only the leaves it needs. The
 * parser loads the one the command words name, group help the group's children, kubectl's
 * verb-first order the list/get/delete/describe leaves (for their value flags), completion all.
 * @module
 */

import { type CommandSpec, findCommand } from "../command_spec.ts";

/** A leaf, lazy or loaded. */
export function isLeaf(spec: CommandSpec): boolean {
  return spec.run !== undefined || spec.load !== undefined;
}

/** `spec` itself, or the leaf its entry loads. */
export function loaded(spec: CommandSpec): Promise<CommandSpec> {
  return spec.load ? spec.load() : Promise.resolve(spec);
}

/** `root` with the lazy leaves that `wanted` picks loaded (every one by default). */
export async function loadLeaves(
  root: CommandSpec,
  wanted: (leaf: CommandSpec) => boolean = () => true,
): Promise<CommandSpec> {
  if (root.load) return wanted(root) ? await root.load() : root;
  if (!root.commands) return root;
  const commands = await Promise.all(root.commands.map((c) => loadLeaves(c, wanted)));
  return { ...root, commands };
}

/** `root` with the leaf at the end of the command words `path` loaded. */
export async function loadPath(root: CommandSpec, path: readonly string[]): Promise<CommandSpec> {
  if (path.length === 0) return await loaded(root);
  const child = findCommand(root.commands, path[0]);
  if (!child) return root;
  const next = await loadPath(child, path.slice(1));
  return { ...root, commands: root.commands?.map((c) => c === child ? next : c) };
}

/** The commands along `path` (command words as typed, aliases included), `root` first. */
export function nodesOn(root: CommandSpec, path: readonly string[]): CommandSpec[] {
  const nodes = [root];
  for (const word of path) {
    const next = findCommand(nodes.at(-1)?.commands, word);
    if (!next) break;
    nodes.push(next);
  }
  return nodes;
}
