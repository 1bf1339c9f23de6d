import { deepEqual, equal } from "node:assert/strict";
import { vm } from "../../testing/vm_crd_fixture.ts";
import { MAX_ANNOTATION_BYTES, MAX_BODY_BYTES } from "./limits.ts";
import { startSimServer } from "./server.ts";

const CRD = Deno.readTextFileSync(new URL("./testdata/virtualmachines.yaml", import.meta.url));
const VMS = "/apis/hypersdk.io/v1alpha1/namespaces/ns/virtualmachines";

async function withSim(fn: (s: Awaited<ReturnType<typeof startSimServer>>) => Promise<void>) {
  const s = await startSimServer({ crdYaml: [CRD], tokens: { admin: "a", viewer: "v" } });
  try {
    await fn(s);
  } finally {
    await s.stop();
  }
}

/** POST `body` with curl over HTTP/2, as a user would; returns curl's exit code and the status. */
async function curlPost(s: { url: string; caPem: string }, token: string, body: string) {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/ca.pem`, s.caPem);
    await Deno.writeTextFile(`${dir}/body.json`, body);
    const out = await new Deno.Command("curl", {
      args: [
        "-s",
        "--http2",
        "--cacert",
        `${dir}/ca.pem`,
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-X",
        "POST",
        "-H",
        `Authorization: Bearer ${token}`,
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        `@${dir}/body.json`,
        `${s.url}${VMS}`,
      ],
      stdout: "piped",
      stderr: "null",
    }).output();
    return { curl: out.code, http: new TextDecoder().decode(out.stdout) };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("sim: a refused POST is answered 403 every time, its body read first", () =>
  withSim(async (s) => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await curlPost(s, "v", "{}"));
    deepEqual(answers, Array(6).fill({ curl: 0, http: "403" }));
    // The same for a large body and for an unauthenticated one.
    const big = JSON.stringify(
      vm("big", { metadata: { name: "big", annotations: { a: "x".repeat(200_000) } } }),
    );
    deepEqual(await curlPost(s, "v", big), { curl: 0, http: "403" });
    deepEqual(await curlPost(s, "wrong", big), { curl: 0, http: "401" });
  }));

Deno.test("sim: annotations over 256 KiB in total are 422 FieldValueTooLong, as on a cluster", () =>
  withSim(async (s) => {
    const client = Deno.createHttpClient({ caCerts: [s.caPem] });
    const post = (o: unknown) =>
      fetch(`${s.url}${VMS}`, {
        client,
        method: "POST",
        headers: { authorization: "Bearer a", "content-type": "application/json" },
        body: typeof o === "string" ? o : JSON.stringify(o),
      }).then(async (r) => ({ code: r.status, json: await r.json() }));
    try {
      const half = "x".repeat(MAX_ANNOTATION_BYTES / 2);
      const over = await post(
        vm("over", { metadata: { name: "over", annotations: { a: half, b: half } } }),
      );
      equal(over.code, 422);
      equal(
        over.json.message,
        'VirtualMachine.hypersdk.io "over" is invalid: metadata.annotations: Too long: may not ' +
          "be more than 262144 bytes",
      );
      deepEqual(over.json.details.causes, [{
        reason: "FieldValueTooLong",
        message: "Too long: may not be more than 262144 bytes",
        field: "metadata.annotations",
      }]);
      const fits = await post(
        vm("fits", { metadata: { name: "fits", annotations: { a: half.slice(2) } } }),
      );
      equal(fits.code, 201);

      // Under the body limit but over what etcd stores: the real server's 500.
      const selector = Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [`k${i}`, "x".repeat(50_000)]),
      );
      const tooBig = await post(
        vm("too-big", { spec: { cpus: 1, memory: "1Gi", nodeSelector: selector } }),
      );
      deepEqual([tooBig.code, tooBig.json.message], [500, "etcdserver: request is too large"]);

      const huge = await post(`{"pad":"${"x".repeat(MAX_BODY_BYTES)}"}`);
      deepEqual([huge.code, huge.json.reason, huge.json.message], [
        413,
        "RequestEntityTooLarge",
        "Request entity too large: limit is 3145728",
      ]);
    } finally {
      client.close();
    }
  }));
