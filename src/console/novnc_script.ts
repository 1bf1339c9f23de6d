/**
 * The one script the `--web` page loads: noVNC (npm `@novnc/novnc`, an ES-module library) and
 * novnc_browser.js, bundled for the browser.
 *
 * A build writes it beside the bundle's chunks (scripts/build.ts), so a compiled binary serves
 * it from its embedded files; run from a checkout, it is bundled on first use with `deno bundle`.
 * Either way it is read only for `--web`.
 * @module
 */

/** File name of the bundled script beside the program's chunks. */
export const NOVNC_SCRIPT = "novnc.js";

/**
 * Bundle noVNC and the page's code into one browser script with the Deno at `deno`.
 *
 * @param root the checkout (its deno.json pins `@novnc/novnc`)
 * @throws Error with the bundler's last line when it fails
 */
export async function bundleNoVnc(deno: string, root: string): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(deno, {
    args: [
      "bundle",
      "--quiet",
      "--config",
      `${root}/deno.json`,
      "--platform",
      "browser",
      "--format",
      "esm",
      "--minify",
      `${root}/src/console/novnc_browser.js`,
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    const last = new TextDecoder().decode(stderr).trim().split("\n").pop();
    throw new Error(`cannot bundle noVNC: ${last ?? `deno bundle exited with ${code}`}`);
  }
  return new TextDecoder().decode(stdout);
}

/** The script: the built file if there is one, else a fresh bundle from the checkout. */
export async function loadNoVncScript(): Promise<string> {
  const built = new URL(`./${NOVNC_SCRIPT}`, import.meta.url);
  try {
    return await Deno.readTextFile(built);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const root = new URL("../../", import.meta.url);
  if (root.protocol !== "file:" || !/deno(\.exe)?$/.test(Deno.execPath())) {
    throw new Error(`the web console's script ${NOVNC_SCRIPT} is missing from this build`);
  }
  return await bundleNoVnc(Deno.execPath(), root.pathname.replace(/\/$/, ""));
}
