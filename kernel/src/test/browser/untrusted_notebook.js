// Opens a notebook in Notebook 6 with Debian's Chromium, waits until its outputs are drawn, and
// prints what a reader sees as JSON: the trust indicator, every image in an output (loaded or
// not), the text of rich outputs, and a screenshot.
//
//   node untrusted_notebook.js URL SCREENSHOT.png PROFILE_DIR
const { runOnNotebook, imagesLoaded } = require('./notebook_page');

async function inspect(page) {
  // Notebook 6 renders outputs after loading the notebook JSON, then fills in the trust state.
  await page.waitForSelector('.output_area', { timeout: 60000 });
  await page.waitForFunction(() => {
    const t = document.querySelector('#notification_trusted');
    return t && t.textContent.trim().length > 0;
  }, null, { timeout: 30000 });
  await page.waitForFunction(imagesLoaded, null, { timeout: 30000 });
  return page.evaluate(() => ({
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
}

const [url, screenshot, profile] = process.argv.slice(2);
runOnNotebook(url, screenshot, profile, inspect);
