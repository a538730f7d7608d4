// What both browser scripts share: Debian's Chromium (driven by playwright-core, no browser
// download) opened on a Notebook 6 page, the page's console kept, and at the end a screenshot of
// the whole notebook and the findings printed as JSON on stdout (the Python test reads them).
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// Notebook 6 scrolls inside #site, not the page: make the window as tall as the notebook first.
async function screenshotWholeNotebook(page, path) {
  const height = await page.evaluate(() => document.querySelector('#notebook').scrollHeight
    + document.querySelector('#header').offsetHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(height + 40, 16000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path });
}

function imagesLoaded() {
  return Array.from(document.querySelectorAll('.output_area img')).every(img => img.complete);
}

// Opens url, lets inspect(page) return the findings, screenshots, prints them; exits 1 on failure.
function runOnNotebook(url, screenshot, profile, inspect) {
  (async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      const console = [];
      page.on('console', m => console.push(m.type() + ': ' + m.text()));
      await page.goto(url, { waitUntil: 'load', timeout: 60000 });
      const seen = await inspect(page);
      await page.waitForFunction(imagesLoaded, null, { timeout: 30000 });
      await screenshotWholeNotebook(page, screenshot);
      seen.console = console;
      process.stdout.write(JSON.stringify(seen));
    } finally {
      await context.close();
    }
  })().catch(e => { process.stderr.write(String(e.stack || e)); process.exit(1); });
}

module.exports = { runOnNotebook, imagesLoaded };
