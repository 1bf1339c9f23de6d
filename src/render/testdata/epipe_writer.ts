/**
 * Writes many lines through the stdout sink; run it into `head -1` to prove a closed reader
 * ends the program quietly with exit 0 (sink_test.ts).
 */

import { stdoutSink } from "../sink.ts";

const sink = stdoutSink();
for (let i = 0; i < 100_000; i++) {
  if (!(await sink.write(`line ${i}\n`))) break;
}
// A CLI stops its pipeline once the sink closes; reaching here means exit code 0.
