/**
 * The describe view as data: labelled fields, nested sections and tables, with times kept as
 * timestamps so the text renderer turns them into ages against its own clock.
 * @module
 */

/** A timestamp shown as `RFC 3339 time (age ago)`. */
export interface TimeValue {
  time: string;
}

/** A field's value: plain cluster text or a time. */
export type FieldValue = string | TimeValue;

/**
 * A table cell: text, an age since a timestamp (with kubectl's `(xN over AGE)` for repeated
 * events), or the span between two timestamps (until now when `to` is missing).
 */
export type Cell =
  | string
  | { age: string | undefined; repeat?: { count: number; first: string | undefined } }
  | { span: { from: string | undefined; to: string | undefined } };

/** One element of the view, printed as kubectl's describers print it. */
export type DescribeNode =
  /** `Label:  value` */
  | { type: "field"; label: string; value: FieldValue }
  /** `Label:  a=b` then one further line per value; `<none>` when empty. */
  | { type: "lines"; label: string; values: readonly string[] }
  /** `Label:` then its children one level deeper. */
  | { type: "section"; label: string; children: readonly DescribeNode[] }
  /** `Label:` then a header, a dashed rule and the rows; `Label:  <none>` when there are none. */
  | {
    type: "table";
    label: string;
    columns: readonly string[];
    rows: readonly (readonly Cell[])[];
  };

/** What a describe shows of one object: its nodes in print order. */
export type DescribeView = readonly DescribeNode[];
