/**
 * The syntax tree of a kubectl JSONPath template, node for node as client-go's
 * `util/jsonpath/node.go` has it, so the evaluator can follow kubectl's semantics exactly.
 * @module
 */

/** One slice bound of `[a:b:c]`; `derived` marks the end of a single index `[a]` (a+1). */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A comparison of a filter; `exists` is `[?(@.x)]`. */
export type FilterOperator = "<" | ">" | "==" | "!=" | "<=" | ">=" | "exists";

/**
 * The test of `[?(…)]`: one comparison as kubectl has it, or comparisons joined by `&&`/`||`,
 * which kubectl rejects ("unrecognized character in action") and hyperctl accepts.
 */
export type FilterTest =
  | { operator: FilterOperator; left: ListNode; right: ListNode }
  | { operator: "&&" | "||"; tests: FilterTest[] };

/** A node of the template tree. */
export type JsonPathNode =
  | { type: "list"; nodes: JsonPathNode[] }
  | { type: "text"; text: string }
  | { type: "field"; name: string }
  | { type: "array"; params: [SliceParam, SliceParam, SliceParam] }
  | { type: "filter"; test: FilterTest }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: ListNode[] }
  | { type: "identifier"; name: string };

/** A sequence of nodes: the template root, one `{…}` action, or one side of a filter. */
export type ListNode = Extract<JsonPathNode, { type: "list" }>;

/** A new, empty list node. */
export function listNode(nodes: JsonPathNode[] = []): ListNode {
  return { type: "list", nodes };
}
