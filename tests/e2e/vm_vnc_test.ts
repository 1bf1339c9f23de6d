/**
 * `vm vnc` end to end: real VNC clients (vncdotool, headless Chromium through `--web`) see the
 * VM's screen through hyperctl's local endpoint, on the embedded cluster (whose operator serves a
 * console per Running VM) and on the real API server (a VM whose status the test writes, with a
 * console the test serves); every missing piece is one line and exit 1, `--serial` exit 2.
 */
import assert from "node:assert/strict";
import { API_VERSION, kindByNoun } from "../../src/core/kinds.ts";
import {
  getBoolean,
  getNumber,
  getPath,
  getString,
  type KubeObject,
} from "../../src/core/types.ts";
import { refFor } from "../../src/cli/commands/common.ts";
import type { KubeClient } from "../../src/k8s/client.ts";
import { startRfbServer } from "../../src/sim/console/rfb_server.ts";
import { renderScreen } from "../../src/sim/console/screen.ts";
import { freshNamespace, realServerAvailable, sharedApiServer } from "../support/apiserver.ts";
import { CHROMIUM, chromiumAvailable, screenshotWhen } from "../support/chromium.ts";
import { type CliResult, hyperctl } from "../support/cli.ts";
import { serveHyperctl } from "../support/serving.ts";
import { startSimCluster } from "../support/sim_cluster.ts";
import { until } from "../support/until.ts";
import { differingPixels, pngRgb, vncCapture, vncdoAvailable } from "../support/vnc_client.ts";

const VM = kindByNoun("vm");
const CLIENTS = vncdoAvailable() && chromiumAvailable();
if (!CLIENTS && Deno.env.get("CI") === "true") {
  throw new Error("vncdotool and chromium are required in CI (.ci/run installs them)");
}
const opts = { sanitizeOps: false, sanitizeResources: false, ignore: !CLIENTS };

function vmObject(name: string, ns: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name, namespace: ns, ...extra },
    spec: { cpus: 1, memory: "1Gi" },
  };
}

/** Wait until the operator has published the VM's console. */
function consoleOf(api: KubeClient, ns: string, name: string): Promise<KubeObject> {
  return until(`${name}'s console`, async () => {
    const vm = await api.get(refFor(VM, ns), name);
    return getBoolean(vm, ["status", "vnc", "enabled"]) ? vm : undefined;
  });
}

async function refused(port: number): Promise<boolean> {
  try {
    (await Deno.connect({ hostname: "127.0.0.1", port })).close();
    return false;
  } catch (e) {
    return e instanceof Deno.errors.ConnectionRefused;
  }
}

/** Capture through `vm vnc NAME --proxy-only -o json` and return the capture and the exit. */
async function captureThroughProxy(args: string[], kubeconfig: string) {
  const serving = serveHyperctl(["vm", "vnc", ...args, "--proxy-only", "-o", "json"], {
    kubeconfig,
  });
  const first = await serving.firstLine;
  if (typeof first !== "string") throw new Error(`vm vnc exited: ${JSON.stringify(first)}`);
  const local = JSON.parse(first) as { address: string; port: number };
  const png = await Deno.makeTempFile({ suffix: ".png" });
  try {
    await vncCapture(local.address, local.port, png);
    const rgb = await pngRgb(png);
    const exit = await serving.stop("SIGINT");
    return { local, rgb, exit };
  } finally {
    await Deno.remove(png);
  }
}

const lineOf = (r: CliResult) => r.stderr.trim();

Deno.test({
  name: "[sim] vm vnc --proxy-only: vncdotool captures the VM's own screen; Ctrl+C closes it",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc"));
    try {
      await sim.api.create(refFor(VM, sim.namespace), vmObject("web-001", sim.namespace));
      await consoleOf(sim.api, sim.namespace, "web-001");
      const { local, rgb, exit } = await captureThroughProxy(["web-001"], sim.kubeconfig);
      assert.equal(local.address, "127.0.0.1");
      assert.deepEqual([rgb.width, rgb.height], [320, 200]);
      assert.equal(differingPixels(rgb, renderScreen({ name: "web-001", phase: "Running" })), 0);
      assert.notEqual(
        differingPixels(rgb, renderScreen({ name: "web-002", phase: "Running" })),
        0,
        "the capture must tell VMs apart",
      );
      assert.equal(exit.code, 130, exit.stderr);
      assert.match(exit.stderr, /^Forwarding 127\.0\.0\.1:\d+ to VM "web-001" \(node node-\d/);
      assert.ok(await refused(local.port), "the local port must be closed after Ctrl+C");
    } finally {
      await sim.stop();
    }
  },
});

