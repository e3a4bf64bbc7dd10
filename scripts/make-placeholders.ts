// Draws the placeholder pictures (artworks, story heroes, film poster) that stand
// in for the artist's files until the delegation supplies them, and writes small
// palette PNGs into content/. Run: npx node scripts/make-placeholders.ts
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const colours = {
  sky: '#dfe9ef',
  sea: '#7fa3b8',
  sand: '#e9dcc0',
  ink: '#23313b',
  dove: '#ffffff',
  accent: '#c8553d',
  grass: '#9bb08a',
  night: '#2e3f55',
};

type Scene = (width: number, height: number) => string;

/** A dove in flight, drawn around (0, 0) and about 120 px wide at scale 1. */
const dove = (x: number, y: number, scale: number, flip = false): string =>
  `<g transform="translate(${x} ${y}) scale(${flip ? -scale : scale} ${scale})" fill="${colours.dove}" stroke="${colours.ink}" stroke-width="${3 / scale}" stroke-linejoin="round">
    <path d="M-60 10 L-35 0 L-60 -8 Z"/>
    <ellipse cx="0" cy="0" rx="42" ry="16"/>
    <circle cx="40" cy="-8" r="12"/>
    <path d="M50 -8 L62 -4 L50 0 Z" fill="${colours.accent}"/>
    <path d="M-10 -6 C-20 -55 10 -70 30 -62 C15 -45 10 -25 12 -6 Z"/>
  </g>`;

/** A wavy coastline from left to right at height y, filled below. */
const coast = (width: number, height: number, y: number, fill: string): string => {
  const step = width / 6;
  let d = `M0 ${y}`;
  for (let i = 0; i < 6; i += 1) {
    const x0 = i * step;
    d += ` Q${x0 + step / 2} ${y + (i % 2 === 0 ? -24 : 24)} ${x0 + step} ${y}`;
  }
  return `<path d="${d} L${width} ${height} L0 ${height} Z" fill="${fill}"/>`;
};

/** A fence of posts with three wires, along the ground at height y. */
const fence = (width: number, y: number, postHeight: number): string => {
  const posts: string[] = [];
  for (let x = 40; x < width; x += 90) {
    posts.push(
      `<rect x="${x}" y="${y - postHeight}" width="8" height="${postHeight}" fill="${colours.ink}"/>`,
    );
  }
  const wires = [0.15, 0.45, 0.75]
    .map((f) => {
      const wy = y - postHeight * (1 - f);
      return `<line x1="0" y1="${wy}" x2="${width}" y2="${wy}" stroke="${colours.ink}" stroke-width="3" stroke-dasharray="14 6"/>`;
    })
    .join('');
  return posts.join('') + wires;
};

/** A simple tent, a triangle with its door. */
const tent = (x: number, y: number, size: number, fill: string): string =>
  `<path d="M${x - size} ${y} L${x} ${y - size} L${x + size} ${y} Z" fill="${fill}" stroke="${colours.ink}" stroke-width="3"/>
   <path d="M${x - size / 4} ${y} L${x} ${y - size / 2} L${x + size / 4} ${y} Z" fill="${colours.ink}"/>`;

/** The label that makes every picture visibly provisional. */
const label = (width: number, height: number, caption: string): string => {
  const boxHeight = Math.round(height * 0.22);
  const top = Math.round((height - boxHeight) / 2);
  return `<rect x="0" y="${top}" width="${width}" height="${boxHeight}" fill="${colours.ink}" opacity="0.85"/>
    <text x="${width / 2}" y="${top + boxHeight * 0.52}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${Math.round(boxHeight * 0.34)}" fill="#ffffff">Image provisoire / Placeholder</text>
    <text x="${width / 2}" y="${top + boxHeight * 0.84}" text-anchor="middle" font-family="DejaVu Sans" font-size="${Math.round(boxHeight * 0.17)}" fill="#ffffff">${caption}</text>`;
};

