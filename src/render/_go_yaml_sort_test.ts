import { deepEqual, equal } from "node:assert/strict";
import { keyLess, sortKeys } from "./_go_yaml_sort.ts";

Deno.test("sortKeys() orders keys as go-yaml's keyList.Less", () => {
  const cases: string[][] = [
    ["disk1", "disk2", "disk10", "disk10a"],
    ["a-b", "a.b", "a_b", "a~b", "aB", "ab"], // non-letters before letters, by code point
    ["x1", "x01", "x001", "x2"], // equal numbers: the shorter run first
    ["x9", "x10", "x19", "x100"],
    ["", "0", "1", "9", "10", "A", "Z", "a", "é", "日"],
    ["٣", "a"], // a Unicode digit is not a letter
    ["\u{13460}", "a"], // a letter only since Unicode 16, not in kubectl's Go
  ];
  for (const sorted of cases) {
    deepEqual(sortKeys([...sorted].reverse()), sorted);
    deepEqual(sortKeys([...sorted]), sorted);
  }
});

Deno.test("keyLess() wraps digit runs as Go's int64 does", () => {
  // 18446744073709551615 wraps to -1, so it sorts before 0.
  equal(keyLess("a18446744073709551615", "a0"), true);
  // 9223372036854775808 wraps to the least int64.
  equal(keyLess("a9223372036854775808", "a1"), true);
  equal(keyLess("a9223372036854775807", "a1"), false);
});
