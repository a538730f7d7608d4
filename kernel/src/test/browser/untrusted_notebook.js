// Opens a notebook in Notebook 6 with Debian's Chromium (driven by playwright-core, no browser
// download), waits until its outputs are drawn, and prints what a reader sees as JSON: the trust
// indicator, every image in an output (loaded or not), the text of rich outputs, and a screenshot.
//
//   node untrusted_notebook.js URL SCREENSHOT.png PROFILE_DIR
const { chromium } = require('playwright-core');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

async function main() {
  const [url, screenshot, profile] = process.argv.slice(2);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    const console = [];
    page.on('console', m => console.push(m.type() + ': ' + m.text()));
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    // Notebook 6 renders outputs after loading the notebook JSON, then fills in the trust state.
    await page.waitForSelector('.output_area', { timeout: 60000 });
    await page.waitForFunction(() => {
      const t = document.querySelector('#notification_trusted');
      return t && t.textContent.trim().length > 0;
    }, null, { timeout: 30000 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.output_area img'))
      .every(img => img.complete), null, { timeout: 30000 });
    const seen = await page.evaluate(() => ({
      trusted: document.querySelector('#notification_trusted').textContent.trim(),
      images: Array.from(document.querySelectorAll('.output_area img')).map(img => ({
        cls: img.className, src: img.getAttribute('src').slice(0, 30), alt: img.alt,
        naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
        width: Math.round(img.getBoundingClientRect().width),
        containerWidth: Math.round(img.parentElement.getBoundingClientRect().width),
      })),
      svgs: document.querySelectorAll('.output_area svg').length,
      rich: Array.from(document.querySelectorAll('.output_html, .output_svg, .output_png'))
        .map(el => el.innerText),
      tensors: Array.from(document.querySelectorAll('.output_html pre')).map(el => el.innerText),
    }));
    // Notebook 6 scrolls inside #site, not the page: make the window as tall as the notebook.
    const height = await page.evaluate(() => document.querySelector('#notebook').scrollHeight
      + document.querySelector('#header').offsetHeight);
    await page.setViewportSize({ width: 1280, height: Math.min(height + 40, 16000) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
    seen.console = console;
    process.stdout.write(JSON.stringify(seen));
  } finally {
    await context.close();
  }
}

main().catch(e => { process.stderr.write(String(e.stack || e)); process.exit(1); });