const scenes = {
  doves: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/>${coast(w, h, h * 0.72, colours.sea)}${coast(w, h, h * 0.86, colours.sand)}` +
    dove(w * 0.2, h * 0.2, 1.1) +
    dove(w * 0.45, h * 0.14, 0.8) +
    dove(w * 0.78, h * 0.24, 1.3, true),
  fence: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/><rect y="${h * 0.8}" width="${w}" height="${h * 0.2}" fill="${colours.grass}"/>` +
    fence(w, h * 0.8, h * 0.16) +
    dove(w * 0.72, h * 0.16, 1.2),
  tents: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/>${coast(w, h, h * 0.7, colours.sand)}` +
    tent(w * 0.22, h * 0.86, h * 0.16, colours.accent) +
    tent(w * 0.5, h * 0.9, h * 0.2, colours.sea) +
    tent(w * 0.78, h * 0.85, h * 0.14, colours.grass),
  ferry: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/>${coast(w, h, h * 0.72, colours.sea)}` +
    `<path d="M${w * 0.6} ${h * 0.72} L${w * 0.9} ${h * 0.72} L${w * 0.87} ${h * 0.78} L${w * 0.63} ${h * 0.78} Z" fill="${colours.dove}" stroke="${colours.ink}" stroke-width="3"/>` +
    `<rect x="${w * 0.68}" y="${h * 0.66}" width="${w * 0.14}" height="${h * 0.06}" fill="${colours.dove}" stroke="${colours.ink}" stroke-width="3"/>` +
    coast(w, h, h * 0.88, colours.sand),
  circle: (w, h) => {
    const people = [0, 1, 2, 3, 4, 5]
      .map((i) => {
        // A shallow arc of people, kept below the label band so no one hides behind it.
        const x = w * (0.2 + 0.12 * i);
        const y = h * 0.8 + Math.abs(i - 2.5) * h * 0.025;
        return `<circle cx="${x}" cy="${y - 70}" r="22" fill="${colours.ink}"/><rect x="${x - 26}" y="${y - 46}" width="52" height="60" rx="20" fill="${i % 2 === 0 ? colours.sea : colours.accent}"/>`;
      })
      .join('');
    const stars = [0.1, 0.27, 0.42, 0.6, 0.74, 0.9]
      .map(
        (f, i) =>
          `<circle cx="${w * f}" cy="${h * (i % 2 === 0 ? 0.1 : 0.2)}" r="4" fill="${colours.sand}"/>`,
      )
      .join('');
    return `<rect width="${w}" height="${h}" fill="${colours.night}"/>${stars}<rect y="${h * 0.64}" width="${w}" height="${h * 0.36}" fill="${colours.sand}"/>${people}<circle cx="${w / 2}" cy="${h * 0.93}" r="26" fill="${colours.accent}"/>`;
  },
  single: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sand}"/>${dove(w * 0.5, h * 0.3, 2.4)}`,
  clinic: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/><rect y="${h * 0.78}" width="${w}" height="${h * 0.22}" fill="${colours.grass}"/>` +
    `<rect x="${w * 0.3}" y="${h * 0.46}" width="${w * 0.4}" height="${h * 0.26}" rx="16" fill="${colours.dove}" stroke="${colours.ink}" stroke-width="4"/>` +
    `<circle cx="${w * 0.38}" cy="${h * 0.74}" r="${h * 0.05}" fill="${colours.ink}"/><circle cx="${w * 0.62}" cy="${h * 0.74}" r="${h * 0.05}" fill="${colours.ink}"/>`,
  walk: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/>${coast(w, h, h * 0.8, colours.sand)}` +
    `<path d="M0 ${h * 0.92} C${w * 0.3} ${h * 0.82} ${w * 0.6} ${h * 0.98} ${w} ${h * 0.86}" stroke="${colours.accent}" stroke-width="10" fill="none" stroke-dasharray="30 18"/>`,
  drawing: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sand}"/>` +
    `<rect x="${w * 0.1}" y="${h * 0.1}" width="${w * 0.3}" height="${h * 0.3}" fill="${colours.sea}" transform="rotate(-6 ${w * 0.25} ${h * 0.25})"/>` +
    `<rect x="${w * 0.62}" y="${h * 0.12}" width="${w * 0.28}" height="${h * 0.28}" fill="${colours.grass}" transform="rotate(5 ${w * 0.76} ${h * 0.26})"/>` +
    `<circle cx="${w * 0.2}" cy="${h * 0.82}" r="${h * 0.08}" fill="${colours.accent}"/>`,
  horizon: (w, h) =>
    `<rect width="${w}" height="${h}" fill="${colours.sky}"/>${coast(w, h, h * 0.66, colours.sea)}` +
    `<circle cx="${w * 0.82}" cy="${h * 0.2}" r="${h * 0.08}" fill="${colours.sand}"/>` +
    dove(w * 0.16, h * 0.2, 0.9),
} satisfies Record<string, Scene>;

