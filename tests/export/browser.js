// Debian's chromium under puppeteer-core, for the browser-export tests:
// headless, no sandbox when run as root (CI), and every request a page makes
// collected so that a test can check none leaves the export.
"use strict";
const path = require("path");
const { pathToFileURL } = require("url");

function load(nodeDir, name) {
  return require(path.resolve(nodeDir, "node_modules", name));
}

async function launch(nodeDir) {
  const puppeteer = load(nodeDir, "puppeteer-core");
  const args = ["--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-extensions", "--disable-background-networking"];
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  return puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args,
    headless: true, protocolTimeout: 60000 });
}

// A page whose requests are recorded, and whose script errors fail the test.
async function page(browser, errors) {
  const p = await browser.newPage();
  p.requests = [];
  p.on("request", (r) => p.requests.push(r.url()));
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
  return p;
}

function fileUrl(file) { return pathToFileURL(file).href; }

// Requests outside `root` (a folder): none may be made.
function outside(requests, root) {
  const base = fileUrl(root) + "/";
  return requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

// Runs in a page (page.evaluate(answerByControls, ...)): answers every
// visible question by its own controls, as a learner would (radios and
// checkboxes clicked, a target chosen in each select, the list put in order,
// the gaps and the number typed in the page's way), rightly except for the
// types in `spoil` (one part wrong); then presses each check's Answer button.
// Returns the ids answered.
function answerByControls(spoil) {
  const E = window.LektionEngine, course = window.LEKTION_COURSE;
  const all = [].concat(...course.lessons.map((l) => l.checks), course.quiz ? course.quiz.questions : []);
  const answered = [];
  const fire = (el) => el.dispatchEvent(new Event("change", { bubbles: true }));
  document.querySelectorAll("fieldset.question").forEach((fs) => {
    if (fs.closest("[hidden]")) return;
    const q = all.find((c) => c.id === fs.dataset.question);
    let answer = E.rightAnswer(q);
    if ((spoil || []).indexOf(q.type) >= 0) {
      if (q.type === "matching") answer[0] = q.options[0].id + "=" + q.targets.find((t) => t !== q.options[0].match);
      else if (q.type === "ordering") answer = [answer[1], answer[0]].concat(answer.slice(2));
      else if (q.type === "fillin") answer[0] = "wrong";
    }
    switch (q.type) {
      case "matching":
        fs.querySelectorAll("select").forEach((sel) => {
          const entry = answer.find((a) => a.split("=")[0] === sel.dataset.item);
          sel.value = entry ? entry.split("=")[1] : "";
          fire(sel);
        });
        break;
      case "ordering":
        window.LEKTION_TYPES.ordering.show(fs, answer);
        fire(fs);
        break;
      case "fillin":
        fs.querySelectorAll("input.gap").forEach((input, i) => { input.value = answer[i]; fire(input); });
        break;
      case "numeric": {
        const input = fs.querySelector("input.number");
        input.value = E.learnerNumber(Number(answer[0]), course.lang);
        fire(input);
        break;
      }
      default:
        fs.querySelectorAll(".options input").forEach((input) => {
          if (input.checked !== (answer.indexOf(input.value) >= 0)) input.click();
        });
    }
    answered.push(q.id);
    const form = fs.closest("form.question-form");
    if (form) form.querySelector("button.answer").click();
  });
  return answered;
}

module.exports = { load, launch, page, fileUrl, outside, answerByControls };
