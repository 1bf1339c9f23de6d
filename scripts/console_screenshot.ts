/**
 * Make docs/web-console.png, the README's picture of `vm vnc --web`: start the embedded cluster,
 * serve web-001's console with hyperctl, and capture the page in headless Chromium once the
 * console has drawn (the same steps as tests/e2e/vm_vnc_test.ts).
 *
 * Usage: deno run -A scripts/console_screenshot.ts [OUT.png]
 * @module
 */

import { API_VERSION } from "../src/core/kinds.ts";
import { getBoolean } from "../src/core/types.ts";
import { screenshotWhen } from "../tests/support/chromium.ts";
import { serveHyperctl } from "../tests/support/serving.ts";
import { startSimCluster } from "../tests/support/sim_cluster.ts";
import { until } from "../tests/support/until.ts";

const out = Deno.args[0] ?? new URL("../docs/web-console.png", import.meta.url).pathname;
const sim = await startSimCluster("default");
try {
  const ref = { group: "hypersdk.io", version: "v1alpha1", plural: "virtualmachines" };
  await sim.api.create({ ...ref, namespace: "default" }, {
    apiVersion: API_VERSION,
    kind: "VirtualMachine",
    metadata: { name: "web-001", namespace: "default" },
    spec: { cpus: 2, memory: "4Gi" },
  });
  await until("web-001's console", async () => {
    const vm = await sim.api.get({ ...ref, namespace: "default" }, "web-001");
    return getBoolean(vm, ["status", "vnc", "enabled"]) || undefined;
  });
  const serving = serveHyperctl(["vm", "vnc", "web-001", "--web", "--no-browser"], {
    kubeconfig: sim.kubeconfig,
  });
  const url = await serving.firstLine;
  if (typeof url !== "string") throw new Error(`vm vnc --web failed: ${url.stderr}`);
  const png = await screenshotWhen(url, {
    ready: `document.body.dataset.state === "connected" &&
      document.querySelector("canvas")?.getContext("2d").getImageData(1, 1, 1, 1).data[2] === 255`,
    selector: "html",
    window: [560, 400],
  });
  await serving.stop();
  await Deno.mkdir(new URL(".", `file://${out}`).pathname, { recursive: true });
  await Deno.writeFile(out, png);
  console.error(`wrote ${out} (${png.length} bytes)`);
} finally {
  await sim.stop();
}
