/**
 * Public surface of the renderers: formats, progress, live view, colour rules and sinks.
 * @module
 */

export {
  allowedFormats,
  isOutputFormat,
  type OutputFormat,
  type Renderer,
  type RenderEvent,
} from "./renderer.ts";
export { createRenderer, type RendererOptions } from "./create_renderer.ts";
export { type ColumnSet, formatColumnValue, objectColumns, type RowInput } from "./columns.ts";
export { localClockTime, withWatchColumns } from "./watch_columns.ts";
export { createTableRenderer, type TableRendererOptions } from "./table.ts";
export { createJsonRenderer, listOf } from "./json.ts";
export { createJsonLinesRenderer, jsonLine } from "./jsonl.ts";
export { createYamlRenderer, toYaml } from "./yaml.ts";
export { createNameRenderer, resourceName } from "./name.ts";
export { stripManagedFields, withoutManagedFields } from "./without_managed_fields.ts";
export { escapeCell, escapeTerminal } from "./escape.ts";
export { type Color, type ColorFlag, paint, phaseColor, shouldColor, stripAnsi } from "./color.ts";
export { formatPercent, type ProgressRow } from "./progress_model.ts";
export { createProgressLines, formatProgressLine, type ProgressLines } from "./progress_lines.ts";
export {
  createProgressBar,
  type ProgressBar,
  type ProgressBarOptions,
  progressFrame,
  redrawPrefix,
} from "./progress_bar.ts";
export {
  LIVE_ENTER,
  LIVE_EXIT,
  liveFrame,
  type LiveFrameOptions,
  liveKey,
  liveRedraw,
} from "./live.ts";
export {
  createSink,
  isBrokenPipe,
  memorySink,
  type Sink,
  stderrSink,
  stdoutSink,
  type WritableLike,
} from "./sink.ts";
