// Draws the podcast's provisional cover (square, 1400 px, PNG in RGB without
// transparency, as Apple Podcasts and Spotify require) until the delegation
// supplies its own: content/podcast/images/speak-out-cover-placeholder.png.
// Run: npx node scripts/make-podcast-artwork.ts
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = 'content/podcast/images/speak-out-cover-placeholder.png';
const side = 1400;

const colours = {
  night: '#2e3f55',
  sea: '#7fa3b8',
  sand: '#e9dcc0',
  ink: '#23313b',
  accent: '#c8553d',
};

/** Bars of a sound wave across the middle, tallest at the centre. */
const wave = (y: number): string => {
  const bars: string[] = [];
  const count = 29;
  const gap = side / (count + 1);
  for (let i = 1; i <= count; i += 1) {
    const distance = Math.abs(i - (count + 1) / 2) / ((count + 1) / 2);
    const height = Math.round(
      40 + 220 * (1 - distance) * (0.6 + 0.4 * Math.abs(Math.sin(i * 1.7))),
    );
    bars.push(
      `<rect x="${Math.round(i * gap - 11)}" y="${y - height / 2}" width="22" height="${height}" rx="11" fill="${colours.sea}"/>`,
    );
  }
  return bars.join('');
};

const text = (y: number, size: number, content: string, weight = 'normal', fill = '#ffffff') =>
  `<text x="${side / 2}" y="${y}" text-anchor="middle" font-family="DejaVu Sans" font-weight="${weight}" font-size="${size}" fill="${fill}">${content}</text>`;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${side} ${side}">
  <rect width="${side}" height="${side}" fill="${colours.night}"/>
  ${text(250, 190, 'SPEAK OUT', 'bold')}
  ${text(350, 64, 'une journée à Calais')}
  ${text(430, 64, 'a day in Calais', 'normal', colours.sand)}
  ${wave(700)}
  <rect x="0" y="930" width="${side}" height="230" fill="${colours.accent}"/>
  ${text(1030, 72, 'Pochette provisoire', 'bold')}
  ${text(1115, 60, 'Placeholder artwork')}
  ${text(1290, 56, 'Médecins du Monde · Calais', 'normal', colours.sand)}
</svg>`;

const target = join(root, file);
await mkdir(dirname(target), { recursive: true });
// Flattened and without alpha: PNG colour type 2 (RGB), which every podcast directory takes.
const info = await sharp(Buffer.from(svg))
  .flatten({ background: colours.night })
  .removeAlpha()
  .toColourspace('srgb')
  .png({ compressionLevel: 9, palette: false })
  .toFile(target);
process.stdout.write(
  `${file} ${info.width}x${info.height} ${info.channels} channels ${info.size} bytes\n`,
);
