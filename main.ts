/**
 * hyperctl entry point: run the command line and exit with its code.
 *
 * This is the only place that exits, so every path (errors, signals, broken pipes) funnels through
 * one exit-code table in src/cli/exit_code.ts.
 * @module
 */

import { VERSION } from "./src/cli/version.ts";

if (import.meta.main) {
  // `--version` loads nothing else: startup is benchmarked against kubectl, and in a bundle the
  // CLI's first chunk already pulls in the npm interop (node:module, about 18 ms).
  if (Deno.args.length === 1 && Deno.args[0] === "--version") {
    await Deno.stdout.write(new TextEncoder().encode(`hyperctl ${VERSION}\n`));
    Deno.exit(0);
  }
  const { run } = await import("./src/cli/main.ts");
  Deno.exit(await run(Deno.args));
}
