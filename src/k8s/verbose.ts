/**
 * One log line per request for `-v`, like kubectl's `-v=6`, with credentials removed.
 *
 * The line is built from the method, URL and status only; headers are never printed, and query
 * parameters that could carry a credential are redacted, so `-v` output is safe to paste.
 * @module
 */

/** What the transport knows about one finished (or failed) request. */
export interface RequestLogEntry {
  method: string;
  url: string;
  status?: number;
  statusText?: string;
  durationMs: number;
  /** Short reason when no response arrived. */
  error?: string;
  /** The Accept header, when the request asked for a conversion (`as=…`) rather than the object. */
  accept?: string;
}

const SECRET_PARAMS = /^(access_token|token|id_token|password|client_secret)$/i;

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  415: "Unsupported Media Type",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * `GET https://…/virtualmachines?limit=500 200 OK in 12ms`; a request for a conversion ends in
 * what it asked for, e.g. `(as=PartialObjectMetadataList)`.
 */
export function formatRequestLine(entry: RequestLogEntry): string {
  const line = requestLine(entry);
  const as = /;\s*as=([^;,\s]+)/.exec(entry.accept ?? "")?.[1];
  return as === undefined ? line : `${line} (as=${as})`;
}

function requestLine(entry: RequestLogEntry): string {
  const head = `${entry.method} ${redactUrl(entry.url)}`;
  const ms = `${Math.round(entry.durationMs)}ms`;
  if (entry.status === undefined) return `${head} failed in ${ms}: ${entry.error ?? "no response"}`;
  // HTTP/2 responses carry no reason phrase; use the standard one.
  const text = entry.statusText || STATUS_TEXT[entry.status] || "";
  return `${head} ${entry.status}${text ? ` ${text}` : ""} in ${ms}`;
}

/** Removes user info and credential-bearing query parameters from a URL. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.username || u.password) {
    u.username = "REDACTED";
    u.password = "";
  }
  for (const key of [...u.searchParams.keys()]) {
    if (SECRET_PARAMS.test(key)) u.searchParams.set(key, "REDACTED");
  }
  // URLSearchParams re-encodes ","/":" as %2C/%3A; keep selectors readable as kubectl does.
  return u.toString().replaceAll("%2C", ",").replaceAll("%3A", ":").replaceAll("%3D", "=")
    .replaceAll("%21", "!");
}
