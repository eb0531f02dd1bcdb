// The supporter page's app icons (192 and 512 px PNG), drawn here rather than kept as binary
// files: a green square with a white ring and dot, "watching over", inside the middle 80 % that a
// maskable icon keeps. A small PNG writer: 8-bit RGBA rows, zlib-compressed, with CRC-32 chunks.

import { deflateSync } from 'node:zlib';

const GREEN = [0x00, 0x70, 0x3c, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The icon as PNG bytes, `size` pixels square. */
export function iconPng(size) {
  const rows = Buffer.alloc(size * (1 + 4 * size));
  const c = (size - 1) / 2;
  const ring = [0.3 * size, 0.38 * size];
  const dot = 0.13 * size;
  for (let y = 0; y < size; y++) {
    const row = y * (1 + 4 * size);
    rows[row] = 0; // no filter
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const colour = d <= dot || (d >= ring[0] && d <= ring[1]) ? WHITE : GREEN;
      Buffer.from(colour).copy(rows, row + 1 + 4 * x);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
