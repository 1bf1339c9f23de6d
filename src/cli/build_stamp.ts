/**
 * What the build wrote into this copy of hyperctl: the release version, git commit and build date.
 *
 * In a checkout the stamp is empty and version.ts falls back to deno.json's version. The build
 * (`deno task build`, `deno task release`) bundles a staged copy of the sources in which this
 * file is replaced by the text `stampModule()` writes (scripts/release/stamp.ts), so the checkout
 * itself never changes.
 * @module
 */

/** One build's identity. */
export interface BuildStamp {
  /** Release version without the leading "v", e.g. 0.2.0. */
  version: string;
  /** Full git commit the build was made from ("" when unknown). */
  commit: string;
  /** Build time, RFC 3339 in UTC. */
  date: string;
}

/** The stamp of this build; undefined when running from a checkout. */
export const BUILD_STAMP: BuildStamp | undefined = undefined;
