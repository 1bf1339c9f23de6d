/**
 * kubectl's column alignment, reimplemented: `liggitt/tabwriter` with minwidth 6, padding 3,
 * pad char ' ' and `RememberWidths` (cli-runtime `printers/tabwriter.go`).
 *
 * Every column but the last is padded to max(6, widest cell + 3); the last cell of a row is
 * written as is. Widths are remembered across blocks, so watch rows keep lining up under the
 * header and only grow when a wider value arrives. Widths count code points of visible text, as
 * Go's tabwriter counts runes; ANSI colour is added after layout and never measured.
 * @module
 */

import { type Color, paint } from "./color.ts";

/** One table cell: plain (already escaped) text and an optional semantic colour. */
export interface Cell {
  text: string;
  color?: Color;
}

/** How one block of rows is drawn. */
export interface LayoutOptions {
  /** Apply cell colours. @default false */
  color?: boolean;
  /** Wrap the row at this index in a style (e.g. inverse video), or leave it plain. */
  rowStyle?: (index: number) => "inverse" | "bold" | undefined;
  /** Cut each line to this many visible characters (live view on a narrow terminal). */
  maxWidth?: number;
  /** Leave out the padding before empty last cells, so no line ends in blanks. @default false */
  trimTrailingBlanks?: boolean;
}

const MIN_WIDTH = 6;
const PADDING = 3;
/** Padding is cut from this rather than built per cell. */
const SPACES = " ".repeat(64);
const STYLES = { inverse: ["\x1b[7m", "\x1b[27m"], bold: ["\x1b[1m", "\x1b[22m"] } as const;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const HAS_HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Visible width as Go's tabwriter measures it: one per code point. */
export function textWidth(text: string): number {
  // UTF-16 length less one per surrogate pair: a string iterator per cell costs a cold process
  // about a millisecond per 100 rows, and most cells have no pairs at all.
  if (!HAS_HIGH_SURROGATE.test(text)) return text.length;
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/** The first `width` code points of `text`: the unit {@link textWidth} measures in. */
export function cut(text: string, width: number): string {
  return Array.from(text).slice(0, Math.max(0, width)).join("");
}

/** Aligns blocks of rows, remembering column widths between blocks. */
export class TabLayout {
  #widths: number[] = [];

  /** Cell widths (text + padding) remembered so far, for tests and diagnostics. */
  get widths(): readonly number[] {
    return this.#widths;
  }

  /**
   * Lay out one block: widths grow to fit it, then every row is drawn.
   * @returns the lines, each ending in "\n"; "" for no rows
   */
  format(rows: readonly (readonly Cell[])[], options: LayoutOptions = {}): string {
    // Each cell's width, measured once for both passes (rows after rows, cells in order).
    const cellWidths: number[] = [];
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const width = textWidth(row[i].text);
        cellWidths.push(width);
        // The last cell of a row ends with the newline, not a tab, so it is no column.
        if (i === row.length - 1) continue;
        const w = Math.max(MIN_WIDTH, width + PADDING);
        if (w > (this.#widths[i] ?? 0)) this.#widths[i] = w;
      }
    }
    let out = "";
    let first = 0;
    for (let index = 0; index < rows.length; index++) {
      out += this.#line(rows[index], index, options, cellWidths, first) + "\n";
      first += rows[index].length;
    }
    return out;
  }

  /** One row; its cells' widths are `cellWidths[first …]`. */
  #line(
    row: readonly Cell[],
    index: number,
    options: LayoutOptions,
    cellWidths: readonly number[],
    first: number,
  ): string {
    let out = "";
    let used = 0;
    const limit = options.maxWidth ?? Infinity;
    // kubectl's tabwriter pads every cell a tab ends, so a row whose last cells are empty (`-L
    // tier` without that label) ends in blanks; our own displays may drop them.
    let last = row.length - 1;
    if (options.trimTrailingBlanks) { while (last > 0 && row[last].text === "") last--; }
    for (let i = 0; i <= last && used < limit; i++) {
      const cell = row[i];
      const full = cellWidths[first + i];
      let text = used + full <= limit ? cell.text : cut(cell.text, limit - used);
      used += Math.min(full, limit - used);
      if (options.color && cell.color && text !== "") text = paint(text, cell.color);
      out += text;
      if (i < last) {
        const pad = Math.min(this.#widths[i] - full, limit - used);
        if (pad > 0) {
          out += pad <= SPACES.length ? SPACES.slice(0, pad) : " ".repeat(pad);
          used += pad;
        }
      }
    }
    const style = options.rowStyle?.(index);
    return style ? STYLES[style][0] + out + STYLES[style][1] : out;
  }
}
