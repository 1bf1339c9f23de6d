/**
 * `hyperctl k8s -help`: Go-style flag usage, the ops grouped, and the command each runs.
 * @module
 */

import { formatGoDefaults } from "./go_flags.ts";
import { K8S_FLAGS } from "./k8s_flags.ts";
import { OPS, opsByGroup } from "./ops.ts";

/** The help text (ends with a newline). */
export function k8sHelp(): string {
  const width = Math.max(...OPS.map((o) => o.op.length));
  const groups = [...opsByGroup()].map(([group, ops]) =>
    `  ${group}:\n` +
    ops.map((op) => {
      const spec = OPS.find((o) => o.op === op)!;
      return `    ${op.padEnd(width)}  → hyperctl ${spec.command}\n`;
    }).join("")
  );
  return [
    "Usage: hyperctl k8s -op <operation> [flags]\n",
    "\n",
    "HyperSDK's command syntax, kept for old scripts: each op runs the hyperctl command shown,\n",
    "against the cluster (nothing is only printed). Flags follow Go's flag package: -flag and\n",
    "--flag are the same, values as -flag value or -flag=value, bools as -flag or -flag=false.\n",
    "-namespace is passed on only when given, so the kubeconfig context's namespace applies.\n",
    "\n",
    "Operations (-op, default status):\n",
    ...groups,
    "\n",
    "Flags:\n",
    formatGoDefaults(K8S_FLAGS),
  ].join("");
}
