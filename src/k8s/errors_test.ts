import assert from "node:assert/strict";
import { ApiError, isKubeError, type RequestInfo, TransportError } from "./errors.ts";

const vm = (verb: string, name?: string, namespace?: string): RequestInfo => ({
  verb,
  method: "GET",
  url: "https://127.0.0.1:6443/apis/hypersdk.io/v1alpha1/namespaces/prod/virtualmachines",
  plural: "virtualmachines",
  group: "hypersdk.io",
  name,
  namespace,
});

Deno.test("ApiError.userMessage() says what the server said, in one line", async (t) => {
  const cases: { name: string; err: ApiError; want: string }[] = [
    {
      name: "404 on an object",
      err: new ApiError(404, vm("get", "web-1", "prod"), {
        kind: "Status",
        reason: "NotFound",
        message: 'virtualmachines.hypersdk.io "web-1" not found',
        details: { name: "web-1", group: "hypersdk.io", kind: "virtualmachines" },
        code: 404,
      }),
      want: 'virtualmachines.hypersdk.io "web-1" not found in namespace "prod"',
    },
    {
      name: "404 on the collection: CRDs missing",
      err: new ApiError(404, vm("list", undefined, "prod"), {
        kind: "Status",
        reason: "NotFound",
        message: "the server could not find the requested resource",
        code: 404,
      }),
      want:
        'the server does not serve virtualmachines.hypersdk.io — are the HyperSDK CRDs installed? (try "hyperctl status")',
    },
    {
      name: "404 on an object whose type is not served",
      err: new ApiError(404, vm("get", "web-1", "prod"), {
        kind: "Status",
        reason: "NotFound",
        message: "the server could not find the requested resource",
        code: 404,
      }),
      want:
        'the server does not serve virtualmachines.hypersdk.io — are the HyperSDK CRDs installed? (try "hyperctl status")',
    },
    {
      name: "403 names verb, resource and namespace and keeps the server's words",
      err: new ApiError(403, vm("create", undefined, "x"), {
        kind: "Status",
        reason: "Forbidden",
        message: 'virtualmachines.hypersdk.io is forbidden: User "viewer" cannot create resource',
        code: 403,
      }),
      want:
        'forbidden: user cannot create virtualmachines.hypersdk.io in namespace "x" (server: virtualmachines.hypersdk.io is forbidden: User "viewer" cannot create resource)',
    },
    {
      name: "401 names the kubeconfig user, never the token",
      err: new ApiError(401, vm("list"), { kind: "Status", reason: "Unauthorized", code: 401 }, {
        username: "viewer",
        hasCredentials: true,
      }),
      want: 'unauthorized: the server rejected the credentials for user "viewer"',
    },
    {
      name: "401 without any credential",
      err: new ApiError(401, vm("list"), undefined, { username: "anon", hasCredentials: false }),
      want:
        'unauthorized: the server requires credentials and the kubeconfig has none for user "anon"',
    },
    {
      name: "409 AlreadyExists",
      err: new ApiError(409, vm("create", "web-1", "prod"), {
        kind: "Status",
        reason: "AlreadyExists",
        message: 'virtualmachines.hypersdk.io "web-1" already exists',
        code: 409,
      }),
      want: 'virtualmachines.hypersdk.io "web-1" already exists in namespace "prod"',
    },
    {
      name: "409 Conflict",
      err: new ApiError(409, vm("update", "web-1", "prod"), {
        kind: "Status",
        reason: "Conflict",
        message: "the object has been modified",
        code: 409,
      }),
      want:
        'conflict: cannot update virtualmachines.hypersdk.io "web-1" in namespace "prod": it was changed by someone else; read it again and retry (server: the object has been modified)',
    },
    {
      name: "422 lists the field causes",
      err: new ApiError(422, vm("create", "web-1", "prod"), {
        kind: "Status",
        reason: "Invalid",
        message: "long server text",
        code: 422,
        details: {
          causes: [
            {
              reason: "FieldValueInvalid",
              message: "Invalid value: 0: must be >= 1",
              field: "spec.cpus",
            },
            { reason: "FieldValueRequired", message: "Required value", field: "spec.image" },
          ],
        },
      }),
      want:
        'invalid virtualmachines.hypersdk.io "web-1" in namespace "prod": spec.cpus: Invalid value: 0: must be >= 1; spec.image: Required value',
    },
    {
      name: "500 with a non-Status body",
      err: new ApiError(500, vm("list"), undefined, undefined, "upstream connect error\n"),
      want:
        "the server failed to list virtualmachines.hypersdk.io: 500 error (server: upstream connect error)",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.equal(c.err.userMessage(), c.want);
      assert.equal(c.err.kind, "api");
      assert.ok(!c.err.userMessage().endsWith("."));
    });
  }
});

Deno.test("ApiError.userMessage(program) suggests commands under the name the user ran", () => {
  const missing = new ApiError(404, vm("list", undefined, "prod"), {
    kind: "Status",
    reason: "NotFound",
    message: "the server could not find the requested resource",
    code: 404,
  });
  assert.match(missing.userMessage("kubectl hyperctl"), /\(try "kubectl hyperctl status"\)$/);
});

Deno.test("TransportError messages name the URL", () => {
  assert.equal(
    new TransportError("refused", "https://127.0.0.1:1", "connection refused").userMessage(),
    "cannot reach the cluster at https://127.0.0.1:1: connection refused",
  );
  assert.equal(
    new TransportError("timeout", "https://h/x", "30s").message,
    "request to https://h/x timed out after 30s",
  );
  assert.equal(
    new TransportError("tls", "https://h", "certificate signed by unknown authority").message,
    "TLS handshake with https://h failed: certificate signed by unknown authority",
  );
  assert.ok(isKubeError(new TransportError("dns", "u", "d")));
  assert.ok(!isKubeError(new Error("x")));
});
