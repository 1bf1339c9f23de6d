/**
 * The stderr line a watch prints while it reconnects after a failure, so a broken stream or a
 * network blip shows why no events arrive; stdout stays data only.
 * @module
 */

import { escapeTerminal } from "../../render/escape.ts";
import type { Deps } from "../deps.ts";

/**
 * A watch's `onRetry`: one `warning: …` line on stderr per reconnect after a failure.
 *
 * @param deps where stderr is
 * @param context the kubeconfig context, named when several clusters are watched at once
 * @returns the callback to pass as the watch's `onRetry`
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { fakeDeps } from "../fake_deps.ts";
 * import { retryWarning } from "./_watch_warning.ts";
 * const deps = fakeDeps();
 * retryWarning(deps, "prod")("the watch failed (reset); retrying in 1.0s");
 * equal(deps.stderr(), 'warning: context "prod": the watch failed (reset); retrying in 1.0s\n');
 * ```
 */
export function retryWarning(deps: Pick<Deps, "io">, context?: string): (notice: string) => void {
  const where = context === undefined ? "" : `context "${context}": `;
  // The notice quotes the server's bytes (a broken event line), so it is escaped for a terminal.
  return (notice) => void deps.io.err.write(`warning: ${where}${escapeTerminal(notice)}\n`);
}
