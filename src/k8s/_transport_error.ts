/**
 * Turns what fetch / node:https throw into a `TransportError` a user can act on.
 *
 * Deno's fetch reports every failure as `TypeError: fetch failed` with the real reason buried in
 * a rustls/hyper message in `cause`; node:https uses `code`s. Both end up as one short phrase.
 * @module
 */

import { TransportError, type TransportFailure } from "./errors.ts";

/** Classifies a low-level error for `url` (the request URL, without credentials). */
export function toTransportError(err: unknown, url: string): TransportError {
  if (err instanceof TransportError) return err;
  const [failure, detail] = classify(err);
  return new TransportError(failure, url, detail, { cause: err });
}

// The same failure reads the same whether fetch (by message) or node:https (by code) reported it.
const REFUSED = "connection refused";
const NO_SUCH_HOST = "no such host (DNS lookup failed)";
const RESET = "connection reset by the server";
const UNKNOWN_CA =
  "certificate signed by unknown authority (check certificate-authority in the kubeconfig)";

/** Deno's fetch failures, recognised by their message anywhere along the `cause` chain. */
const MESSAGE_RULES: readonly [RegExp, TransportFailure, (m: RegExpMatchArray) => string][] = [
  [
    /Requests to port (\d+) are blocked/i,
    "blocked-port",
    (m) => `port ${m[1]} is blocked by the fetch standard (a "bad port"); use another port`,
  ],
  [/connection refused/i, "refused", () => REFUSED],
  [/dns error|failed to lookup address|name or service not known/i, "dns", () => NO_SUCH_HOST],
  [
    /received fatal alert: (BadCertificate|UnknownCA|CertificateRequired|CertificateUnknown)/i,
    "tls",
    (m) => `the server rejected the client certificate (${m[1]})`,
  ],
  [/UnknownIssuer|self[- ]signed/i, "tls", () => UNKNOWN_CA],
  [
    /certificate not valid for name "([^"]*)"; certificate is only valid for (.*)$/im,
    "tls",
    (m) =>
      `the server certificate is not valid for "${m[1]}" (it is valid for ${
        m[2].replace(/DnsName\("([^"]*)"\)/g, "$1").replace(/IpAddress\(([^)]*)\)/g, "$1")
      }; set tls-server-name if this is expected)`,
  ],
  [/NotValidForName/i, "tls", () => "the server certificate is not valid for this host name"],
  [
    /invalid peer certificate: (Expired|NotValidYet)/i,
    "tls",
    () => "the server certificate has expired or is not yet valid",
  ],
  [/invalid peer certificate: (.*)$/im, "tls", (m) => `invalid server certificate: ${m[1]}`],
  [/received fatal alert: (\w+)/i, "tls", (m) => `the server rejected the handshake (${m[1]})`],
  [/connection reset|ECONNRESET|broken pipe/i, "reset", () => RESET],
  [
    /connection closed before message completed|unexpected eof|incomplete message|error reading a body/i,
    "reset",
    () => "the server closed the connection",
  ],
];

function classify(err: unknown): [TransportFailure, string] {
  const e = err as { message?: string; code?: string; cause?: unknown };
  const code = typeof e?.code === "string" ? e.code : "";
  const node = byNodeCode(code, e?.message ?? "");
  if (node) return node;
  const text = messageChain(err);
  for (const [re, failure, detail] of MESSAGE_RULES) {
    const m = text.match(re);
    if (m) return [failure, detail(m)];
  }
  return ["other", cleanup(text)];
}

function byNodeCode(code: string, message: string): [TransportFailure, string] | undefined {
  switch (code) {
    case "ECONNREFUSED":
      return ["refused", REFUSED];
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return ["dns", NO_SUCH_HOST];
    case "ECONNRESET":
    case "EPIPE":
      return ["reset", RESET];
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return ["tls", UNKNOWN_CA];
    case "ERR_TLS_CERT_ALTNAME_INVALID": {
      const m = message.match(
        /(?:Host|IP): (.*?)\.? is not in the cert's (?:altnames|list): (.*)$/,
      );
      return [
        "tls",
        m
          ? `the server certificate is not valid for "${m[1]}" (it is valid for ${m[2].trim()})`
          : message.trim(),
      ];
    }
    case "CERT_HAS_EXPIRED":
      return ["tls", "the server certificate has expired"];
  }
  if (/unable to verify the first certificate/i.test(message)) {
    return ["tls", UNKNOWN_CA];
  }
  return undefined;
}

/** All messages along the `cause` chain, joined, so a rule can match any level. */
function messageChain(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    const m = (cur as { message?: unknown }).message;
    if (typeof m === "string") parts.push(m);
    else parts.push(String(cur));
    cur = (cur as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

/** Drops hyper's wrapping (`error sending request for url (…): client error (Connect): `). */
function cleanup(text: string): string {
  const lines = text.split("\n").filter((l) => l && l !== "fetch failed");
  const last = lines[lines.length - 1] ?? text;
  return last.replace(/^error sending request (for url|from) [^)]*\)?:?\s*/i, "")
    .replace(/client error \(\w+\):\s*/gi, "")
    .trim() || "unknown network error";
}
