/** hyperctl's version, kept in one place so `--version` needs no other import. */
export const VERSION = "0.1.0";
