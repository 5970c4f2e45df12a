#!/usr/bin/env node
/*
 * Draws the add-in's icons (assets/icon-<size>.png): a blue tile holding a
 * white ledger page with ruled lines and a green "plus" badge.
 *
 * Plain Node, no dependency: shapes are signed-distance functions sampled
 * 4×4 per pixel (anti-aliasing), written as an RGBA PNG with zlib. The icons
 * are committed; re-run this only when the design changes:
 *     node scripts/make-icons.js [outDir]
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4;

const BLUE = [15, 108, 189]; // Fluent brand blue #0F6CBD
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 65]; // #107C41

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx;
  const qy = Math.abs(y - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/**
 * The glyph in pixel units of an icon `s` pixels wide. Strokes are at least
 * one pixel so the ruled lines survive at 16 px; edges on small icons are
 * snapped to whole pixels so they stay crisp.
 */
function layers(s) {
  const snap = (v) => (s <= 32 ? Math.round(v) : v);
  const stroke = Math.max(1, snap(s * 0.06));
  const pageX0 = snap(s * 0.2);
  const pageX1 = s - pageX0;
  const pageY0 = snap(s * 0.12);
  const pageY1 = s - pageY0;
  const lineX0 = snap(s * 0.3);
  const lineX1 = snap(s * 0.62);
  const rows = s <= 16 ? [0.33, 0.55] : [0.3, 0.44, 0.58];
  const badgeR = s * 0.2;
  const armW = Math.max(1, snap(s * 0.07)) / 2;
  // On small icons the plus arms must fall on whole pixels: an odd arm width
  // needs a centre at a half pixel, an even one at a whole pixel.
  const odd = (armW * 2) % 2 === 1;
  const badgeCx = s <= 32 ? Math.floor(s * 0.72) + (odd ? 0.5 : 0) : s * 0.72;
  const badgeCy = badgeCx;
  const armLen = s <= 32 ? Math.round(badgeR * 0.6 - (odd ? 0.5 : 0)) + (odd ? 0.5 : 0) : badgeR * 0.6;
  return [
    { color: BLUE, d: (x, y) => roundedRect(x, y, 0, 0, s, s, s * 0.2) },
    { color: WHITE, d: (x, y) => roundedRect(x, y, pageX0, pageY0, pageX1, pageY1, s * 0.05) },
    ...rows.map((fy) => {
      const y0 = snap(s * fy);
      return { color: BLUE, d: (x, y) => roundedRect(x, y, lineX0, y0, lineX1, y0 + stroke, 0) };
    }),
    // A white ring around the badge separates it from the page and the tile.
    { color: WHITE, d: (x, y) => circle(x, y, badgeCx, badgeCy, badgeR + Math.max(1, s * 0.04)) },
    { color: GREEN, d: (x, y) => circle(x, y, badgeCx, badgeCy, badgeR) },
    {
      color: WHITE,
      d: (x, y) =>
        Math.min(
          roundedRect(x, y, badgeCx - armLen, badgeCy - armW, badgeCx + armLen, badgeCy + armW, 0),
          roundedRect(x, y, badgeCx - armW, badgeCy - armLen, badgeCx + armW, badgeCy + armLen, 0),
        ),
    },
  ];
}

/** RGBA pixels, straight alpha, painter's order over a transparent canvas. */
function render(s) {
  const ls = layers(s);
  const px = Buffer.alloc(s * s * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < s; py++) {
    for (let pxl = 0; pxl < s; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = pxl + (sx + 0.5) / SUPERSAMPLE;
          const y = py + (sy + 0.5) / SUPERSAMPLE;
          let color = null;
          for (const layer of ls) if (layer.d(x, y) <= 0) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * s + pxl) * 4;
      px[i] = a ? Math.round(r / a) : 0;
      px[i + 1] = a ? Math.round(g / a) : 0;
      px[i + 2] = a ? Math.round(b / a) : 0;
      px[i + 3] = Math.round((255 * a) / n);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const s of SIZES) {
    const file = path.join(outDir, `icon-${s}.png`);
    fs.writeFileSync(file, encodePng(s, s, render(s)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${s}×${s})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render };