Deno.test({
  name: "[sim] vm vnc --web: headless Chromium shows the console; the link works once",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-web"));
    try {
      await sim.api.create(refFor(VM, sim.namespace), vmObject("web-001", sim.namespace));
      await consoleOf(sim.api, sim.namespace, "web-001");
      const serving = serveHyperctl(["vm", "vnc", "web-001", "--web", "--no-browser"], {
        kubeconfig: sim.kubeconfig,
      });
      const url = await serving.firstLine;
      assert.equal(typeof url, "string", JSON.stringify(url));
      assert.match(url as string, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}$/);
      const png = await screenshotWhen(url as string, {
        // Connected, and the first frame drawn: the title bar's blue at the canvas' corner.
        ready: `document.body.dataset.state === "connected" &&
          document.querySelector("canvas")?.getContext("2d").getImageData(1, 1, 1, 1).data[2] === 255`,
        selector: "canvas",
      });
      const file = await Deno.makeTempFile({ suffix: ".png" });
      await Deno.writeFile(file, png);
      const rgb = await pngRgb(file);
      await Deno.remove(file);
      assert.equal(differingPixels(rgb, renderScreen({ name: "web-001", phase: "Running" })), 0);
      const again = await fetch(url as string);
      assert.equal(again.status, 403);
      assert.match(await again.text(), /already used/);
      const exit = await serving.stop("SIGINT");
      assert.equal(exit.code, 130, exit.stderr);
      assert.match(exit.stderr, /Serving the console of VM "web-001"/);
    } finally {
      await sim.stop();
    }
  },
});

