/**
 * Sends one API request with everything around it: credentials, per-request timeout, one retry
 * after a 401 when an exec plugin can mint a new credential, `-v` logging, and typed errors.
 * @module
 */

import { isStatus, type Status } from "../core/types.ts";
import type { Credentials } from "./_credentials.ts";
import { toTransportError } from "./_transport_error.ts";
import { ApiError, type RequestInfo, TransportError } from "./errors.ts";
import { createTransport, type TlsSettings, type Transport } from "./transport.ts";
import { formatRequestLine } from "./verbose.ts";

/** Options of `Requester`. */
export interface RequesterOptions {
  server: string;
  tls: TlsSettings;
  credentials: Credentials;
  username?: string;
  /** @default 30000 */
  requestTimeoutMs?: number;
  log?: (line: string) => void;
  /** @default "hyperctl" */
  userAgent?: string;
}

/** One request: what it is (for errors) and what to send. */
export interface ApiRequest {
  info: Omit<RequestInfo, "url" | "method">;
  method: string;
  /** Path plus optional query, appended to the server URL. */
  path: string;
  query?: URLSearchParams;
  body?: string;
  contentType?: string;
  /** @default "application/json" */
  accept?: string;
  signal?: AbortSignal;
}

/** A streaming response whose timeout ended once the headers arrived. */
export interface OpenStream {
  response: Response;
  url: string;
  /** Aborts the request; errors after this are the caller's own doing. */
  controller: AbortController;
}

/** Sends requests for one cluster/user pair. */
export class Requester {
  readonly #o: RequesterOptions;
  readonly #transports = new Map<string, Transport>();

  constructor(options: RequesterOptions) {
    this.#o = options;
  }

  /** Request whose whole exchange (headers and body) must finish within the timeout. */
  async json<T>(req: ApiRequest): Promise<T> {
    const controller = new AbortController();
    return await this.#withTimeout(req, controller, async (url, res) => {
      const text = await res.text();
      if (text === "") return {} as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new TransportError("protocol", url, `response is not JSON: ${text.slice(0, 80)}`);
      }
    });
  }

  /** Request for a stream (watch): the timeout covers only the wait for response headers. */
  async stream(req: ApiRequest): Promise<OpenStream> {
    const controller = new AbortController();
    let url = "";
    const response = await this.#withTimeout(req, controller, (u, res) => {
      url = u;
      return Promise.resolve(res);
    });
    return { response, url, controller };
  }

  /** Closes pooled connections. */
  close(): void {
    for (const t of this.#transports.values()) t.close();
    this.#transports.clear();
  }

  async #withTimeout<T>(
    req: ApiRequest,
    controller: AbortController,
    consume: (url: string, res: Response) => Promise<T>,
  ): Promise<T> {
    const timeoutMs = this.#o.requestTimeoutMs ?? 30000;
    const url = `${this.#o.server}${req.path}${req.query?.size ? `?${req.query}` : ""}`;
    const timedOut = new TransportError("timeout", url, formatMs(timeoutMs));
    // AbortSignal.timeout, not setTimeout: a process's first setTimeout costs Deno 2.9 ~5 ms
    // (bench/FINDINGS.md), and a short command sends one request. Its timer does not keep the
    // process alive; removing the listener in `finally` is what ends the timeout.
    const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const onTimeout = () => controller.abort(timedOut);
    timeout?.addEventListener("abort", onTimeout, { once: true });
    const onOuterAbort = () => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) onOuterAbort();
    req.signal?.addEventListener("abort", onOuterAbort, { once: true });
    try {
      const res = await this.#send(req, url, controller.signal);
      return await consume(url, res);
    } catch (e) {
      if (controller.signal.aborted) throw controller.signal.reason; // our timeout or the caller's abort
      throw e;
    } finally {
      timeout?.removeEventListener("abort", onTimeout);
      req.signal?.removeEventListener("abort", onOuterAbort);
    }
  }

  /** Sends, retrying once after a 401 when the credential can be refreshed; throws ApiError. */
  async #send(req: ApiRequest, url: string, signal: AbortSignal): Promise<Response> {
    for (let attempt = 0;; attempt++) {
      const auth = await this.#o.credentials.current();
      const headers: Record<string, string> = {
        Accept: req.accept ?? "application/json",
        "User-Agent": this.#o.userAgent ?? "hyperctl",
      };
      if (req.contentType) headers["Content-Type"] = req.contentType;
      if (auth.authorization) headers.Authorization = auth.authorization;
      const transport = this.#transport(auth.clientCertData, auth.clientKeyData);
      const started = performance.now();
      let res: Response;
      try {
        res = await transport.send({ method: req.method, url, headers, body: req.body, signal });
      } catch (e) {
        if (signal.aborted) {
          this.#log({ method: req.method, url, started, error: abortText(signal.reason) });
          throw signal.reason;
        }
        const err = toTransportError(e, url);
        this.#log({ method: req.method, url, started, error: err.detail });
        throw err;
      }
      this.#log({ method: req.method, url, started, res, accept: req.accept });
      if (res.ok) return res;
      const raw = await res.text().catch(() => "");
      if (res.status === 401 && attempt === 0 && this.#o.credentials.invalidate()) continue;
      throw new ApiError(
        res.status,
        { ...req.info, method: req.method, url },
        parseStatus(raw),
        { username: this.#o.username, hasCredentials: this.#o.credentials.configured },
        raw,
      );
    }
  }

  #transport(cert?: string, key?: string): Transport {
    const k = `${cert ?? ""}\n${key ?? ""}`;
    let t = this.#transports.get(k);
    if (!t) {
      t = createTransport({ ...this.#o.tls, clientCertData: cert, clientKeyData: key });
      this.#transports.set(k, t);
    }
    return t;
  }

  #log(
    e: {
      method: string;
      url: string;
      started: number;
      res?: Response;
      error?: string;
      accept?: string;
    },
  ): void {
    if (!this.#o.log) return;
    this.#o.log(formatRequestLine({
      method: e.method,
      url: e.url,
      accept: e.accept,
      status: e.res?.status,
      statusText: e.res?.statusText,
      durationMs: performance.now() - e.started,
      error: e.error,
    }));
  }
}

function parseStatus(raw: string): Status | undefined {
  try {
    const v = JSON.parse(raw);
    return isStatus(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function abortText(reason: unknown): string {
  return reason instanceof TransportError ? reason.message : "aborted";
}

/** `30s`, `1.5s`, `500ms`: how the timeout reads in messages. */
function formatMs(ms: number): string {
  return ms % 1000 === 0 || ms > 1000 ? `${ms / 1000}s` : `${ms}ms`;
}
