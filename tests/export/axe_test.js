// Accessibility, measured: axe-core's WCAG 2.1 A and AA rules on every page
// of the bundled course's export in Danish and English, in light and dark
// (prefers-color-scheme), with 0 violations allowed; the same on the pages'
// other states (a check answered, with its feedback; a quiz attempt and its
// result). Then the keyboard path through the gated fixture: every control
// reachable by Tab, every question answered without a mouse, the feedback
// in a live region. The tour (content/tour: every question type) the same
// way: axe on every page in Danish and English, light and dark, and every
// question, checks and quiz, answered by keyboard alone. Screenshots for a
// person to look at go to WORK/screens.
//
//   node axe_test.js NODE_DIR WORK   (WORK holds da/, en/, tour-da/, tour-en/ and gated/)
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

// The tour in Danish by keyboard alone: every question of both checks and of
// the quiz answered rightly with Tab, arrows, Space, Enter and typing; the
// ordering's focus and live region checked on the way; then the checks'
// matching and ordering answered wrongly for their feedback, looked at with
// axe and photographed in light and dark.
async function tourByKeyboard(p) {
  const dir = path.join(work, "tour-da");
  const url = (f) => fileUrl(path.join(dir, f));
  const started = Date.now();
  const key = (k) => p.keyboard.press(k);
  // The question ids of the visible fieldsets, with what the engine's data says is right.
  const visible = () => p.evaluate(() => {
    const E = window.LektionEngine, c = window.LEKTION_COURSE;
    const all = [].concat(...c.lessons.map((l) => l.checks), c.quiz ? c.quiz.questions : []);
    return Array.from(document.querySelectorAll("fieldset.question")).filter((f) => !f.closest("[hidden]")).map((f) => {
      const q = all.find((x) => x.id === f.dataset.question);
      const labels = {};
      f.querySelectorAll(".target-label").forEach((t) => { labels[t.dataset.target] = t.textContent; });
      return { dom: f.id, type: q.type, right: E.rightAnswer(q), labels };
    });
  });
  const focused = () => p.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  // One question by keyboard. `wrong`: answer so that some parts are wrong (matching, ordering).
  async function answer(q, wrong) {
    switch (q.type) {
      case "single": case "truefalse": {
        // A radio group: focus the first, then arrow down to the right one (the arrows choose).
        // The options in the order shown (an attempt shuffles them).
        const ids = await p.$$eval(`#${q.dom} .options input`, (is) => is.map((i) => i.value));
        await p.focus(`#${q.dom} .options input`);
        await key("Space");
        for (let i = 0; i < ids.indexOf(q.right[0]); i++) await key("ArrowDown");
        break;
      }
      case "multiple": {
        const ids = await p.$$eval(`#${q.dom} .options input`, (is) => is.map((i) => i.value));
        for (const id of ids) {
          const box = `#${q.dom} input[value="${id}"]`;
          if ((q.right.indexOf(id) >= 0) !== (await p.$eval(box, (e) => e.checked))) { await p.focus(box); await key("Space"); }
        }
        break;
      }
      case "matching": {
        // Each select: typing a target's first letters picks it, as in any list box.
        const rows = await p.$$eval(`#${q.dom} select`, (ss) => ss.map((s) => ({ id: s.id, item: s.dataset.item })));
        for (const [n, row] of rows.entries()) {
          let target = q.right.find((e) => e.startsWith(row.item + "=")).split("=")[1];
          if (wrong && n === 0) target = Object.keys(q.labels).find((t) => t !== target);
          await p.focus(`#${row.id}`);
          await p.keyboard.type(q.labels[target]);
          const chosen = await p.$eval(`#${row.id}`, (s) => s.value);
          if (chosen !== target) fail(`tour: typing "${q.labels[target]}" in ${row.id} chose ${chosen}`);
        }
        break;
      }
      case "ordering": {
        // Put the list in order with the Move up buttons: focus stays on the button pressed, so
        // Enter again moves the same item on; the live region says where it went.
        const target = wrong ? [q.right[1], q.right[0]].concat(q.right.slice(2)) : q.right;
        for (let i = 0; i < target.length; i++) {
          const now = await p.$$eval(`#${q.dom} .order-item`, (li) => li.map((l) => l.dataset.option));
          const j = now.indexOf(target[i]);
          if (j === i) continue;
          const button = await p.$eval(`#${q.dom} .order-item[data-option="${target[i]}"] .move[data-by="-1"]`, (b) => b.id);
          await p.focus(`#${button}`);
          for (let k = i; k < j; k++) await key("Enter");
          if ((await focused()) !== button) fail(`tour: focus left the moved item's button (${await focused()})`);
          const said = await p.$eval(`#${q.dom} .order-status`, (e) => e.textContent);
          if (!said.startsWith(`${i + 1}. `)) fail(`tour: the live region says "${said}" after a move to place ${i + 1}`);
        }
        if (!wrong && (await p.$eval(`#${q.dom}`, (f) => f.dataset.quiz)) === "true" &&
            (await p.$eval(`#${q.dom}`, (f) => f.dataset.touched)) !== "true") {
          await p.focus(`#${q.dom} .keep`);  // nothing moved: keep the order shown as the answer
          await key("Enter");
        }
        break;
      }
      case "fillin":
        for (let i = 0; i < q.right.length; i++) {
          await p.focus(`#${q.dom}-g${i + 1}`);
          await p.keyboard.type(i === 0 ? q.right[i].toUpperCase() : q.right[i]);  // case does not count
          await key("Tab");
        }
        break;
      case "numeric":
        // In Danish, with a decimal comma: 80,3 is within 80 ± 0,5 (the check); the quiz takes 79 to 81.
        await p.focus(`#${q.dom}-n`);
        await p.keyboard.type(Number(q.right[0]) === 80 ? "80,3" : String(q.right[0]).replace(".", ","));
        await key("Tab");
        break;
    }
  }
  async function check(page, wrong) {
    await p.goto(url(page), { waitUntil: "load" });
    const qs = await visible();
    for (const q of qs) {
      if (wrong && q.type !== "matching" && q.type !== "ordering") continue;
      await answer(q, wrong);
      // To the question's Answer button by Tab from its last control, and Enter.
      await p.focus(`#${q.dom} ~ button.answer`);
      await key("Enter");
      await p.waitForFunction((id) => document.querySelector(`#${id}-feedback`).textContent.length > 0, {}, q.dom);
      const verdict = await p.$eval(`#${q.dom}-feedback .verdict`, (e) => e.className);
      if (!wrong && !/good/.test(verdict)) fail(`tour: ${page} ${q.type} answered by keyboard is not right: ${await p.$eval(`#${q.dom}-feedback`, (e) => e.textContent)}`);
      if (wrong && !/bad/.test(verdict)) fail(`tour: ${page} ${q.type} answered wrongly is judged right`);
    }
    return qs;
  }
  await p.goto(url("index.html"), { waitUntil: "load" });
  await p.evaluate(() => localStorage.clear());
  await check("lesson-1-1.html", false);
  await check("lesson-1-2.html", false);
  const l1 = await check("lesson-1-check.html", false);
  await check("lesson-2-1.html", false);
  const l2 = await check("lesson-2-check.html", false);
  const checkTypes = l1.concat(l2).map((q) => q.type).sort().join(",");
  if (checkTypes !== "fillin,matching,multiple,numeric,ordering,single,truefalse") fail(`tour: the checks hold ${checkTypes}`);
  await p.evaluate(() => document.activeElement.blur());
  const answered = await p.evaluate(() => Object.keys(window.LektionPage.session.progress.lessons).map((l) => window.LektionPage.session.progress.lessons[l].complete));
  if (!answered.every((c) => c) || answered.length !== 2) fail(`tour: lessons complete after the checks: ${answered}`);
  // The quiz by keyboard: Enter on start, each question, Enter on submit; every answer right.
  await p.goto(url("quiz.html"), { waitUntil: "load" });
  await p.focus("#quiz-start");
  await key("Enter");
  await p.waitForFunction(() => !document.querySelector("#quiz-form").hidden);
  for (const q of await visible()) await answer(q, false);
  await p.focus("#quiz-submit");
  await key("Enter");
  await p.waitForFunction(() => document.querySelector("#quiz-result").textContent.length > 0);
  const score = await p.evaluate(() => window.LektionPage.session.bestScore());
  if (!score || score.raw !== 7 || !score.passed)
    fail(`tour: the quiz by keyboard scored ${JSON.stringify(score)}, not 7 of 7: ${await p.evaluate(() =>
      JSON.stringify(window.LektionPage.session.progress.attempts[0].answers))}`);
  await axe(p, "tour-da/quiz.html with its result");
  await p.screenshot({ path: path.join(screens, "tour-quiz-result-da.png"), fullPage: true });
  // Feedback to look at: the check's matching and ordering answered wrongly, light and dark.
  await check("lesson-2-check.html", true);
  for (const scheme of ["light", "dark"]) {
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await axe(p, `tour-da/lesson-2-check.html with feedback (${scheme})`, scheme === "dark");
    const box = await p.evaluate(() => {
      const fs = Array.from(document.querySelectorAll("fieldset.question")).slice(0, 2);
      const a = fs[0].getBoundingClientRect(), b = fs[1].closest("form").getBoundingClientRect();
      return { x: 0, y: a.top + window.scrollY - 10, width: 1280, height: b.bottom - a.top + 20 };
    });
    await p.screenshot({ path: path.join(screens, `tour-matching-ordering-feedback-${scheme}.png`), clip: box });
  }
  await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  console.log(`tour: every question of the checks and the quiz answered by keyboard in ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
    // Every page, both languages, both schemes: four tabs, one a language and scheme; the bundled
    // course, then the tour.
    for (const set of [["da", "en"], ["tour-da", "tour-en"]])
    await Promise.all(set.flatMap((lang) => ["light", "dark"].map(async (scheme) => {
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
    console.log(`axe-core: ${checked} page views (2 courses x 2 languages x 2 schemes; dark: the colour rules) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Screenshots: a lesson page in Danish, light and dark; reflow at 400 %
    // (a 1280 px window at 400 % is 320 CSS px wide): nothing wider than the view.
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await p.goto(fileUrl(path.join(work, "da", "lesson-1-2.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "lesson-da-light.png") });
    await p.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    await p.goto(fileUrl(path.join(work, "en", "lesson-1-2.html")), { waitUntil: "load" });
    await p.screenshot({ path: path.join(screens, "lesson-en-dark.png") });
    await p.setViewport({ width: 320, height: 800 });
    for (const file of ["da/index.html", "da/lesson-2-3.html", "da/lesson-1-check.html", "da/quiz.html",
                        "tour-da/lesson-2-check.html", "tour-da/quiz.html", "tour-da/workbook.html"]) {
      await p.goto(fileUrl(path.join(work, file)), { waitUntil: "load" });
      const wide = await p.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 320) fail(`${file} at 320 px (400 % zoom) scrolls sideways: ${wide} px wide`);
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
    // The tour's check of the four new types: every select, button and field reached by Tab.
    await p.goto(fileUrl(path.join(work, "tour-da", "lesson-2-check.html")), { waitUntil: "load" });
    await reachAll("tour-da/lesson-2-check.html");
    await tourByKeyboard(p);
    const away = outside(p.requests, path.join(work));
    if (away.length) fail(`requests outside the export: ${away.slice(0, 5).join(", ")}`);
  } finally {
    await browser.close();
  }
  if (errors.length) fail("script errors: " + errors.join("; "));
  console.log(failures ? `${failures} failures` : "axe-core: 0 violations; keyboard path complete");
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
