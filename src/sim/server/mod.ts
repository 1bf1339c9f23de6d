/**
 * Public surface of the embedded API server used by `hyperctl sim` and the tests.
 * @module
 */

export { type SimServer, type SimServerOptions, startSimServer } from "./server.ts";
export type { SimTokens } from "./auth.ts";
export type { ResourceDef } from "./resource_defs.ts";
export type { SeedItem, SeedTarget } from "./seed_store.ts";
