import assert from "node:assert/strict";
import { formatRequestLine, redactUrl } from "./verbose.ts";

Deno.test("formatRequestLine() prints method, URL, status and duration", () => {
  assert.equal(
    formatRequestLine({
      method: "GET",
      url:
        "https://127.0.0.1:6443/apis/hypersdk.io/v1alpha1/namespaces/x/virtualmachines?limit=500",
      status: 200,
      statusText: "",
      durationMs: 12.4,
    }),
    "GET https://127.0.0.1:6443/apis/hypersdk.io/v1alpha1/namespaces/x/virtualmachines?limit=500 200 OK in 12ms",
  );
  assert.equal(
    formatRequestLine({
      method: "GET",
      url: "https://h/x",
      durationMs: 3,
      error: "connection refused",
    }),
    "GET https://h/x failed in 3ms: connection refused",
  );
});

Deno.test("redactUrl() hides credentials in user info and query", () => {
  const out = redactUrl(
    "https://bob:hunter2@h/x?access_token=s3cret&labelSelector=app%3Dweb%2Ctier",
  );
  assert.ok(!out.includes("hunter2") && !out.includes("s3cret"), out);
  assert.ok(out.includes("labelSelector=app=web,tier"), out);
});

Deno.test("formatRequestLine() names the conversion a request asked for", () => {
  const entry = { method: "GET", url: "https://h/x", status: 200, durationMs: 5 };
  assert.equal(
    formatRequestLine({
      ...entry,
      accept: "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1, application/json",
    }),
    "GET https://h/x 200 OK in 5ms (as=PartialObjectMetadataList)",
  );
  assert.equal(
    formatRequestLine({ ...entry, accept: "application/json" }),
    "GET https://h/x 200 OK in 5ms",
  );
});
