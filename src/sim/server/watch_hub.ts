/**
 * Watch streams over the store: resume by resourceVersion, selector transitions, bookmarks,
 * server-side timeouts and the in-stream 410, all as the real watch cache does them.
 *
 * Events are sent as NDJSON lines (`{"type":…,"object":…}\n`); a watcher whose selector stops
 * (starts) matching an object gets DELETED (ADDED), exactly like the cacher's filter transitions.
 * @module
 */

import type { KubeObject, WatchEventType } from "../../core/types.ts";
import { expired } from "./status.ts";
import { type Store, type StoreEvent, TooOldError } from "./store.ts";

/** What one watch request asks for. */
export interface WatchRequest {
  /** Resource plural (store table). */
  resource: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  matches: (obj: KubeObject) => boolean;
  resourceVersion?: string;
  sendInitialEvents?: boolean;
  allowBookmarks: boolean;
  timeoutMs: number;
  bookmarkIntervalMs: number;
  /** Turns an object into what goes on the wire (the object itself, or a Table). */
  render: (obj: KubeObject) => unknown;
}

interface Watcher {
  req: WatchRequest;
  send: (type: WatchEventType, object: unknown) => void;
  close: () => void;
}

const encoder = new TextEncoder();

/** Fans store events out to open watch streams. */
export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: Store) {
    this.unsubscribe = store.subscribe((e) => {
      for (const w of this.watchers) if (w.req.resource === e.resource) deliver(w, e);
    });
  }

  /** Number of open watches (for tests and the sim's status output). */
  get size(): number {
    return this.watchers.size;
  }

  /** Open a watch; the stream ends on timeout, `dropAll()`, `close()` or client cancel. */
  open(req: WatchRequest): ReadableStream<Uint8Array> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ticker: ReturnType<typeof setInterval> | undefined;
    let watcher: Watcher | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(ticker);
      if (watcher) this.watchers.delete(watcher);
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        let closed = false;
        const send = (type: WatchEventType, object: unknown) => {
          if (!closed) controller.enqueue(encoder.encode(JSON.stringify({ type, object }) + "\n"));
        };
        const close = () => {
          if (closed) return;
          closed = true;
          cleanup();
          controller.close();
        };
        watcher = { req, send, close };
        const bookmark = (annotations?: Record<string, string>) =>
          send("BOOKMARK", {
            kind: req.kind,
            apiVersion: req.apiVersion,
            metadata: {
              resourceVersion: String(this.store.resourceVersion),
              ...(annotations ? { annotations } : {}),
            },
          });
        const rv = req.resourceVersion ?? "";
        const initial = req.sendInitialEvents ?? (rv === "" || rv === "0");
        if (initial) {
          for (const o of this.store.list(req.resource, req.namespace)) {
            if (req.matches(o)) send("ADDED", req.render(o));
          }
          if (req.sendInitialEvents && req.allowBookmarks) {
            bookmark({ "k8s.io/initial-events-end": "true" });
          }
        } else {
          const from = Number(rv);
          let events: StoreEvent[];
          try {
            events = this.store.eventsSince(req.resource, from);
          } catch (e) {
            if (!(e instanceof TooOldError)) throw e;
            send("ERROR", expired(e.message).status);
            close();
            return;
          }
          for (const e of events) deliver(watcher, e);
        }
        this.watchers.add(watcher);
        timer = setTimeout(close, req.timeoutMs);
        if (req.allowBookmarks) ticker = setInterval(() => bookmark(), req.bookmarkIntervalMs);
      },
      cancel: () => cleanup(),
    });
  }

  /** Close every open watch stream normally (clients see a clean end and reconnect). */
  dropAll(): void {
    for (const w of [...this.watchers]) w.close();
  }

  /** Close all streams and stop listening to the store. */
  close(): void {
    this.dropAll();
    this.unsubscribe();
  }
}

function inScope(w: Watcher, obj: KubeObject | undefined): boolean {
  if (!obj) return false;
  if (w.req.namespace !== undefined && obj.metadata?.namespace !== w.req.namespace) return false;
  return w.req.matches(obj);
}

/** The cacher's transition rule: compare the old and new object against the filter. */
function deliver(w: Watcher, e: StoreEvent): void {
  const cur = e.type !== "DELETED" && inScope(w, e.object);
  const old = e.type !== "ADDED" && inScope(w, e.prev);
  if (cur && old) w.send("MODIFIED", w.req.render(e.object));
  else if (cur) w.send("ADDED", w.req.render(e.object));
  else if (old) {
    // the object as it was, stamped with the event's resourceVersion
    const base = e.type === "DELETED" ? e.object : e.prev!;
    const gone = { ...base, metadata: { ...base.metadata, resourceVersion: String(e.rv) } };
    w.send("DELETED", w.req.render(gone));
  }
}
