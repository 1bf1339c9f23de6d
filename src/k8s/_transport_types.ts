/**
 * The transport contract, apart from the code that picks an implementation (transport.ts), so the
 * two implementations can depend on it without depending on each other's chooser.
 * @module
 */

/** TLS and proxy settings of one connection; PEM strings. */
export interface TlsSettings {
  caData?: string;
  clientCertData?: string;
  clientKeyData?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  /** Kubeconfig user, for messages about a bad certificate. */
  username?: string;
}

/** One HTTP request as the client builds it. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** Sends requests; the body of the returned Response streams as it arrives. */
export interface Transport {
  send(request: TransportRequest): Promise<Response>;
  /** Releases pooled connections. */
  close(): void;
}
