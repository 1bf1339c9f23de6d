/**
 * `deno task apiserver [--kubeconfig-out PATH] [server flags…]`: builds (if needed) and runs the
 * real test API server in the foreground until Ctrl+C.
 *
 * Why: lets a developer point hyperctl, kubectl or a test run at the same server the integration
 * suite uses. Defaults write the kubeconfig and ready file under .cache/apiserver/ so they are
 * easy to find; other flags go to the server unchanged (e.g. `-v=2`, `--port=6443`).
 * @module
 */

const ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

async function main(args: string[]): Promise<number> {
  const build = await new Deno.Command("bash", {
    args: [`${ROOT}/scripts/apiserver_build.sh`],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!build.success) return build.code || 1;
  const binary = new TextDecoder().decode(build.stdout).trim();

  const extra = [...args];
  const stateDir = `${ROOT}/.cache/apiserver`;
  await Deno.mkdir(stateDir, { recursive: true });
  if (flagValue(extra, "--kubeconfig-out") === undefined) {
    extra.push(`--kubeconfig-out=${stateDir}/kubeconfig`);
  }
  if (flagValue(extra, "--ready-file") === undefined) {
    extra.push(`--ready-file=${stateDir}/ready.json`);
  }
  if (flagValue(extra, "--crd-dir") === undefined) extra.push(`--crd-dir=${ROOT}/deploy/crds`);

  const child = new Deno.Command(binary, {
    args: extra,
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();

  // Ctrl+C reaches the child directly too; the server tolerates the duplicate signal.
  const forward = (sig: Deno.Signal) => () => {
    try {
      child.kill(sig);
    } catch { /* already exited */ }
  };
  const onInt = forward("SIGINT");
  const onTerm = forward("SIGTERM");
  Deno.addSignalListener("SIGINT", onInt);
  Deno.addSignalListener("SIGTERM", onTerm);

  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of child.stdout) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.startsWith("READY ")) continue;
      const ready = JSON.parse(line.slice(6));
      console.error(
        [
          ``,
          `test API server ${ready.k8sVersion} ready at ${ready.server} (pid ${ready.pid})`,
          `  kubeconfig: ${ready.kubeconfig}   (contexts: admin, viewer, nobody, cert-admin)`,
          `  ready file: ${flagValue(extra, "--ready-file")}`,
          `  try:        KUBECONFIG=${ready.kubeconfig} kubectl get vms -A`,
          `  tests:      HYPERCTL_TEST_READY=${flagValue(extra, "--ready-file")} ` +
          `HYPERCTL_TEST_KUBECONFIG=${ready.kubeconfig} deno test -A tests/integration/`,
          `Ctrl+C to stop.`,
          ``,
        ].join("\n"),
      );
    }
  }
  const status = await child.status;
  Deno.removeSignalListener("SIGINT", onInt);
  Deno.removeSignalListener("SIGTERM", onTerm);
  return status.signal ? 0 : status.code;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
