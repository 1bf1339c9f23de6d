/**
 * The simulated HyperSDK operator: drives VMs, operations, snapshots, templates, backups,
 * restores and schedules the way HyperSDK's controllers do (reference §3–4), bugs fixed.
 * @module
 */

export { type Operator, type OperatorOptions, startOperator } from "./operator.ts";
export type { Pace } from "./pace.ts";
export { FAULT_ANNOTATION, type FaultEffect, type FaultRule, type FaultRules } from "./faults.ts";
export { CREATED_BY_ANNOTATION } from "./plan.ts";
export { SCHEDULE_LABEL } from "./reconcile_schedule.ts";
