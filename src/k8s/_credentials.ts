/**
 * Per-request credentials: static token, token file (re-read each time so rotation works), basic
 * auth, or an exec plugin's token / client certificate. Kept apart from the request code so the
 * "retry once after 401 with a fresh exec credential" rule lives in one place.
 * @module
 */

import { ExecCredentialProvider } from "./exec_credential.ts";
import { KubeConfigError } from "./errors.ts";
import type { ResolvedConfig } from "./kubeconfig.ts";

/** What one request carries. */
export interface RequestAuth {
  authorization?: string;
  /** Client certificate/key PEM, when they come from the kubeconfig or an exec plugin. */
  clientCertData?: string;
  clientKeyData?: string;
}

/** Produces the auth of each request for one resolved config. */
export class Credentials {
  readonly #config: ResolvedConfig;
  readonly #exec?: ExecCredentialProvider;
  readonly #readTextFile: (path: string) => Promise<string>;

  constructor(
    config: ResolvedConfig,
    options: { readTextFile?: (path: string) => Promise<string>; exec?: ExecCredentialProvider } =
      {},
  ) {
    this.#config = config;
    this.#readTextFile = options.readTextFile ?? Deno.readTextFile;
    this.#exec = options.exec ?? (config.exec
      ? new ExecCredentialProvider(config.exec, {
        user: config.username,
        cluster: {
          server: config.server,
          caData: config.caData,
          tlsServerName: config.tlsServerName,
          insecureSkipTlsVerify: config.insecureSkipTlsVerify,
          proxyUrl: config.proxyUrl,
        },
      })
      : undefined);
  }

  /** True when the config names any credential (for the 401 message). */
  get configured(): boolean {
    const c = this.#config;
    return Boolean(
      c.token || c.tokenFile || c.basicAuth || c.exec || (c.clientCertData && c.clientKeyData),
    );
  }

  /** The auth for the next request. */
  async current(): Promise<RequestAuth> {
    const c = this.#config;
    const auth: RequestAuth = { clientCertData: c.clientCertData, clientKeyData: c.clientKeyData };
    if (this.#exec) {
      const cred = await this.#exec.get();
      if (cred.token) auth.authorization = `Bearer ${cred.token}`;
      if (cred.clientCertificateData && cred.clientKeyData) {
        auth.clientCertData = cred.clientCertificateData;
        auth.clientKeyData = cred.clientKeyData;
      }
      return auth;
    }
    if (c.token) auth.authorization = `Bearer ${c.token}`;
    else if (c.tokenFile) auth.authorization = `Bearer ${await this.#readToken(c.tokenFile)}`;
    else if (c.basicAuth) {
      const raw = new TextEncoder().encode(`${c.basicAuth.username}:${c.basicAuth.password}`);
      auth.authorization = `Basic ${btoa(String.fromCharCode(...raw))}`;
    }
    return auth;
  }

  /** After a 401: drop a cached exec credential; true when retrying could help. */
  invalidate(): boolean {
    if (!this.#exec) return false;
    this.#exec.invalidate();
    return true;
  }

  async #readToken(path: string): Promise<string> {
    try {
      return (await this.#readTextFile(path)).trim();
    } catch (e) {
      throw new KubeConfigError(`cannot read token file "${path}": ${(e as Error).message}`);
    }
  }
}
