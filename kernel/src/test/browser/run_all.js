// Opens a notebook in a live Notebook 6 server with Debian's Chromium, does Kernel > Restart &
// Run All through the menu and its dialog as a user would, waits until every code cell has run
// and the kernel is idle, then prints what the page shows as JSON (images in outputs, progress
// bars, errors, prompts) and takes a screenshot of the whole notebook.
//
//   node run_all.js URL SCREENSHOT.png PROFILE_DIR TIMEOUT_MS
const { runOnNotebook, imagesLoaded } = require('./notebook_page');

async function restartAndRunAll(page) {
  await page.click('#kernellink');
  await page.click('#restart_run_all');
  await page.click('.modal-dialog button:has-text("Restart and Run All Cells")', { timeout: 30000 });
}

// Done when no cell waits or runs ('*') and every code cell has a number, with the kernel idle.
function finished() {
  const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
  const idle = document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  return idle && cells.length > 0 && cells.every(c => typeof c.input_prompt_number === 'number');
}

const [url, screenshot, profile, timeoutMs] = process.argv.slice(2);

runOnNotebook(url, screenshot, profile, async page => {
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
    && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  const started = Date.now();
  await restartAndRunAll(page);
  await page.waitForFunction(finished, null, { timeout: Number(timeoutMs), polling: 500 });
  const seconds = (Date.now() - started) / 1000;
  await page.waitForFunction(imagesLoaded, null, { timeout: 30000 });
  const seen = await page.evaluate(() => ({
    prompts: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => c.input_prompt_number),
    images: Array.from(document.querySelectorAll('.output_area img')).map(img => ({
      cls: img.className, src: img.getAttribute('src').slice(0, 22),
      naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
      width: Math.round(img.getBoundingClientRect().width),
    })),
    progress: Array.from(document.querySelectorAll('.output_area progress')).map(p => ({
      value: p.value, max: p.max, text: p.closest('.output_area').innerText,
    })),
    errors: Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText),
    trusted: document.querySelector('#notification_trusted').textContent.trim(),
  }));
  seen.seconds = seconds;
  return seen;
});