Deno.test({
  name: "[sim] vm vnc --web opens $BROWSER on the URL, which then is spent",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-browser"));
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-browser-" });
    try {
      await sim.api.create(refFor(VM, sim.namespace), vmObject("web-001", sim.namespace));
      await consoleOf(sim.api, sim.namespace, "web-001");
      // The browser is Chromium taking a screenshot of the page it was opened on.
      const browser = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${dir}/profile`,
        `--screenshot=${dir}/page.png`,
      ].join(" ");
      const serving = serveHyperctl(["vm", "vnc", "web-001", "--web"], {
        kubeconfig: sim.kubeconfig,
        env: { BROWSER: browser },
      });
      const url = await serving.firstLine;
      assert.equal(typeof url, "string", JSON.stringify(url));
      await until("the browser's screenshot", async () => {
        const size = (await Deno.stat(`${dir}/page.png`).catch(() => undefined))?.size;
        return size ? size : undefined;
      });
      const again = await fetch(url as string);
      assert.equal(again.status, 403, "the browser must have used the one-time link");
      await again.body?.cancel();
      const exit = await serving.stop("SIGINT");
      assert.equal(exit.code, 130);
      assert.doesNotMatch(exit.stderr, /open the URL above/);
    } finally {
      await sim.stop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  },
});

Deno.test({
  name: "[sim] vm vnc starts the viewer on the local address and serves until it exits",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-launch"));
    const dir = await Deno.makeTempDir({ prefix: "hyperctl-viewer-" });
    try {
      await sim.api.create(refFor(VM, sim.namespace), vmObject("web-001", sim.namespace));
      await consoleOf(sim.api, sim.namespace, "web-001");
      // A viewer that saves what it sees: vncdotool behind the vnc:// URL hyperctl passes on.
      const viewer = `${dir}/capture-viewer`;
      await Deno.writeTextFile(
        viewer,
        `#!/bin/sh\nset -e\na="\${1#vnc://}"\nexec vncdo -s "\${a%:*}::\${a##*:}" capture ${dir}/seen.png\n`,
      );
      await Deno.chmod(viewer, 0o755);
      const r = await hyperctl(["vm", "vnc", "web-001", "--viewer", viewer], {
        kubeconfig: sim.kubeconfig,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^Starting .*capture-viewer on 127\.0\.0\.1:\d+ for VM "web-001"/);
      const seen = await pngRgb(`${dir}/seen.png`);
      assert.equal(differingPixels(seen, renderScreen({ name: "web-001", phase: "Running" })), 0);
    } finally {
      await sim.stop();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "[sim] vm vnc without a viewer on PATH prints the address to connect one to",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-viewer"));
    try {
      await sim.api.create(refFor(VM, sim.namespace), vmObject("web-001", sim.namespace));
      await consoleOf(sim.api, sim.namespace, "web-001");
      const env = { PATH: "/nonexistent" };
      const serving = serveHyperctl(["vm", "vnc", "web-001"], { kubeconfig: sim.kubeconfig, env });
      const first = await serving.firstLine;
      assert.equal(typeof first, "string", JSON.stringify(first));
      const [host, port] = (first as string).split(":");
      const png = await Deno.makeTempFile({ suffix: ".png" });
      await vncCapture(host, Number(port), png);
      const rgb = await pngRgb(png);
      await Deno.remove(png);
      assert.equal(differingPixels(rgb, renderScreen({ name: "web-001", phase: "Running" })), 0);
      const exit = await serving.stop("SIGINT");
      assert.equal(exit.code, 130);
      assert.match(exit.stderr, /^No VNC viewer found \(tried remote-viewer, vncviewer/);
      assert.match(exit.stderr, new RegExp(`vncviewer 127\\.0\\.0\\.1::${port}\\b`));
      const chosen = await hyperctl(["vm", "vnc", "web-001", "--viewer", "no-such-viewer"], {
        kubeconfig: sim.kubeconfig,
        env,
      });
      assert.equal(chosen.code, 1);
      assert.equal(chosen.stderr, 'error: --viewer: "no-such-viewer" is not on PATH\n');
    } finally {
      await sim.stop();
    }
  },
});

Deno.test({
  name: "[sim] vm vnc errors: stopped, VNC disabled, no such address type, --serial, no VM",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-err"));
    const kc = { kubeconfig: sim.kubeconfig };
    const ref = refFor(VM, sim.namespace);
    try {
      await sim.api.create(ref, vmObject("web-001", sim.namespace));
      await sim.api.create(
        ref,
        vmObject("dark", sim.namespace, { annotations: { "sim.hypersdk.io/vnc": "disabled" } }),
      );
      const before = await consoleOf(sim.api, sim.namespace, "web-001");
      const oldPort = getNumber(before, ["status", "vnc", "nodePort"])!;
      await until("dark Running", async () => {
        const vm = await sim.api.get(ref, "dark");
        return getBoolean(vm, ["status", "vnc", "enabled"]) === false ? vm : undefined;
      });

      const disabled = await hyperctl(["vm", "vnc", "dark"], kc);
      assert.equal(disabled.code, 1);
      assert.match(
        lineOf(disabled),
        /^error: VNC is not enabled for VM "dark" \(status.vnc.enabled/,
      );
      const external = await hyperctl(
        ["vm", "console", "web-001", "--address-type", "ExternalIP"],
        kc,
      );
      assert.equal(external.code, 1);
      assert.equal(
        lineOf(external),
        `error: Node "${
          getString(before, ["status", "nodeName"])
        }" has no ExternalIP address; give the node's address with --node-address ADDR`,
      );
      const serial = await hyperctl(["vm", "vnc", "web-001", "--serial"], kc);
      assert.equal(serial.code, 2);
      assert.match(
        lineOf(serial),
        /^error: --serial: the VirtualMachine resource publishes no serial/,
      );
      const missing = await hyperctl(["vm", "vnc", "nope"], kc);
      assert.equal(missing.code, 1);
      assert.match(lineOf(missing), /virtualmachines.hypersdk.io "nope" not found/);
      const badName = await hyperctl(["vm", "vnc", "Web_1"], kc);
      assert.equal(badName.code, 2);

      // Stopping the VM closes its console and withdraws status.vnc.
      const stop = await hyperctl(["vm", "stop", "web-001", "--wait", "--timeout", "30s"], kc);
      assert.equal(stop.code, 0, stop.stderr);
      const stopped = await until("web-001 Stopped", async () => {
        const vm = await sim.api.get(ref, "web-001");
        return getString(vm, ["status", "phase"]) === "Stopped" ? vm : undefined;
      });
      assert.equal(getPath(stopped, ["status", "vnc"]), undefined);
      assert.ok(await refused(oldPort), "the stopped VM's console must be closed");
      const notRunning = await hyperctl(["vm", "vnc", "web-001"], kc);
      assert.equal(notRunning.code, 1);
      assert.equal(
        lineOf(notRunning),
        'error: VM "web-001" is not running (phase Stopped): start it with "hyperctl vm start web-001"',
      );
      assert.equal(notRunning.stdout, "");
    } finally {
      await sim.stop();
    }
  },
});

Deno.test({
  name: "[sim] vm vnc as a user who may not read Nodes: names the permission, --node-address works",
  ...opts,
  async fn() {
    const sim = await startSimCluster(freshNamespace("vnc-rbac"));
    // startSimCluster names its admin context "admin"; the namespaced user's is "admin-namespaced".
    const kc = { kubeconfig: sim.kubeconfig };
    const as = ["--context", "admin-namespaced"];
    try {
      // The namespaced user reads and writes hypersdk.io objects in its namespace...
      const created = await hyperctl(
        [...as, "vm", "create", "web-001", "--cpus", "1", "--memory", "1Gi", "--wait"],
        kc,
      );
      assert.equal(created.code, 0, created.stderr);
      await consoleOf(sim.api, sim.namespace, "web-001");
      // ...but nothing cluster-scoped.
      const everywhere = await hyperctl([...as, "vm", "list", "-A"], kc);
      assert.equal(everywhere.code, 1);
      assert.match(everywhere.stderr, /User "hyperctl-namespaced" cannot list resource/);

      const denied = await hyperctl([...as, "vm", "vnc", "web-001", "--proxy-only"], kc);
      assert.equal(denied.code, 1, denied.stderr);
      assert.equal(denied.stdout, "");
      assert.match(
        lineOf(denied),
        /^error: cannot read Node "node-\d": "get" on "nodes" \(core API, cluster scope\) is not allowed for this user; give the node's address with --node-address ADDR$/,
      );
      const { rgb, exit } = await captureThroughProxy(
        [...as, "web-001", "--node-address", "127.0.0.1"],
        sim.kubeconfig,
      );
      assert.deepEqual([rgb.width, rgb.height], [320, 200]);
      assert.equal(differingPixels(rgb, renderScreen({ name: "web-001", phase: "Running" })), 0);
      assert.equal(exit.code, 130, exit.stderr);
    } finally {
      await sim.stop();
    }
  },
});

Deno.test({
  name: "[real] vm vnc on a status the test writes: Nodes not served, --node-address, errors",
  ...opts,
  ignore: !CLIENTS || !realServerAvailable(),
  async fn() {
    const server = await sharedApiServer();
    const ns = freshNamespace("vnc-real");
    const kc = { kubeconfig: server.kubeconfigPath };
    const api = (await import("../../src/k8s/client.ts")).createKubeApi(
      (await import("../../src/k8s/kubeconfig.ts")).loadKubeConfig({
        kubeconfig: server.kubeconfigPath,
      }),
    );
    const console = startRfbServer(() => ({ name: "db-7", phase: "Running" }));
    const ref = refFor(VM, ns);
    const setStatus = (status: Record<string, unknown>) =>
      api.patch(ref, "db-7", { status }, { type: "merge", subresource: "status" });
    const vnc = (args: string[]) => hyperctl(["-n", ns, "vm", "vnc", "db-7", ...args], kc);
    try {
      await api.create(ref, vmObject("db-7", ns));
      await setStatus({ phase: "Stopped" });
      assert.equal(
        lineOf(await vnc([])),
        'error: VM "db-7" is not running (phase Stopped): start it with "hyperctl vm start db-7"',
      );
      // A node name with a terminal escape: cluster data must never reach stderr raw.
      await setStatus({
        phase: "Running",
        nodeName: "node-1\x1b]0;x\x07",
        vnc: { enabled: false },
      });
      const disabled = await vnc([]);
      assert.equal(disabled.code, 1);
      assert.match(lineOf(disabled), /^error: VNC is not enabled for VM "db-7"/);
      await setStatus({ vnc: { enabled: true } });
      assert.match(lineOf(await vnc([])), /has VNC enabled but no status.vnc.nodePort yet/);
      await setStatus({ vnc: { enabled: true, port: 5900, nodePort: console.port } });
      // This server serves only the CRDs: no Nodes, so the address must be given.
      const noNodes = await vnc(["--proxy-only"]);
      assert.equal(noNodes.code, 1);
      assert.equal(
        lineOf(noNodes),
        "error: this cluster does not serve Nodes (core API v1); give the node's address with --node-address ADDR",
      );
      const { rgb, exit } = await captureThroughProxy(
        ["-n", ns, "db-7", "--node-address", "127.0.0.1"],
        server.kubeconfigPath,
      );
      assert.equal(differingPixels(rgb, renderScreen({ name: "db-7", phase: "Running" })), 0);
      assert.equal(exit.code, 130, exit.stderr);
      assert.match(exit.stderr, /to VM "db-7" \(node node-1\^\[\]0;x\^G, 127\.0\.0\.1:\d+\)/);
      assert.ok(!exit.stderr.includes("\x1b"));
    } finally {
      await console.close();
      api.close();
    }
  },
});
