/**
 * `hyperctl completion bash|zsh|fish`: the shell side of completion.
 *
 * The scripts are thin on purpose: they pass the words typed so far to the hidden
 * `hyperctl __complete WORDS…` and show what it prints, one candidate per line (`:files` alone
 * means "complete file names"). All the logic lives in complete_words.ts, tested once for every
 * shell.
 * @module
 */

/** Shells `hyperctl completion` supports. */
export const SHELLS = ["bash", "zsh", "fish"] as const;
/** One supported shell. */
export type Shell = typeof SHELLS[number];

const BASH = `# bash completion for hyperctl
#
# Load it in the current shell:   source <(hyperctl completion bash)
# Install it for every shell:     hyperctl completion bash > ~/.local/share/bash-completion/completions/hyperctl
#
# Candidates come from "hyperctl __complete WORDS...", one per line; resource names are fetched
# from the cluster with a 1 s limit and any failure just means no candidates.

_hyperctl_complete() {
    local i word glue=0
    local -a words=()
    # bash splits "--color=al" and "a:b" at COMP_WORDBREAKS; glue the pieces back together.
    for ((i = 1; i <= COMP_CWORD; i++)); do
        word=\${COMP_WORDS[i]}
        if ((\${#words[@]} > 0)) && [[ $word == "=" || $word == ":" || $glue == 1 ]]; then
            words[\${#words[@]}-1]+=$word
            [[ $word == "=" || $word == ":" ]] && glue=1 || glue=0
        else
            words+=("$word")
            glue=0
        fi
    done
    ((\${#words[@]} > 0)) || words=("")
    local cur=\${words[\${#words[@]}-1]}
    # bash replaces only the text after the last break character: drop what comes before it.
    local raw=\${COMP_WORDS[COMP_CWORD]} prefix
    if [[ $raw == "=" || $raw == ":" ]]; then prefix=$cur; else prefix=\${cur%"$raw"}; fi
    COMPREPLY=()
    local line
    while IFS= read -r line; do
        if [[ $line == ":files" ]]; then
            compopt -o filenames 2>/dev/null
            while IFS= read -r line; do
                COMPREPLY+=("$line")
            done < <(compgen -f -- "\${cur#"$prefix"}")
            return 0
        fi
        [[ -n $line && $line == "$prefix"* ]] && COMPREPLY+=("\${line#"$prefix"}")
    done < <("\${COMP_WORDS[0]}" __complete "\${words[@]}" 2>/dev/null)
    # "-o jsonpath=" wants its template right after the "=", "vm scp web-1:" its path after the ":".
    if ((\${#COMPREPLY[@]} == 1)) && [[ \${COMPREPLY[0]} == *[=:] ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -F _hyperctl_complete hyperctl
`;

const ZSH = `#compdef hyperctl
# zsh completion for hyperctl
#
# Load it in the current shell:   source <(hyperctl completion zsh)
# Install it:                     hyperctl completion zsh > "\${fpath[1]}/_hyperctl"
#
# Candidates come from "hyperctl __complete WORDS...", one per line.

_hyperctl() {
    local -a candidates
    local line cur=\${words[CURRENT]}
    for line in "\${(@f)$(\${words[1]} __complete "\${(@)words[2,CURRENT-1]}" "$cur" 2>/dev/null)}"; do
        [[ -n $line ]] && candidates+=("$line")
    done
    if [[ \${candidates[1]} == ":files" ]]; then
        [[ $cur == -*=* ]] && compset -P '*='
        _files
        return
    fi
    ((\${#candidates} > 0)) || return 1
    # "-o jsonpath=" wants its template right after the "=", "vm scp web-1:" its path after the ":".
    compadd -S '' -- \${(M)candidates:#*[=:]}
    compadd -- \${candidates:#*[=:]}
}

if [[ \${funcstack[1]} == "_hyperctl" ]]; then
    _hyperctl "$@"
else
    compdef _hyperctl hyperctl
fi
`;

const FISH = `# fish completion for hyperctl
#
# Load it in the current shell:   hyperctl completion fish | source
# Install it:                     hyperctl completion fish > ~/.config/fish/completions/hyperctl.fish
#
# Candidates come from "hyperctl __complete WORDS...", one per line.

function __hyperctl_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l cmd $tokens[1]
    set -e tokens[1]
    for line in ($cmd __complete $tokens "$current" 2>/dev/null)
        if test "$line" = ":files"
            set -l prefix (string match -r -- '^--[^=]*=' "$current")
            for path in (__fish_complete_path (string replace -r -- '^--[^=]*=' '' "$current"))
                echo "$prefix$path"
            end
            return
        end
        echo $line
    end
end

complete -c hyperctl -f -a '(__hyperctl_complete)'
`;

/**
 * The completion script for `shell`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { completionScript } from "./completion_script.ts";
 * assert.match(completionScript("bash"), /complete -F _hyperctl_complete hyperctl/);
 * ```
 */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case "bash":
      return BASH;
    case "zsh":
      return ZSH;
    case "fish":
      return FISH;
  }
}
