/**
 * hyperctl entry point: run the command line and exit with its code.
 *
 * This is the only place that exits, so every path (errors, signals, broken pipes) funnels through
 * one exit-code table in src/cli/exit_code.ts.
 * @module
 */

import { run } from "./src/cli/main.ts";

if (import.meta.main) {
  Deno.exit(await run(Deno.args));
}
