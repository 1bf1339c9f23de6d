/**
 * Seed the TLS library's random generator on a spare thread while the command's modules load.
 *
 * Why: Deno's TLS (rustls on aws-lc) gathers CPU jitter entropy the first time a process needs
 * randomness, about 30 ms of CPU (aws/aws-lc-rs#899, #1140). Left alone, that happens inside the
 * first handshake, on the main thread, where nothing can overlap it. WebCrypto's P-256 key
 * generation draws from the same process-wide generator but runs on Deno's blocking pool, so
 * starting it early moves the cost off the main thread. The key itself is thrown away.
 * @module
 */

let started: Promise<void> | undefined;

/** Start seeding once per process; never rejects, never waits. Returns the pending work. */
export function warmTlsEntropy(): Promise<void> {
  started ??= crypto.subtle
    .generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign"])
    .then(() => undefined, () => undefined);
  return started;
}
