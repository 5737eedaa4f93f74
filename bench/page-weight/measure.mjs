// Page weight (bytes transferred on a first visit and with a warm cache), Lighthouse mobile
// performance and axe-core serious/critical violations of the learner pages of a running platform.
// Usage: node measure.mjs <base-url> [username] [password]     (see ../page-weight.sh)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

const require = createRequire(import.meta.url);
const base = (process.argv[2] || 'http://localhost:18600').replace(/\/$/, '');
const username = process.argv[3] || 'hocvien';
const password = process.argv[4] || 'hocso-demo';
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=vi', '--window-size=360,740'],
});

async function newPage(context) {
  const page = await context.newPage();
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return page;
}

async function logIn(page, as = username) {
  await page.goto(`${base}/login.xhtml`, { waitUntil: 'networkidle0' });
  await page.type('#login\\:username', as);
  await page.type('#login\\:password', password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('#login\\:submit')]);
}

/** Loads the URL and adds up the bytes that came over the wire (headers included). */
async function transferred(page, url) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  let fromCache = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; requests++; });
  cdp.on('Network.requestServedFromCache', () => { fromCache++; });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 300));
  await cdp.detach();
  return { bytes, requests, fromCache };
}

async function weigh(url, signedIn) {
  const context = await browser.createBrowserContext();
  const page = await newPage(context);
  if (signedIn) await logIn(page);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  const first = await transferred(page, url);
  const warm = await transferred(page, url); // a new navigation, as following a link back to it
  const axe = await runAxe(page);
  await context.close();
  return { first, warm, axe };
}

async function runAxe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result;
}

async function performance(url, signedIn) {
  const context = await browser.createBrowserContext();
  const page = await newPage(context);
  if (signedIn) await logIn(page);
  // Lighthouse's default config is the mobile one: Moto G Power emulation, simulated slow 4G.
  const result = await lighthouse(url, { output: 'json', onlyCategories: ['performance', 'accessibility'],
    disableStorageReset: true, logLevel: 'error' }, undefined, page);
  await context.close();
  const lhr = result.lhr;
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    fcp: lhr.audits['first-contentful-paint'].displayValue,
    lcp: lhr.audits['largest-contentful-paint'].displayValue,
    tbt: lhr.audits['total-blocking-time'].displayValue,
    cls: lhr.audits['cumulative-layout-shift'].displayValue,
  };
}

// The course page: the first course the catalogue links, and its first lesson when it has one.
const probe = await browser.createBrowserContext();
const probePage = await newPage(probe);
await logIn(probePage);
await probePage.goto(`${base}/app/courses.xhtml`, { waitUntil: 'networkidle0' });
const coursePath = await probePage.$eval('a[href*="course.xhtml?id="]', (a) => a.getAttribute('href'));
await probePage.goto(base + coursePath.replace(/^https?:\/\/[^/]+/, ''), { waitUntil: 'networkidle0' });
const lessonPath = await probePage.$$eval('a[href*="lesson="]', (as) => (as[0] ? as[0].getAttribute('href') : null));
// The lesson player (/app/learn.xhtml): enrol in the course if she is not yet, then continue.
let playerPath = null;
if (await probePage.$('[id="enrol:enrol-button"]')) {
  // Enrolling opens the first lesson.
  await Promise.all([probePage.waitForNavigation({ waitUntil: 'networkidle0' }), probePage.click('[id="enrol:enrol-button"]')]);
  if (probePage.url().includes('/app/learn.xhtml')) {
    playerPath = probePage.url();
  }
}
if (!playerPath && await probePage.$('[id="continue:continue-button"]')) {
  await Promise.all([probePage.waitForNavigation({ waitUntil: 'networkidle0' }), probePage.click('[id="continue:continue-button"]')]);
  if (probePage.url().includes('/app/learn.xhtml')) {
    playerPath = probePage.url();
  }
}
await probe.close();

const pages = [
  { name: 'login', url: `${base}/login.xhtml`, signedIn: false },
  { name: 'catalogue', url: `${base}/app/courses.xhtml`, signedIn: true },
  { name: 'course page', url: base + coursePath.replace(/^https?:\/\/[^/]+/, ''), signedIn: true },
];
if (lessonPath) {
  pages.push({ name: 'course page, a lesson', url: base + lessonPath.replace(/^https?:\/\/[^/]+/, ''), signedIn: true });
}
if (playerPath) {
  pages.push({ name: 'lesson player', url: base + playerPath.replace(/^https?:\/\/[^/]+/, ''), signedIn: true });
}

const results = [];
for (const p of pages) {
  const weight = await weigh(p.url, p.signedIn);
  const lh = await performance(p.url, p.signedIn);
  results.push({ ...p, ...weight, lighthouse: lh });
}
// axe only (no weight, no Lighthouse) on the pages of the other roles: the trainer's authoring
// pages and the officers' pages, signed in as the demo accounts.
async function staffPages(as, paths) {
  const context = await browser.createBrowserContext();
  const page = await newPage(context);
  await logIn(page, as);
  const found = [];
  for (const path of paths) {
    let url = path;
    if (typeof path === 'function') url = await path(page);
    if (!url) continue;
    await page.goto(url.startsWith('http') ? url : base + url, { waitUntil: 'networkidle0' });
    found.push({ name: `${as}: ${page.url().replace(base, '')}`, axe: await runAxe(page) });
  }
  await context.close();
  return found;
}
const firstLink = (selector) => async (page) => {
  const href = await page.$$eval(selector, (as) => (as[0] ? as[0].href : null));
  return href;
};
const staff = [
  ...(await staffPages('giangvien', [
    '/app/authoring/courses.xhtml',
    firstLink('a[href*="authoring/course.xhtml?id="]'),
    firstLink('a[href*="authoring/lesson.xhtml"]'),
  ])),
  ...(await staffPages('canbo.tinh', [
    '/app/coverage.xhtml',
    '/app/reports.xhtml',
    '/app/people.xhtml',
    '/app/units.xhtml',
    firstLink('a[href*="unit.xhtml?id="]'),
    '/app/course-versions.xhtml',
  ])),
];
await browser.close();

const kb = (b) => (b / 1024).toFixed(1);
console.log('| Page | First visit | Warm cache | Lighthouse mobile performance | Lighthouse accessibility | FCP / LCP / TBT / CLS | axe serious + critical | axe other |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const serious = r.axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = r.axe.filter((v) => !(v.impact === 'serious' || v.impact === 'critical'));
  console.log(`| ${r.name} | ${kb(r.first.bytes)} KB in ${r.first.requests} requests | ${kb(r.warm.bytes)} KB in ${r.warm.requests} requests (${r.warm.fromCache} from cache) | ${r.lighthouse.performance} | ${r.lighthouse.accessibility} | ${r.lighthouse.fcp} / ${r.lighthouse.lcp} / ${r.lighthouse.tbt} / ${r.lighthouse.cls} | ${serious.length ? serious.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') : 'none'} | ${other.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'} |`);
}
console.log('');
console.log('| Staff page (axe only) | axe serious + critical | axe other |');
console.log('|---|---|---|');
for (const r of staff) {
  const serious = r.axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = r.axe.filter((v) => !(v.impact === 'serious' || v.impact === 'critical'));
  console.log(`| ${r.name} | ${serious.length ? serious.map((v) => `${v.id} (${v.impact}, ${v.nodes}: ${v.targets.join('; ')})`).join(', ') : 'none'} | ${other.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'} |`);
}
fs.writeFileSync(process.env.RESULT_JSON || 'page-weight.json', JSON.stringify({ learnerPages: results, staffPages: staff }, null, 2));
