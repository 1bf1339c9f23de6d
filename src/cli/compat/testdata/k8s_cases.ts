/**
 * Shared cases of the compat tests: HyperSDK `k8s` arguments and the hyperctl argv they become.
 * @module
 */

/** The 30 `-op` values of reference/hypersdk-reference.md §2.3. */
export const REFERENCE_OPS = [
  "vm-create",
  "vm-list",
  "vm-get",
  "vm-delete",
  "vm-describe",
  "vm-start",
  "vm-stop",
  "vm-restart",
  "vm-clone",
  "vm-clone-from-snapshot",
  "vm-migrate",
  "vm-resize",
  "vm-snapshot-create",
  "vm-snapshot-list",
  "vm-snapshot-delete",
  "template-list",
  "template-get",
  "status",
  "backup-list",
  "backup-get",
  "backup-create",
  "backup-delete",
  "schedule-list",
  "schedule-create",
  "restore-list",
  "restore-create",
  "backup-schedule-create",
  "backup-schedule-list",
  "backup-schedule-get",
  "backup-schedule-delete",
];

/** HyperSDK argv (after "k8s") → hyperctl argv, written as strings split on spaces. */
export const CASES: [string, string][] = [
  // default op
  ["", "status"],
  // vm-list
  ["-op vm-list", "vm list -o yaml"],
  ["-op vm-list -status Running -watch", "vm list --status Running --watch -o yaml"],
  [
    "-op vm-list -status run,STOP -node n1 -selector app=web -min-cpus 2 -min-memory 8Gi " +
    "-all-namespaces -output json",
    "vm list --status Running,Stopped --node n1 -l app=web --min-cpus 2 --min-memory 8Gi -o json -A",
  ],
  ["-op vm-list -status P", "vm list --status Pending,Paused -o yaml"],
  ["-op vm-list -min-cpus 0 -output table -namespace prod", "vm list -n prod"],
  ["-op vm-list -output wide -kubeconfig /k", "vm list -o wide --kubeconfig /k"],
  ["-op vm-list -json", "vm list -o json"],
  ["-op vm-list -namespace prod -all-namespaces", "vm list -o yaml -A"],
  // vm-get / vm-describe
  ["-op vm-get -vm web-1", "vm get web-1 -o yaml"],
  ["-op=vm-get --vm=web-1 -watch -output json", "vm get web-1 -w -o json"],
  ["-op vm-get -vm web-1 -output table", "vm get web-1"],
  ["-op vm-describe -vm web-1 -namespace prod", "vm get web-1 -o yaml -n prod"],
  // vm-create
  ["-op vm-create -vm web-1", "vm create web-1 --cpus 2 --memory 4Gi -o yaml"],
  [
    "-op vm-create -vm web-1 -cpus 4 -memory 8Gi -image https://x/u.qcow2 -output json",
    "vm create web-1 --cpus 4 --memory 8Gi --image https://x/u.qcow2 -o json",
  ],
  [
    "-op vm-create -vm web-1 -image https://x/u.qcow2 -template ubuntu -output table",
    "vm create web-1 --cpus 2 --memory 4Gi --template ubuntu",
  ],
  [
    "-op vm-create -vm web-1 -gpus 0 -gpu-vendor amd -usb-vendor-id 1",
    "vm create web-1 --cpus 2 --memory 4Gi -o yaml",
  ],
  // vm-delete
  ["-op vm-delete -vm web-1", "vm delete web-1"],
  ["-op vm-delete -vm web-1 -force", "vm delete web-1 --yes"],
  // power
  ["-op vm-start -vm web-1", "vm start web-1 -o yaml"],
  ["-op vm-stop -vm web-1 -wait -force", "vm stop web-1 --wait -o yaml"],
  [
    "-op vm-restart -vm web-1 -wait -timeout 30 -output name",
    "vm restart web-1 --wait --timeout 30s -o name",
  ],
  // clone
  ["-op vm-clone -vm web-1 -target web-2", "vm clone web-1 --target web-2 -o yaml"],
  [
    "-op vm-clone -vm web-1 -target web-2 -wait -show-progress -timeout 600",
    "vm clone web-1 --target web-2 --wait --timeout 600s --show-progress -o yaml",
  ],
  [
    "-op vm-clone -vm web-1 -target web-2 -timeout 60 -show-progress",
    "vm clone web-1 --target web-2 -o yaml",
  ],
  [
    "-op vm-clone-from-snapshot -snapshot s1 -target web-2",
    "vm clone --from-snapshot s1 --target web-2 --start -o yaml",
  ],
  [
    "-op vm-clone-from-snapshot -snapshot s1 -target web-2 -vm web-1 -wait",
    "vm clone web-1 --from-snapshot s1 --target web-2 --start --wait -o yaml",
  ],
  // migrate, resize
  ["-op vm-migrate -vm web-1 -target-node node-2", "vm migrate web-1 --target-node node-2 -o yaml"],
  ["-op vm-resize -vm web-1 -memory 16Gi", "vm resize web-1 --memory 16Gi -o yaml"],
  ["-op vm-resize -vm web-1 -cpus 8 -wait", "vm resize web-1 --cpus 8 --wait -o yaml"],
  ["-op vm-resize -vm web-1 -cpus 2 -memory 4Gi", "vm resize web-1 --cpus 2 --memory 4Gi -o yaml"],
  // snapshots
  [
    "-op vm-snapshot-create -vm web-1 -snapshot s1 -include-memory -wait",
    "snapshot create web-1 --name s1 --include-memory --wait -o yaml",
  ],
  [
    "-op vm-snapshot-create -vm web-1 -snapshot s1 -include-memory=false",
    "snapshot create web-1 --name s1 -o yaml",
  ],
  ["-op vm-snapshot-list", "snapshot list"],
  ["-op vm-snapshot-list -all-namespaces -output yaml", "snapshot list -o yaml -A"],
  ["-op vm-snapshot-delete -snapshot s1", "snapshot delete s1"],
  ["-op vm-snapshot-delete -snapshot s1 -force", "snapshot delete s1 --yes"],
  // templates
  ["-op template-list", "template list"],
  ["-op template-get -template ubuntu", "template get ubuntu"],
  ["-op template-get -template ubuntu -output json", "template get ubuntu -o json"],
  // status
  ["-op status", "status"],
  ["-op status -json -kubeconfig /k", "status -o json --kubeconfig /k"],
  ["-op status -output json", "status -o json"],
  ["-op status -output yaml -json=false", "status -o yaml"],
  ["-op status -output table", "status"],
  // backups
  ["-op backup-list", "backup list"],
  ["-op backup-list -json -all-namespaces", "backup list -o json -A"],
  ["-op backup-list -output name", "backup list -o name"],
  ["-op backup-get -name db-1", "backup get db-1"],
  ["-op backup-create -vm db -bucket bk", "backup create db --dest-type s3 --bucket bk -o json"],
  [
    "-op backup-create -vm db -bucket bk -dest-type gcs -provider vsphere -carbon-aware",
    "backup create db --dest-type gcs --bucket bk --provider vsphere --carbon-aware -o json",
  ],
  ["-op backup-create -vm db -dest-type local", "backup create db --dest-type local -o json"],
  ["-op backup-delete -name db-1", "backup delete db-1"],
  ["-op backup-delete -name db-1 -force", "backup delete db-1 --yes"],
  // schedules
  ["-op schedule-list -json", "schedule list -o json"],
  [
    "-op schedule-create -name nightly -schedule 0_2_*_*_* -vm db -bucket bk",
    "schedule create nightly --cron 0_2_*_*_* --vm db --dest-type s3 --bucket bk -o json",
  ],
  // restores
  ["-op restore-list", "restore list"],
  [
    "-op restore-create -backup db-1 -vm db2 -power-on",
    "restore create --backup db-1 --vm db2 --power-on -o json",
  ],
  // backup schedules → BackupSchedule
  [
    "-op backup-schedule-create -name nightly -schedule 0_2_*_*_* -vm db -bucket bk",
    "schedule create nightly --cron 0_2_*_*_* --vm db --dest-type s3 --bucket bk --keep-successful 7 -o yaml",
  ],
  [
    "-op backup-schedule-create -name nightly -schedule 0_2_*_*_* -vm db -dest-type nfs " +
    "-keep-last 3 -quiesce-backup -include-memory-backup=false -output json",
    "schedule create nightly --cron 0_2_*_*_* --vm db --dest-type nfs --keep-successful 3 -o json",
  ],
  ["-op backup-schedule-list", "schedule list"],
  ["-op backup-schedule-get -name nightly", "schedule get nightly -o yaml"],
  ["-op backup-schedule-delete -name nightly -force", "schedule delete nightly --yes"],
];

// "_" stands for a space inside one argument (cron expressions).
export const split = (s: string) => s === "" ? [] : s.split(" ").map((a) => a.replaceAll("_", " "));
