/**
 * `deno task install-dev [--root DIR]`: put a `hyperctl` on PATH that runs this checkout, for
 * people who have Deno and want the README's `hyperctl …` lines to work as written.
 *
 * It is `deno install --global` of main.ts with the permissions the released binary has, into
 * Deno's bin folder (~/.deno/bin, or DIR/bin). The command it writes runs `deno`, so Deno must be
 * on PATH; edits to the checkout apply at once.
 * @module
 */

import { BINARY_PERMISSIONS } from "./build.ts";

const ROOT = new URL("../", import.meta.url).pathname;

if (import.meta.main) {
  const root = Deno.args[0] === "--root" && Deno.args[1] ? ["--root", Deno.args[1]] : [];
  if (Deno.args.length > 0 && root.length === 0) {
    console.error(
      `error: unknown argument "${Deno.args[0]}" (usage: deno task install-dev [--root DIR])`,
    );
    Deno.exit(2);
  }
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: [
      "install",
      "--global",
      "--force",
      "--quiet",
      "--name",
      "hyperctl",
      "--config",
      `${ROOT}deno.json`,
      ...root,
      ...BINARY_PERMISSIONS,
      `${ROOT}main.ts`,
    ],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) Deno.exit(code);
  const bin = root.length
    ? `${root[1]}/bin`
    : `${Deno.env.get("DENO_INSTALL_ROOT") ?? `${Deno.env.get("HOME")}/.deno`}/bin`;
  console.error(`installed ${bin}/hyperctl, running ${ROOT}main.ts`);
  if (!(Deno.env.get("PATH") ?? "").split(":").includes(bin)) {
    console.error(`${bin} is not on your PATH; add it:  export PATH="${bin}:$PATH"`);
  }
}
