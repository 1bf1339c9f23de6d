/**
 * hyperctl's version, kept in one place so `--version` needs no other import: the build's stamp,
 * else deno.json's version (the source of truth for a checkout).
 * @module
 */

import project from "../../deno.json" with { type: "json" };
import { BUILD_STAMP } from "./build_stamp.ts";

/** The version `--version` prints, without a leading "v". */
export const VERSION: string = BUILD_STAMP?.version ?? project.version;
