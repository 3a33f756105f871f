// Drives Debian's Chromium (through playwright-core) over the filmgraph web UI:
// search -> film page -> citation -> person page -> franchise, at desktop and
// phone widths, and saves screenshots of each page into docs/screenshots/.
//
//   node --test tests/browser/
//
// Needs /usr/bin/chromium (apt-get install chromium), `npm ci` here, and a
// built `filmgraph` binary: $FILMGRAPH_BIN, else target/release or target/debug.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, existsSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = join(root, "docs", "screenshots");
const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

function binary() {
  if (process.env.FILMGRAPH_BIN) return process.env.FILMGRAPH_BIN;
  const built = ["release", "debug"]
    .map((p) => join(root, "target", p, "filmgraph"))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  assert.ok(built.length > 0, "build filmgraph first: cargo build -p filmgraph-cli");
  return built[0];
}

let work, server, base, context;
const cspErrors = [];

before(async () => {
  work = mkdtempSync(join(tmpdir(), "filmgraph-browser-"));
  const db = join(work, "films.db");
  const samples = join(root, "samples", "articles");
  const articles = readdirSync(samples).filter((f) => f.endsWith(".txt")).map((f) => join(samples, f));
  execFileSync(binary(), ["ingest", "--db", db, ...articles], { stdio: ["ignore", "ignore", "inherit"] });

  server = spawn(binary(), ["serve", "--addr", "127.0.0.1:0", "--db", db], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: server.stdout });
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("filmgraph serve printed no URL")), 60_000);
    lines.on("line", (line) => {
      const url = line.match(/http:\/\/[^\s]+?\//);
      if (url) {
        clearTimeout(timer);
        resolve(url[0].replace(/\/$/, ""));
      }
    });
    server.on("exit", (code) => reject(new Error(`filmgraph serve exited with ${code}`)));
  });

  mkdirSync(shots, { recursive: true });
  context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: viewports.desktop,
  });
  context.on("console", (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(page, name, width) {
  await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: width === "phone" });
}

for (const [width, viewport] of Object.entries(viewports)) {
  test(`search, film, citation, person and franchise at ${width} width`, async () => {
    const page = await context.newPage();
    page.on("console", (msg) => {
      if (/Content.Security.Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await page.setViewportSize(viewport);

    // Search, with autocomplete from the static script.
    await page.goto(`${base}/`);
    const box = page.locator("#q");
    await box.fill("");
    await box.pressSequentially("balle perd", { delay: 20 });
    const suggestion = page.locator("#q-suggestions li a").first();
    await suggestion.waitFor({ state: "visible", timeout: 10_000 });
    assert.match(await suggestion.innerText(), /Lost Bullet/);
    await box.fill("balle perdue");
    await Promise.all([page.waitForURL(/q=balle/), box.press("Enter")]);
    const first = page.locator(".hit").first();
    assert.match(await first.innerText(), /Lost Bullet \(2020 film\)/);
    assert.equal(await first.locator("mark").first().innerText(), "Balle");
    await shot(page, "search", width);

    // The film page.
    await Promise.all([page.waitForURL(/\/films\//), first.locator("a.hit-title").click()]);
    assert.match(await page.locator("h1").innerText(), /Lost Bullet/);
    const lino = page.locator("#credits tr", { hasText: "Lino" });
    assert.match(await lino.innerText(), /Alban Lenoir/);
    await shot(page, "film", width);
    const filmUrl = page.url();

    // A citation: the sentence marked within its section.
    await Promise.all([page.waitForURL(/\/citation\?/), lino.locator("a.cite").click()]);
    const cited = page.locator("mark#cited");
    assert.match(await cited.innerText(), /Lino/);
    assert.match(await page.locator(".subtitle").innerText(), /Section/);
    if (width === "desktop") await shot(page, "citation", width);

    // The person page.
    await page.goto(filmUrl);
    await Promise.all([page.waitForURL(/\/people\//), lino.locator("a", { hasText: "Alban Lenoir" }).click()]);
    assert.equal(await page.locator("h1").innerText(), "Alban Lenoir");
    assert.match(await page.locator("#filmography").innerText(), /as Lino/);
    await shot(page, "person", width);

    // The franchise timeline.
    await page.goto(filmUrl);
    await Promise.all([page.waitForURL(/\/franchises\//), page.locator(".franchise a").click()]);
    const works = await page.locator(".timeline .what > a").allInnerTexts();
    assert.deepEqual(works, ["Lost Bullet (2020 film)", "Lost Bullet 2", "Last Bullet"]);
    await shot(page, "franchise", width);

    // Nothing is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
    await page.close();
    assert.deepEqual(cspErrors, []);
  });
}
