/**
 * What a simulated VM's console shows: a small framebuffer with the VM's name and phase, drawn
 * with the "Seven plus" pixel font of the js-pixel-fonts package (its glyph data only).
 *
 * Pure, so tests compare what a VNC client or a browser captured with this very rendering.
 * @module
 */

import sevenPlus from "js-pixel-fonts/data/seven-plus.json" with { type: "json" };

/** Framebuffer size, in pixels. */
export const SCREEN_WIDTH = 320;
export const SCREEN_HEIGHT = 200;

/** What the screen says. */
export interface ScreenText {
  name: string;
  phase: string;
}

/** An RGB framebuffer: `width * height * 3` bytes, rows top to bottom. */
export interface Rgb {
  width: number;
  height: number;
  pixels: Uint8Array;
}

type Color = readonly [number, number, number];

/** Console colours: a dark screen, a title bar, a green (or amber) phase. */
export const COLORS = {
  background: [16, 24, 48],
  bar: [41, 121, 255],
  text: [255, 255, 255],
  running: [0, 228, 54],
  other: [255, 163, 0],
} as const satisfies Record<string, Color>;

interface Glyph {
  offset: number;
  pixels: number[][];
}

const GLYPHS = (sevenPlus as { glyphs: Record<string, Glyph> }).glyphs;

function fill(rgb: Rgb, x0: number, y0: number, w: number, h: number, color: Color): void {
  for (let y = Math.max(0, y0); y < Math.min(rgb.height, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(rgb.width, x0 + w); x++) {
      rgb.pixels.set(color, (y * rgb.width + x) * 3);
    }
  }
}

/** Draw `text` with its top-left at (x, y), each font pixel `scale`×`scale`; clipped. */
function drawText(rgb: Rgb, text: string, x: number, y: number, scale: number, color: Color) {
  let pen = x;
  for (const ch of text) {
    const glyph = GLYPHS[ch] ?? GLYPHS[""];
    glyph.pixels.forEach((row, r) =>
      row.forEach((on, c) => {
        if (on) fill(rgb, pen + c * scale, y + (glyph.offset + r) * scale, scale, scale, color);
      })
    );
    const width = Math.max(0, ...glyph.pixels.map((row) => row.length));
    pen += (width + 1) * scale;
  }
}

/**
 * Render the console of a VM.
 *
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * import { renderScreen, SCREEN_WIDTH } from "./screen.ts";
 * const rgb = renderScreen({ name: "web-001", phase: "Running" });
 * equal(rgb.pixels.length, SCREEN_WIDTH * rgb.height * 3);
 * ```
 */
export function renderScreen(text: ScreenText): Rgb {
  const rgb: Rgb = {
    width: SCREEN_WIDTH,
    height: SCREEN_HEIGHT,
    pixels: new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT * 3),
  };
  fill(rgb, 0, 0, rgb.width, rgb.height, COLORS.background);
  fill(rgb, 0, 0, rgb.width, 24, COLORS.bar);
  drawText(rgb, "HyperSDK VM console", 8, 5, 2, COLORS.text);
  drawText(rgb, text.name, 16, 60, 4, COLORS.text);
  const phaseColor = text.phase === "Running" ? COLORS.running : COLORS.other;
  drawText(rgb, `phase: ${text.phase}`, 16, 120, 3, phaseColor);
  return rgb;
}
