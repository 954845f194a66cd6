// Accessibility, measured: axe-core's WCAG 2.1 A and AA rules on every page
// of the bundled course's export in Danish and English, in light and dark
// (prefers-color-scheme), with 0 violations allowed; the same on the pages'
// other states (a check answered, with its feedback; a quiz attempt and its
// result). Then the keyboard path through the gated fixture: every control
// reachable by Tab, every question answered without a mouse, the feedback
// in a live region. Screenshots for a person to look at go to WORK/screens.
//
//   node axe_test.js NODE_DIR WORK   (WORK holds da/, en/ and gated/)
"use strict";
const fs = require("fs");
const path = require("path");
const { launch, page: newPage, fileUrl, outside } = require("./browser.js");

const [nodeDir, work] = process.argv.slice(2);
const axeSource = fs.readFileSync(path.join(nodeDir, "node_modules", "axe-core", "axe.min.js"), "utf8");
const screens = path.join(work, "screens");
fs.mkdirSync(screens, { recursive: true });
let failures = 0;
function fail(msg) { console.error("FAIL: " + msg); failures++; }

// Every WCAG 2.1 A and AA rule; `colourOnly`: the colour rules alone (for
// the dark scheme, where only the colours differ).
async function axe(p, label, colourOnly) {
  if (!(await p.evaluate(() => !!window.axe))) await p.evaluate(axeSource);
  const only = colourOnly ? { type: "rule", values: ["color-contrast", "link-in-text-block"] }
                          : { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] };
  // No preload: axe would fetch the style sheets with XMLHttpRequest, which file:// pages may not
  // (the one rule that needs them, css-orientation-lock, has nothing to find: the CSS locks no orientation).
  const result = await p.evaluate((runOnly) => window.axe.run(document, { runOnly, preload: false, resultTypes: ["violations"] }), only);
  for (const v of result.violations)
    fail(`${label}: ${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  return result.violations.length;
}

async function pages(dir) {
  const marker = fs.readdirSync(dir).filter((f) => f.endsWith(".html"));
  return marker.sort();
}

(async () => {
  const errors = [];
  const browser = await launch(nodeDir);
  const started = Date.now();
  let checked = 0;
  try {
    const p = await newPage(browser, errors);
    await p.setViewport({ width: 1280, height: 900 });
    // axe-core goes into every document the page loads, from the browser's side: no request, no copy per page.
    await p.evaluateOnNewDocument(axeSource);
    // Every page, both languages, both schemes: four tabs, one a language and scheme.
    await Promise.all(["da", "en"].flatMap((lang) => ["light", "dark"].map(async (scheme) => {
      const dir = path.join(work, lang);
      const tab = await newPage(browser, errors);
      await tab.setViewport({ width: 1280, height: 900 });
      await tab.evaluateOnNewDocument(axeSource);
      await tab.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      for (const file of await pages(dir)) {
        await tab.goto(fileUrl(path.join(dir, file)), { waitUntil: "load" });
        await axe(tab, `${lang}/${file} (${scheme})`, scheme === "dark");
        checked++;
      }
      const away = outside(tab.requests, dir);
      if (away.length) fail(`${lang}: requests outside the export: ${away.slice(0, 5).join(", ")}`);
      await tab.close();
    })));
    console.log(`axe-core: ${checked} page views (2 languages x 2 schemes; dark: the colour rules) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Screenshots: a lesson page in Danish, light and dark; reflow at 400 %
    // (a 1280 px window at 400 % is 320 CSS px wide): nothing wider than the view.
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await p.goto(fileUrl(path.join(work, "da", "lesson-1-2.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "lesson-da-light.png") });
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    await p.goto(fileUrl(path.join(work, "en", "lesson-1-2.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "lesson-en-dark.png") });
    await p.setViewport({ width: 320, height: 800 });
    for (const file of ["index.html", "lesson-2-3.html", "lesson-1-check.html", "quiz.html"]) {
      await p.goto(fileUrl(path.join(work, "da", file)), { waitUntil: "load" });
      const wide = await p.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 320) fail(`da/${file} at 320 px (400 % zoom) scrolls sideways: ${wide} px wide`);
    }
    await p.goto(fileUrl(path.join(work, "da", "lesson-1-2.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "lesson-da-400pct.png") });
    // Forced colours (puppeteer has no name for it; the DevTools protocol does).
    const cdp = await p.createCDPSession();
    await cdp.send("Emulation.setEmulatedMedia", { features: [{ name: "forced-colors", value: "active" }] });
    await p.setViewport({ width: 1280, height: 900 });
    await p.goto(fileUrl(path.join(work, "en", "lesson-1-check.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "check-en-forced-colors.png") });
    await cdp.send("Emulation.setEmulatedMedia", { features: [] });
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);

    // The keyboard path, on the gated fixture (ordered lessons, quiz after them).
    const dir = path.join(work, "gated");
    const url = (f) => fileUrl(path.join(dir, f));
    await p.goto(url("index.html"), { waitUntil: "load" });
    await p.keyboard.press("Tab");
    if (!(await p.evaluate(() => document.activeElement.classList.contains("skip")))) fail("the first Tab does not reach the skip link");
    // Every visible control is reached by Tab, in one round.
    async function tabRound() {
      return p.evaluate(() => {
        const all = Array.from(document.querySelectorAll("a[href], button, input, select, textarea"))
          .filter((e) => !e.disabled && e.offsetParent !== null && e.tabIndex >= 0);
        // A radio group is one Tab stop (the arrows move inside it).
        return Array.from(new Set(all.map((e) => e.type === "radio" ? "radio:" + e.name
                                                   : e.id || e.getAttribute("href") || e.name || e.textContent.trim())));
      });
    }
    async function reachAll(label) {
      const want = await tabRound();
      const seen = new Set();
      await p.evaluate(() => document.activeElement && document.activeElement.blur());
      for (let i = 0; i < want.length * 2 + 5; i++) {
        await p.keyboard.press("Tab");
        seen.add(await p.evaluate(() => {
          const e = document.activeElement;
          return e.type === "radio" ? "radio:" + e.name : e.id || e.getAttribute("href") || e.name || e.textContent.trim();
        }));
      }
      const missing = want.filter((w) => !seen.has(w));
      if (missing.length) fail(`${label}: not reached by Tab: ${missing.join(", ")}`);
    }
    await reachAll("gated/index.html");
    // A learner name typed and sent with Enter.
    await p.focus("#learner-name");
    await p.keyboard.type("Ann");
    await p.keyboard.press("Enter");
    await p.waitForFunction(() => document.querySelector("#learner-badge").textContent === "Ann");
    // Lesson 2 is locked until lesson 1 is complete.
    await p.goto(url("lesson-2-1.html"), { waitUntil: "load" });
    if (await p.$eval(".locked-note", (e) => e.hidden)) fail("lesson 2 opened before lesson 1 was complete");
    for (const f of ["lesson-1-1.html", "lesson-1-2.html"]) await p.goto(url(f), { waitUntil: "load" });
    await p.goto(url("lesson-1-check.html"), { waitUntil: "load" });
    if (await p.$eval(".pager .next", (e) => !e.hidden)) fail("the way past an unanswered check is open");
    await reachAll("gated/lesson-1-check.html");
    // Answer by keyboard: Tab into the radio group, arrow to the second option, Space, Tab to Answer, Enter.
    const q = await p.$eval("fieldset.question", (f) => f.id);
    await p.focus(`#${q}-o1`);
    await p.keyboard.press("ArrowDown");  // a radio group: the arrow moves and chooses
    await p.keyboard.press("Tab");
    await p.keyboard.press("Enter");
    await p.waitForFunction((id) => document.querySelector(`#${id}-feedback`).textContent.length > 0, {}, q);
    const feedback = await p.$eval(`#${q}-feedback`, (e) => ({ live: e.getAttribute("aria-live"), text: e.textContent }));
    if (feedback.live !== "polite" || !feedback.text) fail("no feedback in a live region after a keyboard answer");
    if (await p.$eval(".pager .next", (e) => e.hidden)) fail("the check answered, the way on is still closed");
    await axe(p, "gated/lesson-1-check.html with feedback");
    await p.screenshot({ path: path.join(screens, "check-feedback-da.png"), fullPage: true });
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    await axe(p, "gated/lesson-1-check.html with feedback (dark)");
    await p.screenshot({ path: path.join(screens, "check-feedback-da-dark.png"), fullPage: true });
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    // The rest of the lessons, the checks answered by keyboard (Space on each checkbox / radio).
    await p.goto(url("lesson-2-1.html"), { waitUntil: "load" });
    if (!(await p.$eval(".locked-note", (e) => e.hidden))) fail("lesson 2 still locked after lesson 1");
    await p.goto(url("lesson-2-check.html"), { waitUntil: "load" });
    const [multi, truefalse] = await p.$$eval("fieldset.question", (fs) => fs.map((f) => f.id));
    for (const n of [1, 2]) { await p.focus(`#${multi}-o${n}`); await p.keyboard.press("Space"); }
    await p.focus(`#${multi} ~ button`); await p.keyboard.press("Enter");
    await p.focus(`#${truefalse}-o1`); await p.keyboard.press("Space");
    await p.focus(`#${truefalse} ~ button`); await p.keyboard.press("Enter");
    await p.waitForFunction(() => !document.querySelector(".pager .next").hidden);
    for (const f of ["lesson-3-1.html", "lesson-3-2.html"]) await p.goto(url(f), { waitUntil: "load" });
    // The quiz: started with Enter, every question answered by keyboard, submitted with Enter.
    await p.goto(url("quiz.html"), { waitUntil: "load" });
    await p.focus("#quiz-start");
    await p.keyboard.press("Enter");
    await p.waitForFunction(() => !document.querySelector("#quiz-form").hidden);
    await axe(p, "gated/quiz.html during an attempt");
    const shown = await p.$$eval(".quiz-questions > li:not([hidden]) fieldset", (fs) => fs.map((f) => f.id));
    if (shown.length !== 3) fail(`the attempt shows ${shown.length} questions, not the 3 drawn`);
    for (const id of shown) { await p.focus(`#${id} input`); await p.keyboard.press("Space"); }
    await reachAll("gated/quiz.html during an attempt");
    await p.focus("#quiz-submit");
    await p.keyboard.press("Enter");
    await p.waitForFunction(() => document.querySelector("#quiz-result").textContent.length > 0);
    const state = await p.evaluate(() => ({ state: window.LektionPage.session.quizState(), attempts: window.LektionPage.session.progress.attempts.length }));
    if (state.attempts !== 1) fail(`after one submission the records hold ${state.attempts} attempts`);
    await axe(p, "gated/quiz.html with its result");
    await p.screenshot({ path: path.join(screens, "quiz-result-da.png"), fullPage: true });
    // Ann's progress as the file records import reads (the shell script imports it).
    const file = await p.evaluate(() => JSON.stringify(window.LektionRecords(window.LEKTION_COURSE, "Ann",
      window.LektionPage.record(), localStorage.getItem("lektion:" + window.LEKTION_COURSE.id + ":device"))));
    fs.writeFileSync(path.join(work, "browser-records.json"), file);
    // The download button offers the same file.
    await p.goto(url("index.html"), { waitUntil: "load" });
    if (await p.$eval("#export-progress", (e) => e.hidden)) fail("no button to download the progress");
    const away = outside(p.requests, path.join(work));
    if (away.length) fail(`requests outside the export: ${away.slice(0, 5).join(", ")}`);
  } finally {
    await browser.close();
  }
  if (errors.length) fail("script errors: " + errors.join("; "));
  console.log(failures ? `${failures} failures` : "axe-core: 0 violations; keyboard path complete");
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
