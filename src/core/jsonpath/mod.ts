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
  printGroup,
} from "./evaluate.ts";
export { type ItemPart, type ItemWisePlan, itemWisePlan } from "./item_wise.ts";
export { goJson, goSprint } from "./go_values.ts";
export type { ListNode as JsonPathTemplate } from "./nodes.ts";
