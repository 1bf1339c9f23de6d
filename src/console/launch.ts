/**
 * Find and start the programs a console session hands over to: a VNC viewer for `vm vnc`, the
 * browser for `vm vnc --web`.
 * @module
 */

/** A program to start: its path and arguments. */
export interface Launch {
  command: string;
  args: string[];
}

/** The path of `name` on `PATH`, or undefined. */
export async function findOnPath(
  name: string,
  path: string | undefined,
): Promise<string | undefined> {
  if (name.includes("/")) return await isExecutable(name) ? name : undefined;
  for (const dir of (path ?? "").split(":").filter(Boolean)) {
    const candidate = `${dir}/${name}`;
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    const info = await Deno.stat(path);
    return info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * How each known viewer takes an address: TigerVNC/TightVNC's `vncviewer` reads `host::port`
 * (a single colon would be a display number), virt-viewer's `remote-viewer` a `vnc://` URL.
 */
function viewerArgs(program: string, host: string, port: number): string[] {
  const base = program.slice(program.lastIndexOf("/") + 1);
  if (/vncviewer/i.test(base)) return [`${host}::${port}`];
  return [`vnc://${host}:${port}`];
}

/** Viewers tried in order when `--viewer` is not given. */
export const KNOWN_VIEWERS = ["remote-viewer", "vncviewer", "xtigervncviewer"] as const;

/**
 * The viewer to start for `host:port`: `--viewer CMD` (its words, the address appended), else the
 * first known viewer on PATH, else macOS `open vnc://…`; undefined when there is none.
 */
export async function findViewer(
  host: string,
  port: number,
  options: { viewer?: string; path?: string; os: string },
): Promise<Launch | undefined> {
  if (options.viewer) {
    const [program, ...words] = options.viewer.split(/\s+/).filter(Boolean);
    const command = program && await findOnPath(program, options.path);
    return command ? { command, args: [...words, ...viewerArgs(program, host, port)] } : undefined;
  }
  for (const name of KNOWN_VIEWERS) {
    const command = await findOnPath(name, options.path);
    if (command) return { command, args: viewerArgs(name, host, port) };
  }
  if (options.os === "darwin") return { command: "open", args: [`vnc://${host}:${port}`] };
  return undefined;
}

/**
 * The program that opens `url` in the user's browser: `$BROWSER`, xdg-open, or macOS `open`.
 * `$BROWSER` is read as xdg-open and Python's webbrowser read it: commands separated by `:` (`;`
 * on Windows), the first one found wins; `%s` in a command stands for the URL (`%%` for `%`),
 * else the URL is its last argument.
 */
export async function findBrowser(
  url: string,
  options: { browser?: string; path?: string; os: string },
): Promise<Launch | undefined> {
  if (options.browser) {
    for (const entry of options.browser.split(options.os === "windows" ? ";" : ":")) {
      const [program, ...words] = entry.split(/\s+/).filter(Boolean);
      const command = program && await findOnPath(program, options.path);
      if (!command) continue;
      const placed = words.some((w) => w.includes("%s"));
      const args = words.map((w) => w.replace(/%(%|s)/g, (_, c) => c === "s" ? url : "%"));
      return { command, args: placed ? args : [...args, url] };
    }
    return undefined;
  }
  if (options.os === "darwin") return { command: "open", args: [url] };
  const opener = await findOnPath("xdg-open", options.path);
  return opener ? { command: opener, args: [url] } : undefined;
}
