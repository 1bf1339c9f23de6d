import assert from "node:assert/strict";
import { kindByNoun } from "../../core/kinds.ts";
import type { KubeObject } from "../../core/types.ts";
import { LIVE_ENTER, LIVE_EXIT } from "../../render/live.ts";
import { stripAnsi } from "../../render/color.ts";
import type { RenderEvent } from "../../render/renderer.ts";
import { Subject } from "../../rx.ts";
import { fakeDeps } from "../../testing/fake_deps.ts";
import { runLive } from "./_live_view.ts";

const vm = (name: string, rv: string, phase: string, uid = `uid-${name}`): KubeObject => ({
  metadata: { name, namespace: "ns", uid, resourceVersion: rv },
  spec: { cpus: 1, memory: "1Gi" },
  status: { phase },
});
const INVERSE = "\x1b[7m";
const options = { kind: kindByNoun("vm"), output: "table" as const, allNamespaces: false };
/** NAME and STATUS of each line of a frame, the title line left out. */
const rows = (frame: string) =>
  [...stripAnsi(frame).matchAll(/^(\S+)\s+(\S+)/gm)].slice(1).map((m) => [m[1], m[2]]);

Deno.test("runLive() redraws the view at most every 100 ms of virtual time", async () => {
  const deps = fakeDeps({ tty: true });
  const events = new Subject<RenderEvent>();
  const done = runLive(events, options, deps);
  await deps.written(/^/); // one turn: runLive has switched screens and subscribed
  assert.ok(events.observed);
  assert.equal(deps.stdout(), LIVE_ENTER);
  events.next({ type: "ADDED", object: vm("a", "1", "Running") });
  events.next({ type: "ADDED", object: vm("b", "2", "Stopped") });
  deps.advance(99);
  assert.equal(deps.stdout(), LIVE_ENTER, "no frame before the 100 ms are up");
  deps.advance(1);
  assert.match(deps.stdout(), /2 objects/, "the frame is written the moment the time is up");
  const first = deps.stdout().slice(LIVE_ENTER.length);
  assert.deepEqual(rows(first), [
    ["NAME", "STATUS"],
    ["a", "Running"],
    ["b", "Stopped"],
  ]);

  events.next({ type: "DELETED", object: vm("a", "3", "Running") });
  events.next({ type: "MODIFIED", object: vm("b", "4", "Running") });
  deps.advance(100);
  await deps.written(/1 objects/); // after the first frame's write has finished
  const second = deps.stdout().slice(LIVE_ENTER.length + first.length);
  assert.deepEqual(rows(second), [
    ["NAME", "STATUS"],
    ["b", "Running"],
  ]);
  assert.ok(second.includes(`${INVERSE}b `), "the changed row is highlighted");
  assert.ok(!first.includes(INVERSE), "the first frame is not a change");

  events.complete();
  await done;
  assert.ok(deps.stdout().endsWith(LIVE_EXIT), "the terminal is restored");
});
