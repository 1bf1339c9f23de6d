import { equal, ok, rejects } from "node:assert/strict";
import { connect } from "./connect.ts";
import { exitCodeOf } from "./exit_code.ts";

/** A kubeconfig with contexts a, b and one whose name has a comma (legal in kubeconfig). */
const KUBECONFIG = `apiVersion: v1
kind: Config
current-context: a
clusters:
- name: c
  cluster: { server: "https://127.0.0.1:1" }
users:
- name: u
  user: { token: t }
contexts:
- name: a
  context: { cluster: c, user: u }
- name: b
  context: { cluster: c, user: u }
- name: "x,y"
  context: { cluster: c, user: u }
`;

async function withKubeconfig(fn: (path: string) => Promise<void>): Promise<void> {
  const path = await Deno.makeTempFile({ prefix: "hyperctl-connect-" });
  try {
    await Deno.writeTextFile(path, KUBECONFIG);
    await fn(path);
  } finally {
    await Deno.remove(path);
  }
}

const log = { log: () => {} };

Deno.test("connect: --context a,b on a one-cluster command is a usage error (exit 2)", async () => {
  await withKubeconfig(async (kubeconfig) => {
    for (const context of ["a,b", "a,nope"]) {
      await rejects(async () => await connect({ kubeconfig, context }, log), (e: Error) => {
        equal(exitCodeOf(e), 2, e.message);
        equal(
          e.message,
          `--context "${context}" names several contexts, but this command works on one cluster ` +
            `(only list, and list --watch, take several)`,
        );
        return true;
      });
    }
  });
});

Deno.test("connect: a context whose name has a comma is used as named", async () => {
  await withKubeconfig(async (kubeconfig) => {
    const conn = await connect({ kubeconfig, context: "x,y" }, log);
    equal(conn.contextName, "x,y");
    conn.close();
    // Without a comma, a missing context stays the kubeconfig's error (exit 1).
    await rejects(async () => await connect({ kubeconfig, context: "nope" }, log), (e: Error) => {
      equal(exitCodeOf(e), 1);
      ok(e.message.includes(`context "nope" not found in kubeconfig`), e.message);
      return true;
    });
  });
});
