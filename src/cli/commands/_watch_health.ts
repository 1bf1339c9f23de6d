/**
 * What a watch tells its user on stderr while it runs, and how it ends when `--for` elapses.
 *
 * A cron job piping JSON Lines into jq must tell "no changes" from "changes lost" and "cluster
 * down". So retries are announced as they happen (`reconnecting: <reason>`, at most one line per
 * {@link REPEAT_MS} of a streak), and a `--for` that ends before the cluster ever answered, or in
 * the middle of a streak of failures, is not a success: exit 1 like the plain list, or exit 5.
 * @module
 */

import { formatDuration } from "../../core/duration.ts";
import { WatchLostError, type WatchNotice } from "../../k8s/watch.ts";
import { escapeTerminal } from "../../render/escape.ts";

/** Lines of one streak of failures are at least this far apart. */
export const REPEAT_MS = 10_000;

/** The stderr side of a running watch, fed by `onNotice`. */
export interface WatchHealth {
  onNotice(notice: WatchNotice): void;
  /**
   * Throw when `--for` ended without a usable watch: the cluster never answered (exit 1) or is
   * unreachable now (WatchLostError, exit 5).
   */
  finish(forMs: number): void;
  /**
   * The same verdict as an error, for a time limit that ended (`limit` names it in the message:
   * `--timeout 40s`): undefined when the cluster answered and is reachable now.
   */
  problem(limit: string): Error | undefined;
}

/**
 * Follow a watch's notices.
 *
 * @param write writes one line to stderr (fire and forget: notices arrive synchronously)
 * @param now the clock, for rate limiting and streak lengths
 * @param server the cluster's URL, for messages
 */
export function watchHealth(
  write: (line: string) => void,
  now: () => number,
  server: string,
): WatchHealth {
  let reached = false;
  let streak:
    | { since: number; attempts: number; reason: string; printedAt: number; printed?: string }
    | undefined;
  const problem = (limit: string): Error | undefined => {
    if (!reached) {
      return new Error(`cannot reach the cluster at ${server}: no answer within ${limit}`);
    }
    if (streak !== undefined) {
      return new WatchLostError(
        `${limit} ended while the cluster at ${server} was unreachable (for ` +
          `${formatDuration(now() - streak.since)}, ${streak.attempts} attempts): ${streak.reason}`,
        { cause: undefined, attempts: streak.attempts },
      );
    }
    return undefined;
  };
  return {
    onNotice(n) {
      switch (n.kind) {
        case "reached":
          reached = true;
          return;
        case "warning":
          write(`warning: ${escapeTerminal(n.message)}\n`);
          return;
        case "recovered":
          if (streak !== undefined) {
            write(
              `reconnected after ${formatDuration(now() - streak.since)} ` +
                `(${streak.attempts} failed ${streak.attempts === 1 ? "attempt" : "attempts"})\n`,
            );
          }
          streak = undefined;
          return;
        case "retrying": {
          const t = now();
          streak ??= { since: t, attempts: 0, reason: n.reason, printedAt: -Infinity };
          streak.attempts = n.attempt;
          streak.reason = n.reason;
          // A new reason (refused after reset) is news; the same one again only after a while.
          // Reasons name the request URL, whose query (resourceVersion, jittered timeout) changes.
          const gist = n.reason.replace(/\?\S*/g, "");
          if (t - streak.printedAt < REPEAT_MS && gist === streak.printed) return;
          streak.printedAt = t;
          streak.printed = gist;
          write(
            `reconnecting: ${escapeTerminal(n.reason)} (attempt ${n.attempt}, ` +
              `next in ${formatDuration(n.delayMs)})\n`,
          );
        }
      }
    },
    finish(forMs) {
      const error = problem(`--for ${formatDuration(forMs)}`);
      if (error) throw error;
    },
    problem,
  };
}
