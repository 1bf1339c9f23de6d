/**
 * The part of `deno task check` that Deno cannot do: actionlint on .github/workflows (it runs
 * shellcheck on their `run:` steps too) and shellcheck on every shell script in the repository.
 *
 * A developer without the tools gets one line per missing tool and the rest of the check; with
 * CI=true a missing tool fails the check, so CI never skips them (.ci/run installs both).
 * @module
 */

const ROOT = new URL("../", import.meta.url).pathname;
const SKIP_DIRS = new Set([".git", ".cache", "node_modules", "dist", "tests/apiserver"]);

/** How each tool is installed, for the message when it is missing. */
const INSTALL: Record<string, string> = {
  actionlint: "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12",
  shellcheck: "apt-get install shellcheck",
};

/** `name` on PATH, else in Go's bin folder (where `go install` puts actionlint). */
async function findTool(name: string): Promise<string | undefined> {
  const dirs = (Deno.env.get("PATH") ?? "").split(":").filter(Boolean);
  const gopath = Deno.env.get("GOPATH") ?? `${Deno.env.get("HOME")}/go`;
  for (const dir of [...dirs, `${gopath}/bin`]) {
    const path = `${dir}/${name}`;
    if (await Deno.stat(path).then((s) => s.isFile, () => false)) return path;
  }
  return undefined;
}

/** Files under `dir` that are shell scripts: `*.sh`, or a `#!` line naming sh, bash or dash. */
async function shellScripts(dir: string, rel = ""): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(`${dir}${rel}`)) {
    const path = `${rel}${entry.name}`;
    if (entry.isDirectory && !SKIP_DIRS.has(path)) {
      found.push(...await shellScripts(dir, `${path}/`));
    } else if (entry.isFile) {
      const head = entry.name.endsWith(".sh") ? "#!/bin/sh" : await firstLine(`${dir}${path}`);
      if (/^#!.*\b(sh|bash|dash)\b/.test(head)) found.push(path);
    }
  }
  return found.sort();
}

async function firstLine(path: string): Promise<string> {
  const file = await Deno.open(path);
  try {
    const buf = new Uint8Array(80);
    const n = await file.read(buf) ?? 0;
    return new TextDecoder().decode(buf.subarray(0, n)).split("\n")[0];
  } finally {
    file.close();
  }
}

async function run(tool: string, args: string[]): Promise<boolean> {
  const path = await findTool(tool);
  if (!path) {
    const line = `${tool} not found (${INSTALL[tool]})`;
    if (Deno.env.get("CI") === "true") {
      console.error(`error: ${line}: CI never skips it`);
      return false;
    }
    console.error(`skipped: ${line}`);
    return true;
  }
  // actionlint finds shellcheck on PATH; give it the same one we found.
  const shellcheck = await findTool("shellcheck");
  const env = shellcheck
    ? { PATH: `${shellcheck.replace(/\/[^/]+$/, "")}:${Deno.env.get("PATH")}` }
    : undefined;
  const { code } = await new Deno.Command(path, {
    args,
    cwd: ROOT,
    env,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  return code === 0;
}

if (import.meta.main) {
  const scripts = await shellScripts(ROOT);
  const results = [
    await run("actionlint", []),
    await run("shellcheck", scripts),
  ];
  Deno.exit(results.every(Boolean) ? 0 : 1);
}
