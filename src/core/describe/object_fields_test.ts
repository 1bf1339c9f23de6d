import { deepEqual } from "node:assert/strict";
import { objectNodes } from "./object_fields.ts";

Deno.test("objectNodes() shows lists of objects as tables with nested fields flattened", () => {
  deepEqual(
    objectNodes({
      disks: [
        { name: "root", size: "40Gi" },
        { name: "data", source: { pvc: { claimName: "d" } } },
      ],
    }),
    [{
      type: "table",
      label: "Disks",
      columns: ["Name", "Size", "Source PVC Claim Name"],
      rows: [["root", "40Gi", ""], ["data", "", "d"]],
    }],
  );
});

Deno.test("objectNodes() keeps times as times, sizes multi-line text, and says <none> for empties", () => {
  deepEqual(
    objectNodes({
      startTime: "2026-01-01T00:00:00Z",
      cloudInit: { userData: "a\nb" },
      tags: [],
      nodeSelector: {},
      ipAddresses: ["10.0.0.1", "fd00::1"],
    }),
    [
      { type: "field", label: "Start Time", value: { time: "2026-01-01T00:00:00Z" } },
      {
        type: "section",
        label: "Cloud Init",
        children: [{ type: "field", label: "User Data", value: "<2 lines, see -o yaml>" }],
      },
      { type: "field", label: "Tags", value: "<none>" },
      { type: "lines", label: "Node Selector", values: [] },
      { type: "field", label: "IP Addresses", value: "10.0.0.1, fd00::1" },
    ],
  );
});

Deno.test("objectNodes() prints maps of data (labels, selectors) as key=value lines", () => {
  deepEqual(
    objectNodes({
      nodeSelector: { "kubernetes.io/arch": "amd64", zone: "a" },
      jobTemplate: { metadata: { labels: { "hypersdk.io/vm": "web-1" } } },
    }),
    [
      { type: "lines", label: "Node Selector", values: ["kubernetes.io/arch=amd64", "zone=a"] },
      {
        type: "section",
        label: "Job Template",
        children: [{
          type: "section",
          label: "Metadata",
          children: [{ type: "lines", label: "Labels", values: ["hypersdk.io/vm=web-1"] }],
        }],
      },
    ],
  );
});
