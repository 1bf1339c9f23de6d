/**
 * A throwaway CA and a 127.0.0.1/localhost server certificate, generated at start in pure TS.
 *
 * The sim must speak HTTPS with a CA the kubeconfig can pin (kubectl refuses plain HTTP tokens
 * in practice), and must not depend on openssl being installed, hence WebCrypto + @peculiar/x509.
 * @module
 */

import * as x509 from "@peculiar/x509";

/** PEM material for `Deno.serve` and the kubeconfig. */
export interface ServerTls {
  /** The CA certificate (goes into the kubeconfig as certificate-authority-data). */
  caPem: string;
  /** The leaf certificate followed by the CA (the chain Deno.serve presents). */
  certPem: string;
  /** The leaf's PKCS#8 private key. */
  keyPem: string;
}

const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

function serial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] &= 0x7f; // positive INTEGER
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * Generate a CA and a leaf certificate valid for IP 127.0.0.1 and DNS localhost.
 *
 * `now` is a parameter so tests can pin validity; the certificate is back-dated one hour to
 * tolerate clock skew between processes.
 */
export async function generateServerTls(now: Date = new Date()): Promise<ServerTls> {
  x509.cryptoProvider.set(crypto);
  const notBefore = new Date(now.getTime() - 3600_000);
  const notAfter = new Date(now.getTime() + 365 * 86400_000);
  const caKeys = await crypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: "CN=hyperctl-sim-ca",
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leafKeys = await crypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: "CN=hyperctl-sim",
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        { type: "ip", value: "127.0.0.1" },
        { type: "dns", value: "localhost" },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const keyDer = await crypto.subtle.exportKey("pkcs8", leafKeys.privateKey);
  const caPem = ca.toString("pem") + "\n";
  return {
    caPem,
    certPem: leaf.toString("pem") + "\n" + caPem,
    keyPem: pem("PRIVATE KEY", keyDer),
  };
}
