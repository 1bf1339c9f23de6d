import assert from "node:assert/strict";
import {
  decodePixelFormat,
  encodePixelFormat,
  type PixelFormat,
  rawRect,
  SERVER_FORMAT,
} from "./rfb_pixels.ts";

const rgb = { width: 2, height: 1, pixels: new Uint8Array([255, 128, 0, 0, 0, 255]) };
const fmt = (f: Partial<PixelFormat>): PixelFormat => ({ ...SERVER_FORMAT, ...f });

Deno.test("encode/decodePixelFormat() round-trip; colour maps and 24 bpp are refused", () => {
  const f = fmt({ redShift: 0, greenShift: 8, blueShift: 16, bigEndian: true });
  assert.deepEqual(decodePixelFormat(encodePixelFormat(f)), f);
  assert.throws(
    () => decodePixelFormat(encodePixelFormat(fmt({ trueColor: false }))),
    /colour-map/,
  );
  const b = encodePixelFormat(SERVER_FORMAT);
  b[0] = 24;
  assert.throws(() => decodePixelFormat(b), /unsupported 24 bpp/);
});

Deno.test("rawRect() writes each pixel in the client's format", () => {
  // noVNC's format: 32 bits, little-endian, red in the low byte.
  assert.deepEqual(
    [...rawRect(rgb, 0, 0, 2, 1, fmt({ redShift: 0, greenShift: 8, blueShift: 16 }))],
    [255, 128, 0, 0, 0, 0, 255, 0],
  );
  // The server's own: 0x00RRGGBB little-endian, so B G R 0 in memory.
  assert.deepEqual([...rawRect(rgb, 1, 0, 1, 1, SERVER_FORMAT)], [255, 0, 0, 0]);
  // RGB565, big-endian: 255,128,0 -> 11111 100000 00000.
  const rgb565 = fmt({
    bitsPerPixel: 16,
    depth: 16,
    bigEndian: true,
    redMax: 31,
    greenMax: 63,
    blueMax: 31,
    redShift: 11,
    greenShift: 5,
    blueShift: 0,
  });
  assert.deepEqual([...rawRect(rgb, 0, 0, 1, 1, rgb565)], [0b11111100, 0b00000000]);
  // BGR233 in 8 bits: blue 255 -> 3 << 6.
  const bgr233 = fmt({
    bitsPerPixel: 8,
    depth: 8,
    redMax: 7,
    greenMax: 7,
    blueMax: 3,
    redShift: 0,
    greenShift: 3,
    blueShift: 6,
  });
  assert.deepEqual([...rawRect(rgb, 1, 0, 1, 1, bgr233)], [0b11000000]);
});
