import { deepEqual, equal, ok, throws } from "node:assert/strict";
import fc from "fast-check";
import { InputError } from "../outcomes.ts";
import {
  formatGoDefaults,
  type GoFlagDef,
  type GoFlagsResult,
  parseGoFlags,
  parseGoInt,
} from "./go_flags.ts";

const DEFS: GoFlagDef[] = [
  { name: "op", type: "string", default: "status", usage: "operation" },
  { name: "vm", type: "string", default: "", usage: "vm" },
  { name: "cpus", type: "int", default: 2, usage: "cpus" },
  { name: "wait", type: "bool", default: false, usage: "wait" },
  { name: "quiesce", type: "bool", default: true, usage: "quiesce" },
];

function parse(args: string[]): GoFlagsResult {
  const r = parseGoFlags(DEFS, args);
  if ("help" in r) throw new Error("unexpected help");
  return r;
}

Deno.test("defaults apply and nothing counts as set", () => {
  const r = parse([]);
  deepEqual(Object.fromEntries(r.values), {
    op: "status",
    vm: "",
    cpus: 2,
    wait: false,
    quiesce: true,
  });
  equal(r.set.size, 0);
  deepEqual(r.rest, []);
});

Deno.test("-flag value, -flag=value, --flag value and --flag=value are the same", () => {
  for (const args of [["-vm", "a"], ["-vm=a"], ["--vm", "a"], ["--vm=a"]]) {
    const r = parse(args);
    equal(r.values.get("vm"), "a", args.join(" "));
    ok(r.set.has("vm"));
  }
});

Deno.test("a value may contain '=' and may be empty", () => {
  equal(parse(["-vm=a=b"]).values.get("vm"), "a=b");
  const r = parse(["-vm="]);
  equal(r.values.get("vm"), "");
  ok(r.set.has("vm"), "set even though empty");
});

Deno.test("bool flags: -wait, -wait=true, -wait=false, Go's ParseBool spellings", () => {
  equal(parse(["-wait"]).values.get("wait"), true);
  equal(parse(["--wait=true"]).values.get("wait"), true);
  equal(parse(["-wait=1"]).values.get("wait"), true);
  equal(parse(["-wait=T"]).values.get("wait"), true);
  equal(parse(["-wait", "-wait=false"]).values.get("wait"), false);
  equal(parse(["-quiesce=False"]).values.get("quiesce"), false);
  equal(parse(["-quiesce=0"]).values.get("quiesce"), false);
  throws(
    () => parse(["-wait=yes"]),
    (e: Error) =>
      e instanceof InputError && e.message.includes(`invalid boolean value "yes" for -wait`),
  );
});

Deno.test("a bool flag does not take the next argument: -wait false stops parsing", () => {
  const r = parse(["-wait", "false", "-vm", "a"]);
  equal(r.values.get("wait"), true);
  equal(r.values.get("vm"), "", "-vm after the positional is not parsed");
  deepEqual(r.rest, ["false", "-vm", "a"]);
});

Deno.test("parsing stops at the first positional argument", () => {
  const r = parse(["-op", "vm-list", "vm", "list", "-cpus", "4"]);
  equal(r.values.get("op"), "vm-list");
  equal(r.values.get("cpus"), 2);
  deepEqual(r.rest, ["vm", "list", "-cpus", "4"]);
});

Deno.test("'--' ends the flags and is consumed; a lone '-' is positional", () => {
  deepEqual(parse(["-wait", "--", "-vm", "a"]).rest, ["-vm", "a"]);
  deepEqual(parse(["-wait", "-", "-vm"]).rest, ["-", "-vm"]);
});

Deno.test("a non-bool flag takes the next argument even when it starts with '-'", () => {
  const r = parse(["-vm", "-op", "-cpus", "-3"]);
  equal(r.values.get("vm"), "-op");
  equal(r.values.get("cpus"), -3);
  equal(r.values.get("op"), "status");
});

Deno.test("the last occurrence wins", () => {
  equal(parse(["-cpus", "4", "--cpus=8"]).values.get("cpus"), 8);
});

Deno.test("int flags use strconv.ParseInt base 0", () => {
  equal(parse(["-cpus", "0x10"]).values.get("cpus"), 16);
  equal(parse(["-cpus", "010"]).values.get("cpus"), 8);
  equal(parse(["-cpus", "0b11"]).values.get("cpus"), 3);
  equal(parse(["-cpus", "+7"]).values.get("cpus"), 7);
  equal(parse(["-cpus", "0"]).values.get("cpus"), 0);
  for (const bad of ["abc", "4.5", "", "08", "1e3", "9007199254740993"]) {
    throws(
      () => parse(["-cpus", bad]),
      (e: Error) =>
        e instanceof InputError &&
        e.message.includes(`invalid value ${JSON.stringify(bad)} for -cpus`),
    );
  }
});

Deno.test("parseGoInt agrees with Number for decimal integers", () => {
  fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => parseGoInt(String(n)) === n));
});

Deno.test("-name=value and -name value give the same value for any string", () => {
  fc.assert(fc.property(fc.string(), fc.boolean(), (value, twoDashes) => {
    const dash = twoDashes ? "--" : "-";
    return parse([`${dash}vm=${value}`]).values.get("vm") === value &&
      parse([`${dash}vm`, value]).values.get("vm") === value;
  }));
});

Deno.test("unknown flags are usage errors naming the flag, with a hint", () => {
  throws(
    () => parse(["-o", "json"]),
    (e: Error) =>
      e instanceof InputError && e.message.includes("flag provided but not defined: -o"),
  );
  throws(
    () => parse(["--cpu", "4"]),
    (e: Error) =>
      e instanceof InputError && /not defined: -cpu \(did you mean -cpus\?\)/.test(e.message),
  );
});

Deno.test("-h, -help and --help ask for help unless defined", () => {
  for (const h of ["-h", "-help", "--help", "--h"]) {
    deepEqual(parseGoFlags(DEFS, ["-op", "x", h, "-unknown"]), { help: true }, h);
  }
  const withH = parseGoFlags([...DEFS, { name: "h", type: "bool", default: false, usage: "" }], [
    "-h",
  ]);
  ok(!("help" in withH), "a defined -h is an ordinary flag");
});

Deno.test("syntax errors: missing argument, bad flag syntax", () => {
  throws(() => parse(["-vm"]), /flag needs an argument: -vm/);
  throws(() => parse(["---vm", "a"]), /bad flag syntax: ---vm/);
  throws(() => parse(["-=a"]), /bad flag syntax: -=a/);
});

Deno.test("formatGoDefaults follows Go's PrintDefaults layout", () => {
  equal(
    formatGoDefaults(DEFS.slice(0, 4)),
    "  -cpus int\n    \tcpus (default 2)\n" +
      '  -op string\n    \toperation (default "status")\n' +
      "  -vm string\n    \tvm\n" +
      "  -wait\n    \twait\n",
  );
});
