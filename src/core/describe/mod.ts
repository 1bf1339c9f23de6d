/**
 * The describe view of an object: pure data built from the object, its related objects and the
 * events about it; `src/k8s/describe_sources.ts` fetches them, `src/render/describe_text.ts`
 * prints the view.
 * @module
 */

export {
  describeDocument,
  type DescribeInput,
  describeView,
  type RelatedObjects,
} from "./describe_view.ts";
export { relatedQueries, type RelatedQuery } from "./related_queries.ts";
export type { Cell, DescribeNode, DescribeView, FieldValue } from "./view.ts";
