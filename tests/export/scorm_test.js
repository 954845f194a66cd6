// The SCORM packages under a real LMS runtime: scorm-again (3.x) provides
// the LMS side of SCORM 1.2 and 2004 in a page served from 127.0.0.1; the
// package's scorm.html runs in an iframe under it. A learner plays lesson 1,
// leaves, comes back (a reload with the runtime's saved data), lands where
// they left off with lesson 1 still complete, finishes the lessons and the
// quiz; the test reads back the runtime's data model: completion, score,
// success, suspend data, interactions. Then the tour (every question type):
// lessons, checks and quiz answered by the page's controls, one matching
// pair wrong; every interaction's type, response and pattern as scorm-again
// took them (it refuses values of the wrong format), partial credit as a
// 2004 result.
//
//   node scorm_test.js NODE_DIR WORK   (WORK holds gated-1.2/, gated-2004/, tour-1.2/ and tour-2004/, unzipped)
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const { launch, page: newPage, answerByControls } = require("./browser.js");

const [nodeDir, work] = process.argv.slice(2);
const againDir = path.join(nodeDir, "node_modules", "scorm-again", "dist");
let failures = 0;
function fail(msg) { console.error("FAIL: " + msg); failures++; }
function expect(cond, msg) { if (!cond) fail(msg); }

