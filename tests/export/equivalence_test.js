// Score equivalence, engine versus page: the random action sequences that
// session_driver ran through lektion::Session (TRACE, its JSON) run again
// through the browser export's script, loaded in the exported page in
// Chromium, and every step's result and state must be the same. Also checks
// the script's mt19937_64 against the value the C++ standard pins.
//
// With TYPED (session_driver --typed): the fill-in comparisons and the
// numbers typed in several languages, as ICU judges them in the engine,
// judged again by the page's script (Intl.Collator, Intl.NumberFormat).
//
//   node equivalence_test.js NODE_DIR SITE_DIR TRACE [TYPED]
"use strict";
const fs = require("fs");
const path = require("path");
const util = require("util");
const { launch, page, fileUrl, outside } = require("./browser.js");

const [nodeDir, siteDir, traceFile, typedFile] = process.argv.slice(2);
const trace = JSON.parse(fs.readFileSync(traceFile, "utf8"));

// In the page: replay each sequence in a fresh session, state after each step
// in the driver's shape.
function replay(sequences) {
  const E = window.LektionEngine;
  const rng = new E.Mt64(5489n);
  let tenThousandth;
  for (let i = 0; i < 10000; i++) tenThousandth = rng.next();
  function score(s) { return s ? { raw: s.raw, max: s.max, scaled: s.scaled, passed: s.passed } : null; }
  function answers(map) {
    const out = {};
    Object.keys(map).forEach((k) => { out[k] = { chosen: map[k].chosen, correct: map[k].correct, credit: map[k].credit }; });
    return out;
  }
  function state(s) {
    const c = s.course;
    return {
      position: [s.position().lesson, s.position().page],
      can_advance: s.canAdvance(),
      quiz_state: s.quizState(),
      attempts_left: s.attemptsLeft(),
      course_complete: s.progress.courseComplete,
      best: score(s.bestScore()),
      lessons: c.lessons.map((l, i) => {
        const lp = s.lessonRecord(l.id);
        return { open: s.lessonOpen(i), complete: s.lessonComplete(i), fraction: s.lessonFraction(i),
          viewed: lp ? Object.keys(lp.viewed).sort() : [], checks: lp ? answers(lp.checks) : {} };
      }),
      attempts: s.progress.attempts.map((a) => ({ number: a.number, seed: a.seed, questions: a.questions,
        order: a.order, answers: answers(a.answers), score: score(a.score) })),
    };
  }
  const results = sequences.map((seq) => {
    const s = new E.Session(E.rules(window.LEKTION_COURSE));
    return seq.steps.map((step) => {
      const out = { action: step.action };
      switch (step.action) {
        case "next": out.result = s.next(); break;
        case "previous": out.result = s.previous(); break;
        case "go_home": s.goHome(); break;
        case "open_lesson": out.lesson = step.lesson; s.openLesson(step.lesson); break;
        case "go_to": out.position = step.position; s.goTo({ lesson: step.position[0], page: step.position[1] }); break;
        case "answer_check": {
          out.question = step.question; out.chosen = step.chosen;
          const ev = s.answerCheck(step.question, step.chosen);
          out.result = { correct: ev.correct, correct_options: ev.correctOptions, credit: ev.credit, parts: ev.parts,
            parts_right: ev.partsRight };
          break;
        }
        case "start_quiz": out.seed = step.seed; out.result = !!s.startQuiz(BigInt(step.seed)); break;
        case "answer_quiz":
          out.question = step.question; out.chosen = step.chosen;
          out.result = s.answerQuiz(step.question, step.chosen);
          break;
        case "submit_quiz": out.result = score(s.submitQuiz()); break;
      }
      out.state = state(s);
      return out;
    });
  });
  return { tenThousandth: tenThousandth.toString(), results };
}

(async () => {
  const errors = [];
  const browser = await launch(nodeDir);
  let failed = 0;
  try {
    const p = await page(browser, errors);
    await p.goto(fileUrl(path.join(siteDir, "index.html")), { waitUntil: "load" });
    // One sequence at a time: the bundled course's long sequences are megabytes each.
    let tenThousandth = "";
    const results = [];
    for (const seq of trace) {
      const out = await p.evaluate(replay, [seq]);
      tenThousandth = out.tenThousandth;
      results.push(out.results[0]);
    }
    if (tenThousandth !== "9981545732273789042") {
      console.error(`mt19937_64: the 10000th number is ${tenThousandth}, the standard says 9981545732273789042`);
      failed++;
    }
    let steps = 0, quizSubmits = 0, passes = 0;
    trace.forEach((seq, i) => {
      for (let n = 0; n < seq.steps.length; n++) {
        const want = seq.steps[n], got = results[i][n];
        steps++;
        if (want.action === "submit_quiz" && want.result) { quizSubmits++; if (want.result.passed) passes++; }
        if (!util.isDeepStrictEqual(JSON.parse(JSON.stringify(got)), want)) {
          console.error(`sequence ${i} (seed ${seq.seed}), step ${n} (${want.action}) differs:`);
          console.error("  engine: " + JSON.stringify(want));
          console.error("  page:   " + JSON.stringify(got));
          failed++;
          break;  // the rest of this sequence follows from the difference
        }
      }
    });
    if (typedFile) {
      const typed = JSON.parse(fs.readFileSync(typedFile, "utf8"));
      const got = await p.evaluate((t) => {
        const E = window.LektionEngine;
        return {
          texts: t.texts.map((c) => E.sameAnswer(c.typed, c.accepted, c.ignore)),
          numbers: t.numbers.map((c) => E.parseLearnerNumber(c.typed, c.lang)),
        };
      }, typed);
      let differ = 0;
      typed.texts.forEach((c, i) => {
        if (got.texts[i] !== c.same) {
          differ++;
          console.error(`fill-in: ${JSON.stringify(c.typed)} against ${JSON.stringify(c.accepted)} (accents ${c.ignore ? "ignored" : "matter"}): engine ${c.same}, page ${got.texts[i]}`);
        }
      });
      typed.numbers.forEach((c, i) => {
        if (got.numbers[i] !== c.value) {
          differ++;
          console.error(`numeric: ${JSON.stringify(c.typed)} in ${c.lang}: engine ${c.value}, page ${got.numbers[i]}`);
        }
      });
      console.log(`typed answers: ${typed.texts.length} fill-in comparisons, ${typed.numbers.length} numbers in 6 languages; ${differ} differ`);
      failed += differ;
    }
    const away = outside(p.requests, siteDir);
    if (away.length) { console.error("requests outside the export: " + away.join(", ")); failed++; }
    console.log(`${trace.length} sequences, ${steps} steps compared, ${quizSubmits} quiz submissions (${passes} passed)`);
    if (quizSubmits === 0) { console.error("no sequence reached a quiz submission: the test proves too little"); failed++; }
  } finally {
    await browser.close();
  }
  if (errors.length) { console.error("script errors: " + errors.join("; ")); failed++; }
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
