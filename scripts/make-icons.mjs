// Draws the toolbar/store icons (a key-blue rounded square with a white circular arrow) as PNGs,
// so the repo needs no image tooling. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18; // corner radius
  const cx = size / 2, cy = size / 2;
  for (let y = 0; y < size; y++) {
    px[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const i = y * (size * 4 + 1) + 1 + x * 4;
      const dx = Math.max(r - x - 0.5, x + 0.5 - (size - r), 0);
      const dy = Math.max(r - y - 0.5, y + 0.5 - (size - r), 0);
      const inside = Math.hypot(dx, dy) <= r;
      if (!inside) continue;
      let [R, G, B] = [0x1f, 0x5f, 0xbf];
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const angle = Math.atan2(y + 0.5 - cy, x + 0.5 - cx);
      // A ring open at the top right, like a "reset" arrow.
      const ring = d > size * 0.22 && d < size * 0.34 && !(angle > -Math.PI / 2 && angle < -Math.PI / 6);
      // The arrow head at the ring's open end.
      const hx = x + 0.5 - (cx + size * 0.28 * Math.cos(-Math.PI / 6));
      const hy = y + 0.5 - (cy + size * 0.28 * Math.sin(-Math.PI / 6));
      const head = Math.abs(hx) + Math.abs(hy) < size * 0.12 && hy < size * 0.02;
      if (ring || head) [R, G, B] = [0xff, 0xff, 0xff];
      px[i] = R; px[i + 1] = G; px[i + 2] = B; px[i + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(px)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
console.log('icons written to public/icons/');
