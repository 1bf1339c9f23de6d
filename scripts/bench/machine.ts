/**
 * Facts about the machine and software a report was measured on, so numbers are comparable.
 * @module
 */

/** Machine and version facts for the report header. */
export interface MachineFacts {
  date: string;
  os: string;
  kernel: string;
  cpuModel: string;
  nproc: number;
  memTotal: string;
  deno: string;
  v8: string;
  kubectl: string;
  server: string;
  gitCommit: string;
}

function readOr(path: string, fallback: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return fallback;
  }
}

function run(cmd: string, args: string[]): string {
  try {
    const out = new Deno.Command(cmd, { args, stdout: "piped", stderr: "null" }).outputSync();
    return new TextDecoder().decode(out.stdout).trim();
  } catch {
    return "";
  }
}

/** Collect the facts; `kubectl` is the kubectl binary, `server` the server's version string. */
export function machineFacts(kubectl: string, server: string, root: string): MachineFacts {
  const cpu = readOr("/proc/cpuinfo", "").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? "unknown";
  const memKb = Number(readOr("/proc/meminfo", "").match(/^MemTotal:\s+(\d+)/m)?.[1] ?? NaN);
  const kubectlVersion = run(kubectl, ["version", "--client", "-o", "json"]);
  let kv = "unknown";
  try {
    kv = JSON.parse(kubectlVersion).clientVersion.gitVersion;
  } catch { /* keep unknown */ }
  const status = run("git", ["-C", root, "status", "--porcelain"]);
  const head = run("git", ["-C", root, "rev-parse", "--short", "HEAD"]) || "unknown";
  return {
    date: new Date().toISOString(),
    os: `${Deno.build.os} ${Deno.build.arch}`,
    kernel: run("uname", ["-r"]) || "unknown",
    cpuModel: cpu.trim(),
    nproc: navigator.hardwareConcurrency,
    memTotal: Number.isFinite(memKb) ? `${(memKb / 1024 / 1024).toFixed(1)} GiB` : "unknown",
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    kubectl: kv,
    server: server || "unknown",
    gitCommit: status ? `${head} (with uncommitted changes)` : head,
  };
}
