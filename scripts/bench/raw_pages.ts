/**
 * The floor of a paginated list: a plain keep-alive HTTPS client fetching the same pages a list
 * fetches (`limit`/`continue`) and parsing each, printing nothing. Run as its own process by the
 * `--scale` bench, so its time and peak RSS compare with hyperctl's and kubectl's.
 *
 * Usage: RAW_SERVER=… RAW_CA_FILE=… RAW_TOKEN=… deno run -A raw_pages.ts PATH CHUNK [WHAT]
 * — WHAT `metadata` asks for each item's metadata only, as hyperctl's `-o name` does; `rows` for
 * server-side table rows with nothing beside their cells and `rows-metadata` for rows with their
 * objects' metadata, as hyperctl's table asks in one namespace and under `-A` — prints one
 * JSON line: `{"pages","items","bytes","firstPageMs","totalMs"}` (milliseconds since the process
 * started). The bench reads the kubeconfig (`endpoint`) and passes what it found in the
 * environment, so this process loads no YAML library: its start-up is a bare `deno run`.
 * @module
 */

import { METADATA_LIST_ACCEPT, TABLE_LIST_ACCEPT } from "../../src/k8s/_partial_metadata.ts";

interface Kubeconfig {
  "current-context"?: string;
  contexts?: { name: string; context: { cluster: string; user: string } }[];
  clusters?: {
    name: string;
    cluster: {
      server: string;
      "certificate-authority-data"?: string;
      "certificate-authority"?: string;
    };
  }[];
  users?: { name: string; user: { token?: string } }[];
}

/** Server, CA and bearer token of the kubeconfig's current context. */
export async function endpoint(
  path: string,
): Promise<{ server: string; ca: string; token: string }> {
  const { parse } = await import("yaml");
  const kc = parse(await Deno.readTextFile(path)) as Kubeconfig;
  const ctx = kc.contexts?.find((c) => c.name === kc["current-context"])?.context;
  const cluster = kc.clusters?.find((c) => c.name === ctx?.cluster)?.cluster;
  const token = kc.users?.find((u) => u.name === ctx?.user)?.user.token;
  if (!cluster || !token) throw new Error(`${path}: no server or token in the current context`);
  const ca = cluster["certificate-authority-data"]
    ? atob(cluster["certificate-authority-data"])
    : await Deno.readTextFile(cluster["certificate-authority"] ?? "");
  return { server: cluster.server, ca, token };
}

/** The Accept header and extra query of a page request for WHAT (see the usage above). */
export function pageRequest(what: string | undefined): { accept: string; query: string } {
  switch (what) {
    case "metadata":
      return { accept: METADATA_LIST_ACCEPT, query: "" };
    case "rows":
      return { accept: TABLE_LIST_ACCEPT, query: "&includeObject=None" };
    case "rows-metadata":
      return { accept: TABLE_LIST_ACCEPT, query: "&includeObject=Metadata" };
    case undefined:
      return { accept: "application/json", query: "" };
    default:
      throw new RangeError(`unknown page kind "${what}"`);
  }
}

async function main([path, chunk, what]: string[]): Promise<void> {
  const { accept, query: extra } = pageRequest(what);
  const env = (name: string) => Deno.env.get(name) ?? "";
  const [server, token] = [env("RAW_SERVER"), env("RAW_TOKEN")];
  const ca = await Deno.readTextFile(env("RAW_CA_FILE"));
  const client = Deno.createHttpClient({ caCerts: [ca] });
  let token_ = "";
  let pages = 0, items = 0, bytes = 0, firstPageMs = NaN;
  do {
    const query = `limit=${chunk}${extra}` +
      (token_ ? `&continue=${encodeURIComponent(token_)}` : "");
    const res = await fetch(`${server}${path}?${query}`, {
      client,
      headers: { authorization: `Bearer ${token}`, accept },
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${res.status}: ${text.slice(0, 200)}`);
    const page = JSON.parse(text);
    if (pages === 0) firstPageMs = performance.now();
    pages++;
    bytes += text.length;
    // A Table's rows, or a list's items.
    items += (page.rows ?? page.items).length;
    token_ = page.metadata?.continue ?? "";
  } while (token_);
  client.close();
  console.log(JSON.stringify({ pages, items, bytes, firstPageMs, totalMs: performance.now() }));
}

if (import.meta.main) await main(Deno.args);
