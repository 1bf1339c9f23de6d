import { equal } from "node:assert/strict";
import { claimedByOtherType } from "./_go_yaml_resolve.ts";

Deno.test("claimedByOtherType() follows go-yaml's reader: bools, nulls, special floats", () => {
  for (
    const s of ["", "~", "y", "N", "yes", "Off", "TRUE", "null", "NULL", ".nan", "+.inf", "-.Inf"]
  ) {
    equal(claimedByOtherType(s), true, s);
  }
  for (const s of ["<<", "=", "Yes!", "nul", ".na", "True ", "yES", "ON_"]) {
    equal(claimedByOtherType(s), false, s);
  }
});

Deno.test("claimedByOtherType() follows Go's ParseInt, ParseUint and ParseFloat", () => {
  const claimed = [
    ...["0", "-1", "+1", "0755", "08", "0o644", "0O17", "-0o17", "+0o17", "0B1", "0b-1", "0b+1"],
    ...["0x1F", "0X1f", "0x_1", "1_000", "1_", "9223372036854775807", "-9223372036854775808"],
    ...["18446744073709551615", "18446744073709551616", "1e3", "1.", ".5", ".5_0", "+.5", "1e-400"],
  ];
  for (const s of claimed) equal(claimedByOtherType(s), true, s);
  const strings = [
    ...["0x", "0b", "0o", "0b2", "0o8", "-0b-1", "._5", ".5_", "1e400", ".1e400", "1e", "E5", "e5"],
    ...["0xFFFFFFFFFFFFFFFFF", "-18446744073709551616e", "1.2.3", "10.0.0.1", "4Gi", "-", "+"],
  ];
  for (const s of strings) equal(claimedByOtherType(s), false, s);
});

Deno.test("claimedByOtherType() follows the reader's time layouts and quotes sexagesimals", () => {
  const claimed = [
    ...["2026-01-01", "2026-1-1", "2000-02-29", "2026-01-01T00:00:00Z", "2026-1-1t1:2:3.5+05:00"],
    ...["2001-12-14 21:59:43.10", "2001-12-14   1:2:3", "2026-01-01T00:00:00,5-24:00", "1:20"],
    ...["190:20:30.5", "-1:0", "+1_0:59"],
  ];
  for (const s of claimed) equal(claimedByOtherType(s), true, s);
  const strings = [
    ...["2026-01-01T00:00:00", "2001-02-29", "2026-13-01", "2026-01-32", "2026-01-01T24:00:00Z"],
    ...["2026-01-01T00:00:00+25:00", "2026-01-01T00:00:00+5:00", "2001-12-14 21:59:43.10 -5"],
    ...["2026-01-01x", "1:60", "1:2:3:"],
  ];
  for (const s of strings) equal(claimedByOtherType(s), false, s);
});
