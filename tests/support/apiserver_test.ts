import assert from "node:assert/strict";
import fc from "fast-check";
import { freshNamespace } from "./apiserver.ts";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

Deno.test("freshNamespace() keeps a clean prefix and adds a random suffix", () => {
  const a = freshNamespace("kubectl-admin");
  const b = freshNamespace("kubectl-admin");
  assert.match(a, /^kubectl-admin-[0-9a-f]{8}$/);
  assert.notEqual(a, b);
  assert.match(freshNamespace("Client Node/Cert"), /^client-node-cert-[0-9a-f]{8}$/);
  assert.match(freshNamespace("---"), /^it-[0-9a-f]{8}$/);
});

Deno.test("freshNamespace() always returns a valid DNS-1123 label", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 100 }), (prefix) => {
      const ns = freshNamespace(prefix);
      assert.ok(ns.length <= 63, ns);
      assert.match(ns, DNS1123_LABEL);
    }),
  );
});
