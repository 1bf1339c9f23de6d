import assert from "node:assert/strict";
import { ApiError } from "../k8s/errors.ts";
import { OutputWriteError } from "../render/sink.ts";
import { FileWriteError } from "./atomic_file.ts";
import { errorLine, exitCodeOf } from "./exit_code.ts";

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

Deno.test("exitCodeOf() gives a failed local write 7, not the cluster's 1", () => {
  assert.equal(exitCodeOf(new OutputWriteError("cannot write to stdout: disk full")), 7);
  assert.equal(exitCodeOf(new FileWriteError('cannot write state file "s": disk full')), 7);
});
