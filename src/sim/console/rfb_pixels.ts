/**
 * RFB (RFC 6143) pixel formats and the Raw encoding: the server's format, the client's
 * SetPixelFormat, and a rectangle of an RGB framebuffer in whatever true-colour format the
 * client asked for (noVNC and vncdotool both ask for 32 bits, with different shifts).
 * @module
 */

import type { Rgb } from "./screen.ts";

/** RFC 6143 §7.4 PIXEL_FORMAT. */
export interface PixelFormat {
  bitsPerPixel: 8 | 16 | 32;
  depth: number;
  bigEndian: boolean;
  trueColor: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** What the server announces in ServerInit: 32-bit little-endian, 8 bits per channel. */
export const SERVER_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColor: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

/** The 16 bytes of a PIXEL_FORMAT. */
export function encodePixelFormat(f: PixelFormat): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint8(0, f.bitsPerPixel);
  v.setUint8(1, f.depth);
  v.setUint8(2, f.bigEndian ? 1 : 0);
  v.setUint8(3, f.trueColor ? 1 : 0);
  v.setUint16(4, f.redMax);
  v.setUint16(6, f.greenMax);
  v.setUint16(8, f.blueMax);
  v.setUint8(10, f.redShift);
  v.setUint8(11, f.greenShift);
  v.setUint8(12, f.blueShift);
  return b;
}

/**
 * Read a client's PIXEL_FORMAT.
 *
 * @throws RangeError for colour-map formats or sizes other than 8, 16 and 32 bits, which this
 *   server does not speak (the connection is then closed)
 */
export function decodePixelFormat(b: Uint8Array): PixelFormat {
  const v = new DataView(b.buffer, b.byteOffset, 16);
  const bpp = v.getUint8(0);
  if (bpp !== 8 && bpp !== 16 && bpp !== 32) throw new RangeError(`unsupported ${bpp} bpp`);
  if (v.getUint8(3) === 0) throw new RangeError("colour-map pixel formats are not supported");
  return {
    bitsPerPixel: bpp,
    depth: v.getUint8(1),
    bigEndian: v.getUint8(2) !== 0,
    trueColor: true,
    redMax: v.getUint16(4),
    greenMax: v.getUint16(6),
    blueMax: v.getUint16(8),
    redShift: v.getUint8(10),
    greenShift: v.getUint8(11),
    blueShift: v.getUint8(12),
  };
}

/**
 * The Raw encoding of the rectangle (x, y, w, h) of `rgb` in format `f`: each channel scaled to
 * its max and shifted, pixels row by row in the client's byte order.
 */
export function rawRect(rgb: Rgb, x: number, y: number, w: number, h: number, f: PixelFormat) {
  const bytes = f.bitsPerPixel / 8;
  const out = new Uint8Array(w * h * bytes);
  const v = new DataView(out.buffer);
  const scale = (c: number, max: number) => Math.round((c * max) / 255);
  let at = 0;
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) {
      const i = (row * rgb.width + col) * 3;
      const pixel = ((scale(rgb.pixels[i], f.redMax) << f.redShift) |
        (scale(rgb.pixels[i + 1], f.greenMax) << f.greenShift) |
        (scale(rgb.pixels[i + 2], f.blueMax) << f.blueShift)) >>> 0;
      if (bytes === 4) v.setUint32(at, pixel, !f.bigEndian);
      else if (bytes === 2) v.setUint16(at, pixel, !f.bigEndian);
      else v.setUint8(at, pixel);
      at += bytes;
    }
  }
  return out;
}
