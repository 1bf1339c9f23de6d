/**
 * HyperSDK compatibility: `hyperctl k8s -op …`.
 * @module
 */

export { type K8sTranslation, translateK8sArgs } from "./translate.ts";
export { OPS, type OpSpec } from "./ops.ts";
export { k8sHelp } from "./help.ts";
export { type K8sLine, k8sLine } from "./line.ts";