// The LMS page: the runtime, the learner's saved data (if any), the SCO in a frame.
function lmsPage(version, saved, pkg) {
  const api = version === "1.2"
    ? `window.API = new Scorm12API({ autocommit: false, logLevel: 5 });`
    : `window.API_1484_11 = new Scorm2004API({ autocommit: false, logLevel: 5 });`;
  const name = version === "1.2" ? "API" : "API_1484_11";
  const learner = version === "1.2" ? `{ core: { student_id: "ann", student_name: "Ann" } }`
                                    : `{ learner_id: "ann", learner_name: "Ann" }`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again/${version === "1.2" ? "scorm12" : "scorm2004"}.js"></script>
<script>
${api}
window.lms = window.${name};
window.lms.loadFromJSON(${learner});
const saved = ${JSON.stringify(saved || null)};
if (saved) window.lms.loadFromFlattenedJSON(saved);
window.committed = 0;
window.setErrors = [];
const setValue = window.lms.${version === "1.2" ? "LMSSetValue" : "SetValue"}.bind(window.lms);
window.lms.${version === "1.2" ? "LMSSetValue" : "SetValue"} = (el, v) => {
  const r = setValue(el, v);
  if (String(r) !== "true") window.setErrors.push(el + " = " + JSON.stringify(v) + ": " + window.lms.lastErrorCode);
  return r;
};
window.lms.on("${version === "1.2" ? "LMSCommit" : "Commit"}", () => { window.committed++; });
</script></head><body><iframe id="player" title="course" src="/${pkg || "gated"}-${version}/scorm.html" style="width:1000px;height:700px"></iframe></body></html>`;
}

function serve() {
  let current = "";
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split("?")[0]);
    if (url === "/lms.html") { res.writeHead(200, { "content-type": "text/html" }); return res.end(current); }
    let file = null;
    if (url.startsWith("/scorm-again/")) file = path.join(againDir, path.basename(url));
    else if (/^\/(gated|tour)-(1\.2|2004)\/([a-z0-9._-]+\/)*[a-z0-9._-]+$/i.test(url) && !url.includes("..")) file = path.join(work, url);
    if (url === "/favicon.ico") { res.writeHead(204); return res.end(); }  // the browser asks; nobody minds
    if (!file || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    const type = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" }[path.extname(file)] || "application/octet-stream";
    res.writeHead(200, { "content-type": type + "; charset=utf-8" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, set: (h) => { current = h; } })));
}

async function courseFrame(p) {
  for (let i = 0; i < 100; i++) {
    const f = p.frames().find((fr) => /\/(gated|tour)-[0-9.]+\/(?!scorm\.html)[a-z0-9-]+\.html/.test(fr.url()));
    if (f) {
      try { await f.waitForFunction(() => window.LektionPage, { timeout: 5000 }); return f; } catch (e) { /* navigating */ }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the course's frame did not load");
}

async function visit(p, file) {
  const f = await courseFrame(p);
  await Promise.all([f.waitForNavigation({ waitUntil: "load" }), f.evaluate((u) => { window.location.href = u; }, file)]);
  return courseFrame(p);
}

// The learner answers the checks of the current page rightly, by the page's controls.
async function answerChecks(f) {
  await f.evaluate(() => {
    const course = window.LEKTION_COURSE;
    document.querySelectorAll("form.question-form").forEach((form) => {
      const fs = form.querySelector("fieldset");
      let q = null;
      course.lessons.forEach((l) => l.checks.forEach((c) => { if (c.id === fs.dataset.question) q = c; }));
      q.options.forEach((o) => { if (o.correct) fs.querySelector(`input[value="${CSS.escape(o.id)}"]`).click(); });
      form.querySelector("button").click();
    });
  });
}


async function run(version, srv, browser, errors) {
  const p = await newPage(browser, errors);
  const readCmi = () => p.evaluate(() => JSON.parse(JSON.stringify(window.lms.cmi)));
  srv.set(lmsPage(version, null));
  await p.goto(srv.base + "/lms.html", { waitUntil: "load" });
  let f = await courseFrame(p);
  // Lesson 1: both sections and its check; then the first page of lesson 2.
  f = await visit(p, "lesson-1-1.html");
  f = await visit(p, "lesson-1-2.html");
  f = await visit(p, "lesson-1-check.html");
  await answerChecks(f);
  f = await visit(p, "lesson-2-1.html");
  let cmi = await readCmi();
  const is12 = version === "1.2";
  const status = is12 ? cmi.core.lesson_status : cmi.completion_status;
  expect(status === "incomplete", `${version}: status ${status} after one lesson, not incomplete`);
  expect(cmi.suspend_data.length > 0, `${version}: no suspend data`);
  // The learner leaves: the frame goes, the SCO finishes; the LMS keeps what it was given.
  await p.evaluate(() => { document.getElementById("player").remove(); });
  cmi = await readCmi();
  const saved = is12
    ? { "cmi.suspend_data": cmi.suspend_data, "cmi.core.lesson_location": cmi.core.lesson_location, "cmi.core.entry": "resume" }
    : { "cmi.suspend_data": cmi.suspend_data, "cmi.location": cmi.location, "cmi.entry": "resume" };
  expect(is12 ? cmi.core.exit === "suspend" : cmi.exit === "suspend", `${version}: exit is not suspend`);
  const location = is12 ? cmi.core.lesson_location : cmi.location;
  expect(location === "lesson-2-1.html", `${version}: location ${location}, not lesson-2-1.html`);

  // Back again: the LMS hands the saved data to a new runtime.
  srv.set(lmsPage(version, saved));
  await p.goto(srv.base + "/lms.html?again", { waitUntil: "load" });
  f = await courseFrame(p);
  expect(/lesson-2-1\.html$/.test(f.url()), `${version}: resumed at ${f.url()}, not lesson-2-1.html`);
  const resumed = await f.evaluate(() => ({ l1: window.LektionPage.session.lessonComplete(0), open2: window.LektionPage.session.lessonOpen(1) }));
  expect(resumed.l1 && resumed.open2, `${version}: lesson 1 not complete after the resume`);
  // The rest: lesson 2's check, lesson 3, the quiz with every answer right.
  f = await visit(p, "lesson-2-check.html");
  await answerChecks(f);
  f = await visit(p, "lesson-3-1.html");
  f = await visit(p, "lesson-3-2.html");
  cmi = await readCmi();
  if (!is12) expect(cmi.completion_status === "completed", `${version}: not completed after every lesson`);
  else expect(cmi.core.lesson_status === "completed", `${version}: 1.2 status ${cmi.core.lesson_status} after every lesson`);
  f = await visit(p, "quiz.html");
  await f.click("#quiz-start");
  await f.evaluate(() => {
    const s = window.LektionPage.session, a = s.currentAttempt();
    a.questions.forEach((qid) => {
      const fs = document.querySelector(`fieldset[data-question="${CSS.escape(qid)}"]`);
      s.quizQuestion(qid).options.forEach((o) => { if (o.correct) fs.querySelector(`input[value="${CSS.escape(o.id)}"]`).click(); });
    });
  });
  await f.click("#quiz-submit");
  await f.waitForFunction(() => document.querySelector("#quiz-result").textContent.length > 0);
  cmi = await readCmi();
  // The runtime's JSON holds the interactions as an object keyed "0", "1", ...
  const interactions = Array.isArray(cmi.interactions) ? cmi.interactions
    : Object.keys(cmi.interactions || {}).filter((k) => /^\d+$/.test(k)).map((k) => cmi.interactions[k]);
  if (interactions.length !== 3) console.error(`${version}: interactions: ${JSON.stringify(cmi.interactions).slice(0, 400)}; last error ${await p.evaluate(() => window.lms.lastErrorCode)}`);
  if (is12) {
    expect(cmi.core.lesson_status === "passed", `1.2: lesson_status ${cmi.core.lesson_status}, not passed`);
    expect(cmi.core.score.raw === "100" && cmi.core.score.min === "0" && cmi.core.score.max === "100",
      `1.2: score ${JSON.stringify(cmi.core.score)}`);
  } else {
    expect(cmi.completion_status === "completed", `2004: completion ${cmi.completion_status}`);
    expect(cmi.success_status === "passed", `2004: success ${cmi.success_status}`);
    expect(cmi.score.scaled === "1" || cmi.score.scaled === "1.0000", `2004: scaled ${cmi.score.scaled}`);
    expect(cmi.score.raw === "3" && cmi.score.min === "0" && cmi.score.max === "3", `2004: score ${JSON.stringify(cmi.score)}`);
  }
  expect(interactions.length === 3, `${version}: ${interactions.length} interactions, not 3`);
  interactions.forEach((it, i) => {
    expect(it.result === "correct", `${version}: interaction ${i} result ${it.result}`);
    expect(["choice", "true-false"].indexOf(it.type) >= 0, `${version}: interaction ${i} type ${it.type}`);
    const response = is12 ? it.student_response : it.learner_response;
    expect(response && response.length > 0, `${version}: interaction ${i} has no response`);
  });
  // A last reload: the passed quiz comes back from the suspend data.
  const data = cmi.suspend_data;
  srv.set(lmsPage(version, { "cmi.suspend_data": data }));
  await p.goto(srv.base + "/lms.html?third", { waitUntil: "load" });
  f = await courseFrame(p);
  const after = await f.evaluate(() => ({ state: window.LektionPage.session.quizState(), best: window.LektionPage.session.bestScore() }));
  expect(after.state === "passed" && after.best && after.best.raw === 3, `${version}: after a reload the quiz is ${after.state}`);
  console.log(`SCORM ${version}: resume, completion, score, success, ${interactions.length} interactions, suspend data ${data.length} characters`);
  await p.close();
}

// The tour: every question type through the LMS.
async function runTour(version, srv, browser, errors) {
  const p = await newPage(browser, errors);
  const is12 = version === "1.2";
  srv.set(lmsPage(version, null, "tour"));
  await p.goto(srv.base + "/lms.html?tour", { waitUntil: "load" });
  let f = await courseFrame(p);
  for (const file of ["lesson-1-1.html", "lesson-1-2.html", "lesson-1-check.html", "lesson-2-1.html", "lesson-2-check.html"]) {
    f = await visit(p, file);
    if (/check/.test(file)) await f.evaluate(answerByControls, []);
  }
  f = await visit(p, "quiz.html");
  await f.click("#quiz-start");
  const answered = await f.evaluate(answerByControls, ["matching"]);
  expect(answered.length === 7, `tour ${version}: ${answered.length} quiz questions answered, not 7`);
  await f.click("#quiz-submit");
  await f.waitForFunction(() => document.querySelector("#quiz-result").textContent.length > 0);
  const cmi = await p.evaluate(() => JSON.parse(JSON.stringify(window.lms.cmi)));
  const setErrors = await p.evaluate(() => window.setErrors);
  expect(setErrors.length === 0, `tour ${version}: the runtime refused ${setErrors.length} values: ${setErrors.slice(0, 5).join("; ")}`);
  const list = (o) => Array.isArray(o) ? o : Object.keys(o || {}).filter((k) => /^\d+$/.test(k)).map((k) => o[k]);
  const interactions = list(cmi.interactions && (cmi.interactions.childArray || cmi.interactions));
  const types = interactions.map((it) => it.type).sort().join(",");
  expect(types === "choice,choice,fill-in,matching,numeric,sequencing,true-false", `tour ${version}: interaction types ${types}`);
  interactions.forEach((it) => {
    const response = is12 ? it.student_response : it.learner_response;
    const patterns = list(it.correct_responses && (it.correct_responses.childArray || it.correct_responses)).map((c) => c.pattern);
    const wantResult = it.type === "matching" ? (is12 ? "wrong" : "0.6667") : "correct";
    expect(it.result === wantResult, `tour ${version}: ${it.type} result ${it.result}, not ${wantResult}`);
    expect(response && response.length > 0, `tour ${version}: ${it.type} has no response`);
    const rangeIn12 = is12 && it.type === "numeric";  // 1.2 has no range pattern
    expect(rangeIn12 ? patterns.length === 0 : patterns.length > 0 && patterns.every((x) => x), `tour ${version}: ${it.type} patterns ${JSON.stringify(patterns)}`);
    console.log(`  ${version} ${it.type}: response ${JSON.stringify(response)}, pattern ${JSON.stringify(patterns[0] || "")}, result ${it.result}`);
  });
  if (is12) {
    expect(cmi.core.lesson_status === "passed" && cmi.core.score.raw === "95", `tour 1.2: ${cmi.core.lesson_status}, raw ${cmi.core.score.raw}`);
  } else {
    expect(cmi.success_status === "passed" && cmi.score.raw === "6.666667" && cmi.score.max === "7",
      `tour 2004: ${cmi.success_status}, raw ${cmi.score.raw} of ${cmi.score.max}`);
  }
  // A reload: the answers of every type come back from the suspend data.
  srv.set(lmsPage(version, { "cmi.suspend_data": cmi.suspend_data }, "tour"));
  await p.goto(srv.base + "/lms.html?tour-again", { waitUntil: "load" });
  f = await courseFrame(p);
  const after = await f.evaluate(() => {
    const s = window.LektionPage.session, best = s.bestScore(), checks = {};
    Object.keys(s.progress.lessons).forEach((l) => Object.assign(checks, s.progress.lessons[l].checks));
    return { state: s.quizState(), raw: best && best.raw, checks: Object.keys(checks).length,
      right: Object.keys(checks).filter((k) => checks[k].correct).length };
  });
  expect(after.state === "passed" && after.raw === 6.666667 && after.checks === 7 && after.right === 7,
    `tour ${version}: after a reload ${JSON.stringify(after)}`);
  console.log(`SCORM ${version}, the tour: ${interactions.length} interactions of 6 types accepted, suspend data ${cmi.suspend_data.length} characters`);
  await p.close();
}

(async () => {
  const errors = [];
  const srv = await serve();
  srv.base = `http://127.0.0.1:${srv.server.address().port}`;
  const browser = await launch(nodeDir);
  try {
    for (const v of ["1.2", "2004"]) await run(v, srv, browser, errors);
    for (const v of ["1.2", "2004"]) await runTour(v, srv, browser, errors);
  } finally {
    await browser.close();
    srv.server.close();
  }
  if (errors.length) fail("script errors: " + errors.join("; "));
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
