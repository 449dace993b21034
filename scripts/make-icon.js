#!/usr/bin/env node
/**
 * Draws images/icon.png (128×128): three stacked feature maps under a lens.
 * A tiny PNG writer (zlib only), so the icon can be redrawn without any
 * image tool: `node scripts/make-icon.js`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** Shapes in painting order; each says whether a point (in 0..128 units) is inside. */
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
const ring = (cx, cy, r0, r1) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d >= r0 && d <= r1;
};
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
  };
}

const layers = [
  [roundRect(0, 0, 128, 128, 24), hex('#1e2a3a')],
  [roundRect(16, 46, 68, 98, 5), hex('#9fdcff')],
  [roundRect(19, 49, 65, 95, 3), hex('#2b6cb0')],
  [roundRect(30, 34, 82, 86, 5), hex('#9fdcff')],
  [roundRect(33, 37, 79, 83, 3), hex('#3182ce')],
  [roundRect(44, 22, 96, 74, 5), hex('#9fdcff')],
  [roundRect(47, 25, 93, 71, 3), hex('#63b3ed')],
  [disc(86, 86, 19), [30, 42, 58, 150]],
  [ring(86, 86, 16, 23), hex('#f6c945')],
  [segment(102, 102, 117, 117, 10), hex('#f6c945')],
];

function pixel(px, py) {
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SS; sy++) {
    for (let sx = 0; sx < SS; sx++) {
      const x = px + (sx + 0.5) / SS;
      const y = py + (sy + 0.5) / SS;
      let c = [0, 0, 0, 0];
      for (const [inside, color] of layers) {
        if (!inside(x, y)) continue;
        const a = (color[3] ?? 255) / 255;
        c = [
          c[0] * (1 - a) + color[0] * a,
          c[1] * (1 - a) + color[1] * a,
          c[2] * (1 - a) + color[2] * a,
          Math.max(c[3], a * 255),
        ];
      }
      for (let i = 0; i < 4; i++) acc[i] += c[i];
    }
  }
  return acc.map((v) => Math.round(v / (SS * SS)));
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const p = pixel(x, y);
      for (let i = 0; i < 4; i++) raw[y * (SIZE * 4 + 1) + 1 + x * 4 + i] = p[i];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
