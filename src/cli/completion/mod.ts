/**
 * Shell completion: `hyperctl completion bash|zsh|fish` and the hidden `hyperctl __complete`.
 * @module
 */

export {
  completeWords,
  type CompletionSources,
  type FetchNames,
  FILES_DIRECTIVE,
} from "./complete_words.ts";
export { completionScript, type Shell, SHELLS } from "./completion_script.ts";
export { type CompleteCommandOptions, fetchNames, runCompleteCommand } from "./run_completion.ts";
export {
  type CompletionArgument,
  type CompletionOption,
  type CompletionTree,
  treeFromSpec,
} from "./tree.ts";
