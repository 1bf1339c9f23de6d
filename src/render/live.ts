/**
 * `--live`: the whole table redrawn in place on a TTY, like watch(1) or k9s
 * (kubernetes/kubernetes#40262), with rows changed in the last few seconds highlighted
 * (kubecolor's "fresh object" idea).
 *
 * Pure string building; the CLI owns the loop, the terminal size and the clock.
 * @module
 */

import type { KindInfo } from "../core/kinds.ts";
import { type KubeObject, objectKey } from "../core/types.ts";
import { type Cell, cut, TabLayout } from "./_tab_layout.ts";
import { objectColumns } from "./columns.ts";
import { escapeCell } from "./escape.ts";

/** Options for {@link liveFrame}. */
export interface LiveFrameOptions {
  kind: KindInfo;
  /** Now, epoch ms: AGE columns and the highlight window count from here. */
  nowMs: number;
  /** Priority-1 columns. @default false */
  wide?: boolean;
  /** NAMESPACE column. @default false */
  showNamespace?: boolean;
  /** CONTEXT column. @default false */
  showContext?: boolean;
  /** Colour the STATUS/PHASE cell. @default false */
  color?: boolean;
  /** When each row last changed, by {@link liveKey}; rows missing here are not highlighted. */
  changedAtMs?: ReadonlyMap<string, number>;
  /** How long a change stays highlighted. @default 5000 */
  highlightMs?: number;
  /** A first line such as `Every change: hyperctl get vm  12:00:01` (escaped by the caller). */
  title?: string;
  /** Terminal width: lines are cut to width − 1 so they never wrap. */
  width?: number;
  /** Terminal height: rows beyond it collapse into a `... N more` line. */
  height?: number;
  /** Cluster per item (same index), when several are merged. */
  contexts?: readonly (string | undefined)[];
}

/**
 * The key a live view uses for a row (cluster + namespace + name), for `changedAtMs`.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(liveKey({ metadata: { namespace: "ns", name: "a" } }, "prod"), "prod/ns/a");
 * ```
 */
export function liveKey(obj: KubeObject, context?: string): string {
  return `${context ?? ""}/${objectKey(obj)}`;
}

/**
 * The full table for the current view; the header is always shown, even with no rows, so the
 * screen keeps its shape while objects come and go.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { kindByNoun } from "../core/kinds.ts";
 * equal(liveFrame([], { kind: kindByNoun("schedule"), nowMs: 0 }), "NAME   SCHEDULE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n");
 * ```
 */
export function liveFrame(items: readonly KubeObject[], options: LiveFrameOptions): string {
  const contexts = options.contexts;
  const set = objectColumns(options.kind, options);
  const window = options.highlightMs ?? 5000;
  const head = options.title === undefined ? 0 : 1;
  // Keep one line for the header and one for the "more" marker when the view does not fit.
  const room = options.height === undefined ? Infinity : Math.max(1, options.height - head - 1);
  const shown = items.length > room ? Math.max(0, room - 1) : items.length;

  const rows: Cell[][] = [set.headers.map((text) => ({ text }))];
  const fresh: boolean[] = [false];
  for (let i = 0; i < shown; i++) {
    const obj = items[i];
    rows.push(set.cells({ object: obj, context: contexts?.[i], atMs: options.nowMs }));
    const changed = options.changedAtMs?.get(liveKey(obj, contexts?.[i]));
    fresh.push(changed !== undefined && options.nowMs - changed < window);
  }
  const maxWidth = options.width === undefined ? undefined : Math.max(1, options.width - 1);
  const table = new TabLayout().format(rows, {
    color: options.color,
    maxWidth,
    rowStyle: (i) => (fresh[i] ? "inverse" : undefined),
  });
  const title = options.title === undefined ? "" : fitTitle(options.title, maxWidth) + "\n";
  const more = shown < items.length ? `... ${items.length - shown} more\n` : "";
  return title + table + more;
}

function fitTitle(text: string, width: number | undefined): string {
  const safe = escapeCell(text);
  return width === undefined ? safe : cut(safe, width);
}

/**
 * The bytes that replace the screen with a frame: cursor home, each line cleared to its end,
 * then everything below cleared. Overwriting instead of clearing first avoids flicker.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * equal(liveRedraw("a\nb\n"), "\x1b[Ha\x1b[K\nb\x1b[K\n\x1b[J");
 * ```
 */
export function liveRedraw(frame: string): string {
  const lines = frame.endsWith("\n") ? frame.slice(0, -1).split("\n") : frame.split("\n");
  return "\x1b[H" + lines.map((l) => l + "\x1b[K\n").join("") + "\x1b[J";
}

/** Switch to the alternate screen and hide the cursor (what watch(1) and k9s do). */
export const LIVE_ENTER = "\x1b[?1049h\x1b[?25l";
/** Show the cursor and return to the normal screen; write it on every exit path. */
export const LIVE_EXIT = "\x1b[?25h\x1b[?1049l";
