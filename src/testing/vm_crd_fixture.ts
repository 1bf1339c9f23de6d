/**
 * Test fixture: the trimmed VirtualMachine CRD in src/sim/server/testdata/, loaded once.
 * @module
 */

import { resourceDefsFromYaml } from "../sim/server/resource_defs.ts";

/** The fixture CRD's resource definition. */
export const VM_DEF = resourceDefsFromYaml(
  Deno.readTextFileSync(new URL("../sim/server/testdata/virtualmachines.yaml", import.meta.url)),
)[0];

/** A valid VM object for the fixture CRD. */
export function vm(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "hypersdk.io/v1alpha1",
    kind: "VirtualMachine",
    metadata: { name },
    spec: { cpus: 2, memory: "4Gi" },
    ...extra,
  };
}
