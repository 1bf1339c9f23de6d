/**
 * Poll until a condition holds, for tests that wait on a cluster's asynchronous work.
 * @module
 */

/** Call `f` every 50 ms until it returns a value; throw after `ms`. */
export async function until<T>(
  what: string,
  f: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