type Job = {
  file: string;
  scene: keyof typeof scenes;
  width: number;
  height: number;
  caption: string;
};

const jobs: Job[] = [
  {
    file: 'content/artworks/images/doves-over-the-coast.png',
    scene: 'doves',
    width: 1200,
    height: 800,
    caption: 'Colombes sur la côte / Doves over the coast',
  },
  {
    file: 'content/artworks/images/fence-line.png',
    scene: 'fence',
    width: 1200,
    height: 800,
    caption: 'La clôture / The fence line',
  },
  {
    file: 'content/artworks/images/tents-in-the-dunes.png',
    scene: 'tents',
    width: 1200,
    height: 800,
    caption: 'Tentes dans les dunes / Tents in the dunes',
  },
  {
    file: 'content/artworks/images/ferry-on-the-horizon.png',
    scene: 'ferry',
    width: 1200,
    height: 800,
    caption: "Un ferry à l'horizon / A ferry on the horizon",
  },
  {
    file: 'content/artworks/images/circle-of-tea.png',
    scene: 'circle',
    width: 1200,
    height: 800,
    caption: 'Autour du thé / Around the tea',
  },
  {
    file: 'content/artworks/images/single-dove.png',
    scene: 'single',
    width: 1200,
    height: 1200,
    caption: 'Une colombe / One dove',
  },
  {
    file: 'content/stories/images/mobile-clinic-morning.png',
    scene: 'clinic',
    width: 1200,
    height: 675,
    caption: 'Clinique mobile / Mobile clinic',
  },
  {
    file: 'content/stories/images/walking-to-the-pass.png',
    scene: 'walk',
    width: 1200,
    height: 675,
    caption: 'Vers la PASS / To the PASS',
  },
  {
    file: 'content/stories/images/drawing-space.png',
    scene: 'drawing',
    width: 1200,
    height: 675,
    caption: 'Espace dessin / Drawing space',
  },
  {
    file: 'content/stories/images/observer-day.png',
    scene: 'horizon',
    width: 1200,
    height: 675,
    caption: 'Speak Out',
  },
  {
    file: 'content/stories/images/grande-synthe-round.png',
    scene: 'tents',
    width: 1200,
    height: 675,
    caption: 'Grande-Synthe',
  },
  {
    file: 'content/films/images/al-hurriya-poster.png',
    scene: 'doves',
    width: 1200,
    height: 675,
    caption: 'Al Hurriya, Freedom, Liberté',
  },
];

for (const job of jobs) {
  const { width, height } = job;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${scenes[job.scene](width, height)}${label(width, height, job.caption)}</svg>`;
  const target = join(root, job.file);
  await mkdir(dirname(target), { recursive: true });
  // A 16-colour palette keeps the flat drawings well under 40 KB each.
  const info = await sharp(Buffer.from(svg))
    .png({ palette: true, colors: 16, compressionLevel: 9, effort: 10 })
    .toFile(target);
  process.stdout.write(`${job.file} ${info.width}x${info.height} ${info.size} bytes\n`);
}
