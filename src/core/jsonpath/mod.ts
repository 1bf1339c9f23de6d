/**
 * kubectl's JSONPath template dialect: parse once, then execute per list or per watch event.
 * @module
 */

export { parseJsonPath } from "./parse.ts";
export {
  executeJsonPath,
  findJsonPathValues,
  JsonPathExecutionError,
  type JsonPathOptions,
} from "./evaluate.ts";
export { goSprint } from "./go_values.ts";
export type { ListNode as JsonPathTemplate } from "./nodes.ts";
