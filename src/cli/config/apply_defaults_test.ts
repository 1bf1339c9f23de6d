import assert from "node:assert/strict";
import type { GlobalFlags } from "../deps.ts";
import { applyDefaults, configDefaults } from "./apply_defaults.ts";
import type { Config } from "./config_model.ts";

const full: Config = { output: "yaml", color: "never", namespace: "team-a", presets: {} };

Deno.test("applyDefaults() precedence: command line > config > unset", () => {
  const cases: [GlobalFlags, Config, GlobalFlags][] = [
    [{}, full, { output: "yaml", color: "never", namespace: "team-a" }],
    [
      { output: "json", color: "always", namespace: "dev" },
      full,
      { output: "json", color: "always", namespace: "dev" },
    ],
    [{ namespace: "dev", verbose: true }, full, {
      namespace: "dev",
      verbose: true,
      output: "yaml",
      color: "never",
    }],
    // No config namespace: left unset, so the kubeconfig context's namespace (then "default") applies.
    [{}, { presets: {} }, {}],
  ];
  for (const [globals, config, expected] of cases) {
    assert.deepEqual(applyDefaults(config, globals), expected);
  }
});

Deno.test("applyDefaults() uses given() to see through the parser's defaults", () => {
  // The parser fills --color with "auto" when it is not on the command line.
  const globals: GlobalFlags = { color: "auto", requestTimeout: "30s" };
  assert.equal(applyDefaults(full, globals).color, "auto");
  assert.equal(applyDefaults(full, globals, { given: () => false }).color, "never");
});

Deno.test("applyDefaults() leaves -o alone for commands that do not take the config output", () => {
  assert.equal(applyDefaults(full, {}, { output: false }).output, undefined);
  assert.deepEqual(configDefaults(full, { output: false }), {
    color: "never",
    namespace: "team-a",
  });
});
