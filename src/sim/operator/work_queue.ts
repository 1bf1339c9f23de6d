/**
 * Per-object work scheduling: one timer per key, never two runs of the same key at once, and a
 * way to wait until nothing is pending. Everything is timer driven; nothing spins.
 * @module
 */

interface Slot {
  timer?: ReturnType<typeof setTimeout>;
  dueAt?: number;
  /** The pending timer is a long one (expiry, cron) that does not count as work. */
  background: boolean;
  running: boolean;
  /** Asked to run again while running: the delay to use once the run ends. */
  rerunMs?: number;
  /** A long timer asked for while running (used when no foreground rerun is due). */
  rerunBackgroundMs?: number;
}

/** Timers longer than this are re-armed in steps (setTimeout overflows past ~24.8 days). */
const MAX_TIMER_MS = 60 * 60 * 1000;

/** A keyed queue of delayed, serialized runs. */
export class WorkQueue {
  #slots = new Map<string, Slot>();
  #inflight = new Set<Promise<void>>();
  #waiters: (() => void)[] = [];
  #stopped = false;

  /**
   * @param handler runs one key; its errors are the handler's business (they are swallowed here)
   * @param extraBusy reports work outside the queue (the job runner) for `idle()`
   */
  constructor(
    private readonly handler: (key: string) => Promise<void>,
    private readonly extraBusy: () => boolean = () => false,
  ) {}

  /**
   * Run `key` after `delayMs`, unless it is already due sooner. A foreground request replaces a
   * background timer even when that one is due sooner, so `idle()` waits for it.
   */
  enqueue(key: string, delayMs: number, background = false): void {
    if (this.#stopped) return;
    const slot = this.#slots.get(key) ?? { background: true, running: false };
    this.#slots.set(key, slot);
    if (slot.running) {
      if (background) {
        slot.rerunBackgroundMs = Math.min(slot.rerunBackgroundMs ?? delayMs, delayMs);
      } else slot.rerunMs = Math.min(slot.rerunMs ?? delayMs, delayMs);
      return;
    }
    const dueAt = Date.now() + delayMs;
    if (slot.timer !== undefined && slot.dueAt !== undefined && slot.dueAt <= dueAt) {
      if (background || !slot.background) return;
    }
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    slot.dueAt = dueAt;
    slot.background = background;
    slot.timer = setTimeout(() => this.#fire(key), Math.min(Math.max(0, delayMs), MAX_TIMER_MS));
  }

  #fire(key: string): void {
    const slot = this.#slots.get(key);
    if (!slot || this.#stopped) return;
    slot.timer = undefined;
    if (slot.dueAt !== undefined && slot.dueAt - Date.now() > 5) {
      // A capped long timer: re-arm for the remainder.
      this.enqueue(key, slot.dueAt - Date.now(), slot.background);
      return;
    }
    slot.dueAt = undefined;
    slot.running = true;
    const run = this.handler(key).catch(() => {}).finally(() => {
      this.#inflight.delete(run);
      slot.running = false;
      const again = slot.rerunMs;
      const later = slot.rerunBackgroundMs;
      slot.rerunMs = slot.rerunBackgroundMs = undefined;
      if (again !== undefined) this.enqueue(key, again);
      else if (later !== undefined) this.enqueue(key, later, true);
      else if (slot.timer === undefined) this.#slots.delete(key);
      this.checkIdle();
    });
    this.#inflight.add(run);
  }

  /** True while some foreground timer or run is pending. */
  busy(): boolean {
    if (this.#inflight.size > 0 || this.extraBusy()) return true;
    for (const s of this.#slots.values()) if (s.timer !== undefined && !s.background) return true;
    return false;
  }

  /** Resolve idle waiters if nothing is pending; call after work outside the queue changes. */
  checkIdle(): void {
    if (this.#stopped || !this.busy()) {
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves once no foreground work is pending (immediately if none is). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      this.checkIdle();
    });
  }

  /** Cancel all timers and wait for runs in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const s of this.#slots.values()) if (s.timer !== undefined) clearTimeout(s.timer);
    this.#slots.clear();
    await Promise.all([...this.#inflight]);
    this.checkIdle();
  }
}
