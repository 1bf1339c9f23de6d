import assert from "node:assert/strict";
import { ApiError } from "../k8s/errors.ts";
import { errorLine } from "./exit_code.ts";

Deno.test("errorLine() passes the program name to the error's suggested commands", () => {
  const missing = new ApiError(404, {
    verb: "list",
    method: "GET",
    url: "https://127.0.0.1:6443/apis/hypersdk.io/v1alpha1/namespaces/prod/virtualmachines",
    plural: "virtualmachines",
    group: "hypersdk.io",
    namespace: "prod",
  }, { kind: "Status", reason: "NotFound", message: "not found", code: 404 });
  assert.match(
    errorLine(missing, "kubectl hyperctl"),
    /^error: .*\(try "kubectl hyperctl status"\)$/,
  );
  assert.match(errorLine(missing), /^error: .*\(try "hyperctl status"\)$/);
  assert.equal(errorLine(new Error("plain")), "error: plain");
});
