/**
 * The project's CRDs, embedded as text: `hyperctl sim` then needs no files beside the program,
 * so a bundle or a compiled binary serves the same schemas. deploy/crds/ stays the one source
 * (the real test API server reads the directory); crds_test.ts keeps this list complete.
 * @module
 */

import backupJobs from "../../deploy/crds/hypersdk.io_backupjobs.yaml" with { type: "text" };
import backupSchedules from "../../deploy/crds/hypersdk.io_backupschedules.yaml" with {
  type: "text",
};
import restoreJobs from "../../deploy/crds/hypersdk.io_restorejobs.yaml" with { type: "text" };
import virtualMachines from "../../deploy/crds/hypersdk.io_virtualmachines.yaml" with {
  type: "text",
};
import vmOperations from "../../deploy/crds/hypersdk.io_vmoperations.yaml" with { type: "text" };
import vmSnapshots from "../../deploy/crds/hypersdk.io_vmsnapshots.yaml" with { type: "text" };
import vmTemplates from "../../deploy/crds/hypersdk.io_vmtemplates.yaml" with { type: "text" };

/** Every CRD YAML file of deploy/crds/, by file name. */
export const EMBEDDED_CRDS: Readonly<Record<string, string>> = {
  "hypersdk.io_backupjobs.yaml": backupJobs,
  "hypersdk.io_backupschedules.yaml": backupSchedules,
  "hypersdk.io_restorejobs.yaml": restoreJobs,
  "hypersdk.io_virtualmachines.yaml": virtualMachines,
  "hypersdk.io_vmoperations.yaml": vmOperations,
  "hypersdk.io_vmsnapshots.yaml": vmSnapshots,
  "hypersdk.io_vmtemplates.yaml": vmTemplates,
};
