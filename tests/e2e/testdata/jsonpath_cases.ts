/**
 * The jsonpath parity corpus: templates kubectl 1.33 and hyperctl must print byte for byte the
 * same over the same objects (tests/e2e/output_parity_test.ts seeds them). Templates whose output
 * depends on Go's random map order (`.*` or `..` over a map with several matching keys) are left
 * out: hyperctl sorts those keys, kubectl does not.
 * @module
 */

/** Templates over the List of the seeded VMs (`vm list -o jsonpath=…`). */
export const JSONPATH_LIST: readonly string[] = [
  "{.items[*].metadata.name}",
  "{.items[0].metadata.name}",
  "{.items[-1].metadata.name}",
  "{.items[-2:].metadata.name}",
  "{.items[1:3].metadata.name}",
  "{.items[0:4:2].metadata.name}",
  "{.items[:2].metadata.name}",
  "{.items[0,2].metadata.name}",
  "{.items[1:1]}",
  "{.items[*].spec.cpus}",
  '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  "{range .items[*]}[{.metadata.name}]{end}",
  '{range .items[*]}{.metadata.name}{"\\n"}',
  "{range .items[*]}{range .status.conditions[*]}{.type},{end};{end}",
  '{range .items[?(@.spec.cpus>1)]}{.metadata.name}={.spec.memory}{"\\n"}{end}',
  "{range .items[*]}{$.kind}{end}",
  "{.items[?(@.spec.cpus>2)].metadata.name}",
  "{.items[?(@.spec.cpus<4)].metadata.name}",
  "{.items[?(@.spec.cpus==4)].metadata.name}",
  "{.items[?(@.spec.cpus!=4)].metadata.name}",
  "{.items[?(@.spec.cpus>=4)].metadata.name}",
  "{.items[?(@.spec.cpus<=2)].metadata.name}",
  '{.items[?(@.status.phase=="Running")].metadata.name}',
  "{.items[?(@.status.phase=='Stopped')].metadata.name}",
  "{.items[?(@.metadata.labels.env)].metadata.name}",
  "{.items[?(@.spec.running==false)].metadata.name}",
  '{.items[?(@.metadata.name<"m")].metadata.name}',
  "{.items[?(@.status.ipAddresses[0])].metadata.name}",
  "{.items[0].metadata.labels}",
  "{.items[0].metadata.annotations}",
  "{.items[0].metadata.annotations.note}",
  "{.items[0].spec}",
  "{.items[*].spec.disks}",
  "{.items[0].spec.disks[*].name}",
  "{.items[0].spec.disks[?(@.bootOrder==1)].size}",
  "{.items[0].spec.disks[1].size}",
  "{.items[*].status.conditions[*].type}",
  '{.items[*].status.conditions[?(@.type=="Ready")].status}',
  "{.items[0].status.conditions[0,1].type}",
  "{.items[0].status.ipAddresses}",
  "{.items[0].status.ipAddresses[0]}",
  "{..nodeName}",
  "{.items[0].status..type}",
  "{.items[0].metadata.name.*}",
  "{.items[*]['metadata.name']}",
  "{.items[0].metadata['name','namespace']}",
  "{.items[*].metadata.labels['hypersdk\\.io/owner']}",
  "{.items[*].metadata.labels.hypersdk\\.io/owner}",
  "{.items[*].metadata.managedFields[0].manager}",
  "{.items[0].metadata.creationTimestamp}",
  "{.items[*].nope}",
  "{.kind} {.apiVersion}",
  "{.metadata}",
  "{@.kind}{$.apiVersion}",
  "hello {.kind} world",
  '{"a\\u00e9\\x41\\101"}',
  "{'it\\'s'}",
];

/** Templates over one object (`vm get web-1 -o jsonpath=…`). */
export const JSONPATH_GET: readonly string[] = [
  "{.metadata.name}",
  '{.spec.cpus}{"\\n"}',
  "{.metadata.labels}",
  "{.spec.disks[-1:].name}",
  '{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}',
  '{.status.conditions[?(@.type=="Ready")].status}',
  "{..nodeName}",
  "{@}",
  "{$.kind}",
  "{.metadata.managedFields[*].operation}",
  "{.status.ipAddresses[*]}",
];

/** Templates kubectl refuses (exit 1) and hyperctl refuses before sending anything (exit 2). */
export const JSONPATH_ERRORS: readonly string[] = [
  "{.items[0",
  "{.items[0].metadata.name",
  "{.items[?(@.a==1)}",
  "{.items[?(@.a==1",
  "{'abc}",
  "{.items[x]}",
  "{.items....name}",
  "{.items[0].metadata & .kind}",
  "{1.2.3}",
  '{"\\q"}',
  "{foo}",
  "{end}",
];
