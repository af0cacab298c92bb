// Renders the SVG icons in public/icons to the PNG sizes the web manifest lists, with the
// system Chromium (no download). Run after changing an SVG: `npm run icons`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon-180.png', 180],
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox'] });
const page = await browser.newPage();
for (const [source, target, size] of jobs) {
  const svg = readFileSync(new URL(`../public/icons/${source}`, import.meta.url), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`)}</body></html>`,
  );
  await page.screenshot({ path: new URL(`../public/icons/${target}`, import.meta.url).pathname, omitBackground: true });
  console.log(`public/icons/${target} (${size}×${size})`);
}
await browser.close();
