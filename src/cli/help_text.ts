/** Help text shared by `--help` and the README: the exit-code contract. */
export const EXIT_CODES_HELP = `
Exit codes:
  0    success (including an empty list)
  1    error talking to the cluster or from the cluster
  2    bad usage or bad input; nothing was sent
  3    timed out waiting (--wait --timeout, op wait, wait)
  4    the operation ended Failed or Cancelled; the awaited state can no longer come
  5    a watch was lost and could not be re-established (or --for ended while the
       cluster was unreachable)
  6    --state-file was saved on another cluster (recreated at the same URL)
  7    stdout or a file (the state file) could not be written, e.g. disk full
  130  interrupted (SIGINT), 143 terminated (SIGTERM)

Environment:
  HYPERCTL_WATCH_IDLE_TIMEOUT  silence after which a watch stream counts as dead (default 90s)
`;
