import { strictEqual } from "node:assert/strict";
import { warmTlsEntropy } from "./tls_warmup.ts";

Deno.test("warmTlsEntropy starts the work once per process and resolves without a value", async () => {
  const first = warmTlsEntropy();
  strictEqual(warmTlsEntropy(), first);
  strictEqual(await first, undefined);
});
