/**
 * kubectl's template formats of `-o` (`-o jsonpath=…` and friends), which list and get accept,
 * in a file of their own so completion can offer them without loading the template parsers.
 * @module
 */

/** The `-o FORMAT=ARGUMENT` formats, in kubectl's order. */
export const TEMPLATE_FORMATS = [
  "jsonpath",
  "jsonpath-file",
  "jsonpath-as-json",
  "custom-columns",
  "custom-columns-file",
] as const;

/** One template format. */
export type TemplateFormat = typeof TEMPLATE_FORMATS[number];

/**
 * The flag only the commands that accept template formats take, so completion can tell them
 * apart from those limited to json|yaml|name.
 */
export const TEMPLATE_COMMAND_FLAG = "--allow-missing-template-keys";
