/**
 * A VNC client no one here wrote (PyPI's vncdotool) and a PNG reader (Pillow, which vncdotool
 * installs), for tests that check what a console really shows.
 * @module
 */

import type { Rgb } from "../../src/sim/console/screen.ts";

async function run(cmd: string, args: string[], timeoutMs: number): Promise<Uint8Array> {
  const out = await new Deno.Command(cmd, {
    args,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return out.stdout;
}

/** Whether vncdotool's `vncdo` is on PATH (.ci/run installs it). */
export function vncdoAvailable(): boolean {
  return new Deno.Command("sh", { args: ["-c", "command -v vncdo"], stdout: "null" })
    .outputSync().success;
}

/** Connect with vncdotool to `host:port` and save the framebuffer as a PNG at `path`. */
export async function vncCapture(host: string, port: number, path: string): Promise<void> {
  // vncdotool reads `host::port` as a port (a single colon would be a display number).
  await run("vncdo", ["-s", `${host}::${port}`, "capture", path], 20_000);
}

/** The RGB pixels of a PNG. */
export async function pngRgb(path: string): Promise<Rgb> {
  const script = "import sys\nfrom PIL import Image\n" +
    "im = Image.open(sys.argv[1]).convert('RGB')\n" +
    "sys.stdout.write('%d %d\\n' % im.size)\nsys.stdout.flush()\n" +
    "sys.stdout.buffer.write(im.tobytes())\n";
  const out = await run("python3", ["-c", script, path], 20_000);
  const nl = out.indexOf(10);
  const [width, height] = new TextDecoder().decode(out.slice(0, nl)).split(" ").map(Number);
  return { width, height, pixels: out.slice(nl + 1) };
}

/** How many pixels of `a` and `b` differ (both must have the same size). */
export function differingPixels(a: Rgb, b: Rgb): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  let n = 0;
  for (let i = 0; i < a.pixels.length; i += 3) {
    if (
      a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1] ||
      a.pixels[i + 2] !== b.pixels[i + 2]
    ) n++;
  }
  return n;
}
