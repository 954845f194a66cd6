// lektion's browser export: the rules of engine/session/ (navigation with
// gating, answering, scoring, completion, the quiz's draw and shuffle) in a
// small script without dependencies, and the pages' behaviour on top.
// The engine part mirrors session.cpp function by function; the test
// tests/export/equivalence_test.js runs the same random sequences through
// both and compares every state. Progress is a list of events, as in the
// records, kept in the browser's storage per learner name.
"use strict";
(function () {
  var COURSE = window.LEKTION_COURSE;
  var TYPES = window.LEKTION_TYPES;

  // --- std::mt19937_64, as the standard specifies it -------------------------
  var MASK64 = (1n << 64n) - 1n;
  function Mt64(seed) {
    this.mt = new Array(312);
    this.mt[0] = BigInt.asUintN(64, seed);
    for (var i = 1; i < 312; i++) {
      var prev = this.mt[i - 1];
      this.mt[i] = (6364136223846793005n * (prev ^ (prev >> 62n)) + BigInt(i)) & MASK64;
    }
    this.index = 312;
  }
  Mt64.prototype.next = function () {
    var mt = this.mt;
    if (this.index >= 312) {
      for (var i = 0; i < 312; i++) {
        var y = (mt[i] & 0xFFFFFFFF80000000n) | (mt[(i + 1) % 312] & 0x7FFFFFFFn);
        var x = mt[(i + 156) % 312] ^ (y >> 1n);
        if (y & 1n) x ^= 0xB5026F5AA96619E9n;
        mt[i] = x;
      }
      this.index = 0;
    }
    var z = mt[this.index++];
    z ^= (z >> 29n) & 0x5555555555555555n;
    z ^= (z << 17n) & 0x71D67FFFEDA60000n;
    z ^= (z << 37n) & 0xFFF7EEE000000000n;
    z ^= z >> 43n;
    return z;
  };

  // base/shuffle.hpp: Fisher-Yates with rejection sampling.
  function shuffle(items, rng) {
    for (var i = items.length; i > 1; --i) {
      var n = BigInt(i);
      var limit = MASK64 - (MASK64 % n);
      var r;
      do r = rng.next(); while (r >= limit);
      var j = Number(r % n);
      var t = items[i - 1]; items[i - 1] = items[j]; items[j] = t;
    }
  }

  // --- progress: session/progress.cpp ----------------------------------------
  function emptyProgress() {
    return { position: { lesson: -1, page: 0 }, positionLesson: "", positionSection: "", lessons: {},
      attempts: [], courseComplete: false, language: "" };
  }
  function lessonRecord(p, id) {
    if (!p.lessons[id]) p.lessons[id] = { viewed: {}, checks: {}, complete: false };
    return p.lessons[id];
  }
  // Events written before credit: what correctness gave (records/event_json.cpp).
  function credit(e) { return typeof e.credit === "number" ? e.credit : e.correct ? 1 : 0; }
  function apply(p, e) {
    switch (e.kind) {
      case "section_viewed": lessonRecord(p, e.lesson).viewed[e.target] = true; break;
      case "check_answered": {
        var l = lessonRecord(p, e.lesson);
        if (!(e.target in l.checks))
          l.checks[e.target] = { chosen: e.chosen.slice(), correct: e.correct, credit: credit(e) };
        break;
      }
      case "lesson_completed": lessonRecord(p, e.lesson).complete = true; break;
      case "quiz_started":
        p.attempts.push({ number: e.attempt, seed: e.seed, questions: e.questions.slice(),
          order: JSON.parse(JSON.stringify(e.order)), answers: {}, score: null });
        break;
      case "quiz_answered":
        p.attempts.forEach(function (a) {
          if (a.number === e.attempt && !a.score)
            a.answers[e.target] = { chosen: e.chosen.slice(), correct: e.correct, credit: credit(e) };
        });
        break;
      case "quiz_submitted":
        p.attempts.forEach(function (a) { if (a.number === e.attempt) a.score = e.score; });
        break;
      case "course_completed": p.courseComplete = true; break;
      case "position_changed":
        p.position = { lesson: e.position.lesson, page: e.position.page };
        p.positionLesson = e.lesson || "";
        p.positionSection = e.target || "";
        break;
      case "language_changed": p.language = e.target; break;
    }
  }
  function openAttempt(p) {
    var a = p.attempts[p.attempts.length - 1];
    return a && !a.score ? a : null;
  }
  function bestScore(p) {
    var best = null;
    p.attempts.forEach(function (a) { if (a.score && (!best || a.score.scaled > best.scaled)) best = a.score; });
    return best;
  }
  function attemptsSubmitted(p) {
    return p.attempts.filter(function (a) { return !!a.score; }).length;
  }

  // --- the session: session/session.cpp --------------------------------------
  // `sink(event)` is called before an event takes effect, as the records
  // store is in the native player.
  function Session(course, events, sink) {
    this.course = course;
    this.progress = emptyProgress();
    this.sink = sink || function () {};
    var self = this;
    (events || []).forEach(function (e) { apply(self.progress, e); });
  }
  var S = Session.prototype;
  S.emit = function (e) { this.sink(e); apply(this.progress, e); };
  S.lesson = function (i) { return i >= 0 && i < this.course.lessons.length ? this.course.lessons[i] : null; };
  S.pageCount = function (i) {
    var l = this.lesson(i);
    return l ? l.sections.length + (l.checks.length ? 1 : 0) : 0;
  };
  S.isCheckPage = function (p) {
    var l = this.lesson(p.lesson);
    return !!l && l.checks.length > 0 && p.page === l.sections.length;
  };
  S.section = function (p) {
    var l = this.lesson(p.lesson);
    if (!l || p.page < 0 || p.page >= l.sections.length) return null;
    return l.sections[p.page];
  };
  S.position = function () { return { lesson: this.progress.position.lesson, page: this.progress.position.page }; };
  S.lessonRecord = function (id) { return this.progress.lessons[id] || null; };
  S.lessonOpen = function (i) {
    if (!this.lesson(i)) return false;
    return !this.course.ordered || i === 0 || this.lessonComplete(i - 1);
  };
  S.canAdvance = function () {
    var p = this.progress.position, l = this.lesson(p.lesson);
    if (!l) return false;
    if (!this.isCheckPage(p)) return true;
    for (var i = 0; i < l.checks.length; i++) if (!this.checkAnswer(l.checks[i].id)) return false;
    return true;
  };
  S.move = function (p) {
    var cur = this.progress.position;
    if (p.lesson === cur.lesson && p.page === cur.page) { this.viewCurrent(); return; }
    var e = { kind: "position_changed", position: { lesson: p.lesson, page: p.page } };
    var l = this.lesson(p.lesson);
    if (l) {
      var s = this.section(p);
      e.lesson = l.id;
      e.target = s ? s : "";
    }
    this.emit(e);
    this.viewCurrent();
  };
  S.viewCurrent = function () {
    var p = this.progress.position, s = this.section(p);
    if (!s) return;
    var lessonId = this.lesson(p.lesson).id, lp = this.lessonRecord(lessonId);
    if (lp && lp.viewed[s]) return;
    this.emit({ kind: "section_viewed", lesson: lessonId, target: s });
    this.completeLessonsAndCourse();
  };
  S.openLesson = function (i) {
    if (!this.lessonOpen(i) || this.pageCount(i) === 0) return;
    var l = this.lesson(i), lp = this.lessonRecord(l.id), page = 0;
    if (lp && !lp.complete) {
      while (page < l.sections.length && lp.viewed[l.sections[page]]) ++page;
      page = Math.min(page, this.pageCount(i) - 1);
    }
    this.move({ lesson: i, page: page });
  };
  S.goTo = function (p) {
    if (p.lesson < 0) return this.goHome();
    if (!this.lessonOpen(p.lesson) || p.page < 0 || p.page >= this.pageCount(p.lesson)) return;
    this.move(p);
  };
  S.next = function () {
    var p = this.progress.position;
    if (!this.lesson(p.lesson) || !this.canAdvance()) return false;
    if (p.page + 1 < this.pageCount(p.lesson)) { this.move({ lesson: p.lesson, page: p.page + 1 }); return true; }
    if (this.lessonOpen(p.lesson + 1) && this.pageCount(p.lesson + 1) > 0) {
      this.move({ lesson: p.lesson + 1, page: 0 });
      return true;
    }
    return false;
  };
  S.previous = function () {
    var p = this.progress.position;
    if (p.lesson < 0) return false;
    if (p.page > 0) { this.move({ lesson: p.lesson, page: p.page - 1 }); return true; }
    this.goHome();
    return true;
  };
  S.goHome = function () { this.move({ lesson: -1, page: 0 }); };

  // --- question types: engine/questions/<type>.cpp ---------------------------
  // Each type's rules, as its C++ class has them: whether an answer has the
  // type's shape, its evaluation (credit, parts, feedback), and the order an
  // attempt shows its parts in. Answers are lists of strings, as the records
  // keep them: option ids; "item=target" pairs; items in order; one text a
  // gap; a number in C form ("3.5").
  function option(q, id) {
    for (var i = 0; i < q.options.length; i++) if (q.options[i].id === id) return q.options[i];
    return null;
  }
  function ids(q) { return q.options.map(function (o) { return o.id; }); }
  function sameList(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  // questions/registry.cpp: part_credit.
  function partCredit(q, right, parts) {
    if (parts <= 0) return 0;
    if (right >= parts) return 1;
    return q.partial ? right / parts : 0;
  }
  function evaluation(q) {
    return { correct: false, credit: 0, parts: 0, partsRight: 0, correctOptions: [], feedback: [] };
  }
  function finishParts(q, ev) {
    ev.credit = partCredit(q, ev.partsRight, ev.parts);
    ev.correct = ev.parts > 0 && ev.partsRight === ev.parts;
    return ev;
  }
  function defaultOrder(q, shuffleParts, rng) {
    var out = ids(q);
    if (shuffleParts) shuffle(out, rng);
    return out;
  }
  var choiceRules = {
    valid: function (q, answer) { return answer.every(function (id) { return !!option(q, id); }); },
    evaluate: function (q, chosen) {
      var ev = evaluation(q);
      ev.correct = chosen.length > 0;
      q.options.forEach(function (o) {
        var picked = chosen.indexOf(o.id) >= 0;
        if (o.correct) ev.correctOptions.push(o.id);
        if (picked !== o.correct) ev.correct = false;
        if (picked) ev.feedback.push(o.id);  // the page shows the option's feedback, when it has one
      });
      chosen.forEach(function (id) { if (!option(q, id)) ev.correct = false; });
      ev.credit = ev.correct ? 1 : 0;
      return ev;
    },
    order: defaultOrder,
  };
  // questions/matching.cpp
  function splitPair(entry) {
    var at = entry.indexOf("=");
    if (at <= 0 || at + 1 === entry.length || entry.indexOf("=", at + 1) >= 0) return null;
    return [entry.slice(0, at), entry.slice(at + 1)];
  }
  var matchingRules = {
    valid: function (q, answer) {
      var seen = {};
      return answer.every(function (entry) {
        var pair = splitPair(entry);
        if (!pair || !option(q, pair[0]) || q.targets.indexOf(pair[1]) < 0 || seen["$" + pair[0]]) return false;
        seen["$" + pair[0]] = true;
        return true;
      });
    },
    evaluate: function (q, answer) {
      var ev = evaluation(q);
      ev.parts = q.options.length;
      q.options.forEach(function (o) {
        var chosen = null;
        answer.forEach(function (entry) {
          var pair = splitPair(entry);
          if (pair && pair[0] === o.id && !chosen) chosen = pair;
        });
        var right = !!chosen && chosen[1] === o.match;
        if (right) ev.partsRight++;
        if (chosen && !right) ev.feedback.push(o.id);
      });
      if (!matchingRules.valid(q, answer)) ev.partsRight = 0;  // an item paired twice, or a name of nothing
      return finishParts(q, ev);
    },
    order: defaultOrder,
  };
  // questions/ordering.cpp
  var orderingRules = {
    valid: function (q, answer) {
      if (!answer.length) return true;
      return sameList(answer.slice().sort(), ids(q).sort());  // every item once
    },
    evaluate: function (q, answer) {
      var ev = evaluation(q);
      ev.parts = q.options.length;
      if (answer.length && orderingRules.valid(q, answer))
        q.options.forEach(function (o, i) {
          if (answer[i] === o.id) ev.partsRight++;
          else ev.feedback.push(o.id);
        });
      return finishParts(q, ev);
    },
    // Always scrambled, whatever the quiz says, and never shown in the right order.
    order: function (q, shuffleParts, rng) {
      var out = ids(q);
      shuffle(out, rng);
      if (out.length > 1 && sameList(out, ids(q))) out.push(out.shift());
      return out;
    },
  };
  // questions/fillin.cpp. Comparison with the root collation at secondary
  // strength (case ignored) or primary (accents too), as the engine's ICU
  // collator: Intl.Collator is ICU in Chromium. tests/export's equivalence
  // test compares the two on the tour's answers and on hard cases.
  var MAX_TYPED_BYTES = 200;  // questions/limits.hpp: max_typed_bytes
  function utf8Length(s) { return new TextEncoder().encode(s).length; }
  function tidySpaces(s) {
    var out = "", space = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (c === " " || c === "\t" || c === "\n" || c === "\r") { space = out.length > 0; continue; }
      if (space) out += " ";
      space = false;
      out += c;
    }
    return out;
  }
  var collators = {};
  function sameAnswer(typed, accepted, ignoreAccents) {
    var key = ignoreAccents ? "base" : "accent";
    if (!collators[key]) collators[key] = new Intl.Collator("und", { sensitivity: key, usage: "sort" });
    return collators[key].compare(tidySpaces(typed), tidySpaces(accepted)) === 0;
  }
  var fillinRules = {
    valid: function (q, answer) {
      if (!answer.length) return true;
      if (answer.length !== q.options.length) return false;
      return answer.every(function (a) { return utf8Length(a) <= MAX_TYPED_BYTES; });
    },
    evaluate: function (q, answer) {
      var ev = evaluation(q);
      ev.parts = q.options.length;
      var ignore = (q.settings || {}).accents === "ignore";
      if (answer.length && fillinRules.valid(q, answer))
        q.options.forEach(function (gap, i) {
          var right = (gap.accepted || []).some(function (t) { return sameAnswer(answer[i], t, ignore); });
          if (right) ev.partsRight++;
          else ev.feedback.push(gap.id);
        });
      return finishParts(q, ev);
    },
    order: defaultOrder,
  };
  // questions/numeric.cpp. Answers keep numbers in C form; the learner types
  // them in the page's language (parseLearnerNumber).
  function cNumber(s) {
    if (typeof s !== "string" || !/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
    var v = Number(s);
    return isFinite(v) ? v : null;
  }
  function numericRule(q) {
    var st = q.settings || {}, min = cNumber(st.min || ""), max = cNumber(st.max || "");
    if (min !== null && max !== null) return { range: true, low: min, high: max };
    var value = cNumber(st.value || "") || 0, tolerance = cNumber(st.tolerance || "") || 0;
    return { range: false, value: value, tolerance: tolerance, low: value - tolerance, high: value + tolerance };
  }
  var numericRules = {
    valid: function (q, answer) { return !answer.length || (answer.length === 1 && cNumber(answer[0]) !== null); },
    evaluate: function (q, answer) {
      var ev = evaluation(q);
      if (answer.length === 1) {
        var v = cNumber(answer[0]);
        if (v !== null) {
          var r = numericRule(q);
          // A hair of slack for decimal fractions binary doubles cannot hold (0.1 + 0.2).
          var slack = 1e-9 * Math.max(1, Math.abs(r.low), Math.abs(r.high));
          ev.correct = v >= r.low - slack && v <= r.high + slack;
        }
      }
      ev.credit = ev.correct ? 1 : 0;
      return ev;
    },
    order: defaultOrder,
  };
  var RULES = {
    single: choiceRules, multiple: choiceRules,
    truefalse: { valid: choiceRules.valid, evaluate: choiceRules.evaluate, order: function (q) { return ids(q); } },
    matching: matchingRules, ordering: orderingRules, fillin: fillinRules, numeric: numericRules,
  };
  function rulesOf(q) { return RULES[q.type] || choiceRules; }
  // An answer that earns full credit (QuestionType::right_answer), for the tests.
  function rightAnswer(q) {
    switch (q.type) {
      case "matching": return q.options.map(function (o) { return o.id + "=" + o.match; });
      case "ordering": return ids(q);
      case "fillin": return q.options.map(function (g) { return (g.accepted || [""])[0]; });
      case "numeric": {
        var r = numericRule(q);
        return [answerNumber(r.range ? (r.low + r.high) / 2 : r.value)];
      }
      default: return q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; });
    }
  }

  // A number as fmt's "{}" writes a double (questions/numeric.cpp, answer_number):
  // the shortest digits that read back the same, in exponent form below 1e-4 or from 1e16.
  function answerNumber(v) {
    if (v === 0) return Object.is(v, -0) ? "-0" : "0";
    var e = v.toExponential(), at = e.indexOf("e"), exp = parseInt(e.slice(at + 1), 10);
    if (exp >= -4 && exp < 16) return String(v);
    var mantissa = e.slice(0, at), sign = exp < 0 ? "-" : "+", digits = String(Math.abs(exp));
    return mantissa + "e" + sign + (digits.length < 2 ? "0" : "") + digits;
  }
  // What a learner typed, in `lang`'s way of writing numbers (ICU's
  // NumberFormat, strict, without grouping, in the engine): the locale's
  // decimal separator and minus sign from Intl.NumberFormat, digits on either
  // side, an exponent as ICU takes one. Null for anything else.
  var numberParts = {};
  function parseLearnerNumber(typed, lang) {
    if (utf8Length(typed) > MAX_TYPED_BYTES) return null;
    if (!numberParts[lang]) {
      var parts = { decimal: ".", minus: "-" };
      try {
        new Intl.NumberFormat(lang).formatToParts(-1.5).forEach(function (p) {
          if (p.type === "decimal") parts.decimal = p.value;
          if (p.type === "minusSign") parts.minus = p.value;
        });
      } catch (err) { /* an unknown language: the C form */ }
      numberParts[lang] = parts;
    }
    var np = numberParts[lang];
    var t = typed.replace(/^[\s\u0000-\u0020]+|[\s\u0000-\u0020]+$/g, "");
    if (!t) return null;
    // Digits of any script (ICU takes "٣" for 3): a run of Unicode decimal digits always goes 0 to 9.
    t = t.replace(/\p{Nd}/gu, function (d) {
      var cp = d.codePointAt(0), start = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
      return String((cp - start) % 10);
    });
    // The minus signs ICU takes in every language (its minusSign equivalents), and the language's own.
    var negative = false;
    if (np.minus !== "-" && t.indexOf(np.minus) === 0) { negative = true; t = t.slice(np.minus.length); }
    else if (/^[-\u207B\u208B\u2212\u2796\uFE63\uFF0D]/.test(t)) { negative = true; t = t.slice(1); }
    var m = /^(\d*)(?:([^\deE])(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || (m[2] !== undefined && m[2] !== np.decimal) || !(m[1] + (m[3] || "")).length) return null;
    var v = Number((m[1] || "0") + "." + (m[3] || "0") + (m[4] !== undefined ? "e" + m[4] : ""));
    if (!isFinite(v)) return null;
    return negative ? -v : v;
  }
  function learnerNumber(v, lang) {
    try { return new Intl.NumberFormat(lang, { useGrouping: false, maximumFractionDigits: 10 }).format(v); }
    catch (err) { return answerNumber(v); }
  }

  S.evaluate = function (q, chosen) {
    return rulesOf(q).evaluate(q, chosen);
  };
  S.answerCheck = function (questionId, chosen) {
    for (var li = 0; li < this.course.lessons.length; li++) {
      var l = this.course.lessons[li];
      for (var qi = 0; qi < l.checks.length; qi++) {
        var q = l.checks[qi];
        if (q.id !== questionId) continue;
        var ev = this.evaluate(q, chosen);
        if (chosen.length === 0) return ev;
        this.emit({ kind: "check_answered", lesson: l.id, target: q.id, chosen: chosen.slice(), correct: ev.correct,
          credit: ev.credit, question_type: q.type, text: q.prompt || "" });
        this.completeLessonsAndCourse();
        return ev;
      }
    }
    return evaluation(null);
  };
  S.checkAnswer = function (questionId) {
    for (var id in this.progress.lessons) {
      var a = this.progress.lessons[id].checks[questionId];
      if (a) return a;
    }
    return null;
  };
  S.lessonComplete = function (i) {
    var l = this.lesson(i);
    if (!l) return false;
    var lp = this.lessonRecord(l.id);
    return !!lp && lp.complete;
  };
  S.lessonFraction = function (i) {
    var l = this.lesson(i);
    if (!l) return 0;
    var lp = this.lessonRecord(l.id), total = l.sections.length + l.checks.length;
    if (!lp || total === 0) return 0;
    var done = 0;
    l.sections.forEach(function (s) { if (lp.viewed[s]) ++done; });
    l.checks.forEach(function (q) { if (q.id in lp.checks) ++done; });
    return done / total;
  };
  S.completeLessonsAndCourse = function () {
    var all = true;
    for (var i = 0; i < this.course.lessons.length; i++) {
      if (this.lessonComplete(i)) continue;
      if (this.lessonFraction(i) >= 1) this.emit({ kind: "lesson_completed", lesson: this.course.lessons[i].id });
      else all = false;
    }
    var quizOk = !this.course.quiz || this.quizState() === "passed";
    if (all && quizOk && !this.progress.courseComplete) this.emit({ kind: "course_completed" });
  };
  S.attemptsLeft = function () {
    var quiz = this.course.quiz;
    if (!quiz || quiz.attempts === 0) return -1;
    return Math.max(0, quiz.attempts - attemptsSubmitted(this.progress));
  };
  S.quizState = function () {
    if (!this.course.quiz) return "locked";
    var best = bestScore(this.progress);
    if (best && best.passed) return "passed";
    if (openAttempt(this.progress)) return "in_progress";
    if (this.attemptsLeft() === 0) return "failed_no_attempts_left";
    if (this.course.quizAfterLessons)
      for (var i = 0; i < this.course.lessons.length; i++) if (!this.lessonComplete(i)) return "locked";
    return "open";
  };
  S.currentAttempt = function () { return openAttempt(this.progress); };
  S.quizQuestion = function (id) {
    var quiz = this.course.quiz;
    if (!quiz) return null;
    for (var i = 0; i < quiz.questions.length; i++) if (quiz.questions[i].id === id) return quiz.questions[i];
    return null;
  };
  function questionsPerAttempt(quiz) {
    var pool = quiz.questions.length;
    return quiz.draw > 0 && quiz.draw < pool ? quiz.draw : pool;
  }
  // `seed`: a BigInt (or its decimal text), as the records keep it.
  S.startQuiz = function (seed) {
    var open = openAttempt(this.progress);
    if (open) return open;
    var state = this.quizState();
    if (state === "locked" || state === "failed_no_attempts_left") return null;
    if (state === "passed" && this.attemptsLeft() === 0) return null;
    var quiz = this.course.quiz;
    if (!quiz.questions.length) return null;
    seed = BigInt.asUintN(64, BigInt(seed));
    var rng = new Mt64(seed);
    var pool = quiz.questions.map(function (q, i) { return i; });
    var n = questionsPerAttempt(quiz);
    if (n < pool.length) {
      shuffle(pool, rng);
      pool.length = n;
      pool.sort(function (a, b) { return a - b; });  // drawn questions keep the author's order
    }
    var last = 0;
    this.progress.attempts.forEach(function (a) { last = Math.max(last, a.number); });
    var e = { kind: "quiz_started", attempt: last + 1, seed: seed.toString(), questions: [], order: {} };
    pool.forEach(function (i) {
      var q = quiz.questions[i];
      e.questions.push(q.id);
      e.order[q.id] = rulesOf(q).order(q, quiz.shuffle, rng);
    });
    this.emit(e);
    return openAttempt(this.progress);
  };
  S.answerQuiz = function (questionId, chosen) {
    var a = openAttempt(this.progress);
    if (!a || a.questions.indexOf(questionId) < 0) return false;
    var q = this.quizQuestion(questionId);
    if (!q) return false;
    // Only answers of the question's shape: an id of nothing is no answer.
    if (!rulesOf(q).valid(q, chosen)) return false;
    var ev = this.evaluate(q, chosen);
    this.emit({ kind: "quiz_answered", attempt: a.number, target: questionId, chosen: chosen.slice(),
      correct: ev.correct, credit: ev.credit, question_type: q.type, text: q.prompt || "" });
    return true;
  };
  S.submitQuiz = function () {
    var a = openAttempt(this.progress);
    if (!a || !this.course.quiz) return null;
    var self = this, s = { raw: 0, max: a.questions.length, scaled: 0, passed: false };
    a.questions.forEach(function (qid) {
      var ans = a.answers[qid], q = self.quizQuestion(qid);
      if (ans && q) s.raw += self.evaluate(q, ans.chosen).credit;
    });
    // Partial credit makes fractions: rounded to millionths, as the engine does, so that three thirds are 1.
    s.raw = Math.round(s.raw * 1e6) / 1e6;
    s.scaled = s.max > 0 ? s.raw / s.max : 0;
    s.passed = Math.round(s.raw * 1e6) * 100 >= this.course.quiz.passMark * s.max * 1000000;
    this.emit({ kind: "quiz_submitted", attempt: a.number, score: s });
    this.completeLessonsAndCourse();
    return s;
  };
  S.bestScore = function () { return bestScore(this.progress); };
  S.setLanguage = function (lang) {
    if (lang === this.progress.language) return;
    this.emit({ kind: "language_changed", target: lang });
  };

  // The course's rules as the engine needs them (ids only).
  function rules(course) {
    return {
      ordered: course.ordered, quizAfterLessons: course.quizAfterLessons, quiz: course.quiz,
      lessons: course.lessons.map(function (l) { return { id: l.id, sections: l.sections, checks: l.checks }; }),
    };
  }

  window.LektionEngine = { Session: Session, Mt64: Mt64, shuffle: shuffle, apply: apply, rules: rules,
    sameAnswer: sameAnswer, parseLearnerNumber: parseLearnerNumber, learnerNumber: learnerNumber,
    answerNumber: answerNumber, splitPair: splitPair, rightAnswer: rightAnswer };
  if (!COURSE || document.body === null || !document.body.dataset.page) return;

  // --- storage: events per learner ---------------------------------------------
  var PREFIX = "lektion:" + COURSE.id + ":";
  var host = null;  // the SCORM wrapper (scorm.js), when the pages run inside one
  try {
    if (window.parent !== window && window.parent.lektionScorm) host = window.parent.lektionScorm;
  } catch (err) { host = null; }
  var storageOk = true;
  function storageGet(key) {
    try { return window.localStorage.getItem(PREFIX + key); } catch (err) { storageOk = false; return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(PREFIX + key, value); } catch (err) { storageOk = false; }
  }
  function randomHex(bytes) {
    var a = new Uint8Array(bytes);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function uuid() {
    var h = randomHex(16).split("");
    h[12] = "4";
    h[16] = "89ab"[parseInt(h[16], 16) & 3];
    h = h.join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function device() {
    var d = storageGet("device");
    if (!d) { d = uuid(); storageSet("device", d); }
    return d;
  }
  function learnerKey(name) { return "learner:" + name.toLocaleLowerCase(); }
  function currentLearner() {
    if (host) return host.learnerName();
    return storageGet("current") || "";
  }
  function loadRecord(name) {
    if (host) return host.load();
    var raw = storageGet(learnerKey(name));
    if (raw) { try { return JSON.parse(raw); } catch (err) { /* a damaged record starts afresh */ } }
    return { name: name, registration: uuid(), events: [] };
  }
  var learner = currentLearner();
  var record = loadRecord(learner);
  var lastAt = 0;
  function timestamp() {
    var now = Math.max(Date.now(), lastAt + 1);  // strictly increasing, as the records order by time
    lastAt = now;
    return new Date(now).toISOString();
  }
  // Each event as `records export --format json` writes one.
  function stamp(e) {
    var out = { uuid: uuid(), at: timestamp(), course_version: COURSE.version, language: COURSE.lang, kind: e.kind,
      duration_ms: 0, device: device(), device_seq: 0, registration: record.registration };
    Object.keys(e).forEach(function (k) { if (k !== "kind") out[k] = e[k]; });
    return out;
  }
  function save() {
    if (host) host.save(record, session);
    else storageSet(learnerKey(learner), JSON.stringify(record));
  }
  var session = new Session(rules(COURSE), record.events, function (e) {
    var s = stamp(e);
    var seq = parseInt(storageGet("device_seq") || "0", 10) + 1;
    storageSet("device_seq", String(seq));
    s.device_seq = seq;
    record.events.push(s);
  });
  var emit = session.emit;
  session.emit = function (e) { emit.call(session, e); save(); };

  // --- the pages ----------------------------------------------------------------
  var T = COURSE.strings;
  var body = document.body;
  var kind = body.dataset.page;
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function fill(pattern, name, value) { return pattern.split("{" + name + "}").join(value); }
  function para(text, cls) {
    var p = document.createElement("p");
    if (cls) p.className = cls;
    p.textContent = text;
    return p;
  }

  function lessonStatuses() {
    $$("[data-status-lesson]").forEach(function (span) {
      var i = parseInt(span.dataset.statusLesson, 10);
      if (session.lessonComplete(i)) span.textContent = "(" + T["home.done"] + ")";
      else if (!session.lessonOpen(i)) span.textContent = "(" + T["home.locked"] + ")";
      else {
        var f = session.lessonFraction(i);
        span.textContent = f > 0 ? "(" + new Intl.NumberFormat(COURSE.lang, { style: "percent" }).format(f) + ")" : "";
      }
    });
    var badge = $("#learner-badge");
    if (badge && learner) {
      badge.textContent = learner;
      badge.hidden = false;
    }
  }

  // Feedback after an answer, as the players give it: the verdict; when not
  // all right, the parts right (types with parts) and the right answer in the
  // type's words; the feedback of each chosen option or each part wrong; the
  // explanation; as the authored nodes (they keep their lang), into the
  // question's live region.
  function partsRight(ev) {
    var forms = T["quiz.parts_right"][String(ev.parts)];
    return ev.parts > 0 && ev.partsRight > 0 && forms ? forms[ev.partsRight] : "";
  }
  function showFeedback(fieldset, ev) {
    var box = $(".feedback", fieldset);
    box.textContent = "";
    box.appendChild(para(ev.correct ? T["lesson.correct"] : T["lesson.wrong"], "verdict " + (ev.correct ? "good" : "bad")));
    if (!ev.correct) {
      var parts = partsRight(ev);
      if (parts) box.appendChild(para(parts));
      box.appendChild(para(fill(T["lesson.right_answer"], "answer", $(".right-answer", fieldset).textContent)));
    }
    ev.feedback.forEach(function (id) {
      var f = $('.option-feedback[data-option="' + CSS.escape(id) + '"]', fieldset);
      if (f) { var c = f.cloneNode(true); box.appendChild(c); }
    });
    var x = $(".explanation", fieldset);
    if (x) box.appendChild(x.cloneNode(true));
  }
  function scoreKey(s) { return String(Math.round(s.raw * 100)); }

  function lessonPage() {
    var li = parseInt(body.dataset.lesson, 10), page = parseInt(body.dataset.pageIndex, 10);
    if (!session.lessonOpen(li)) {
      $(".locked-note").hidden = false;
      $(".content").hidden = true;
      var next = $(".pager .next");
      if (next) next.hidden = true;
      return;
    }
    session.goTo({ lesson: li, page: page });
    if (kind === "check") checkPage(li);
  }

  function checkPage(li) {
    var gate = $("#gate"), next = $(".pager .next");
    function update() {
      var ok = session.canAdvance();
      gate.hidden = ok;
      if (next) next.hidden = !ok;
      lessonStatuses();
    }
    $$("form.question-form").forEach(function (form) {
      var fieldset = $("fieldset", form), qid = fieldset.dataset.question, type = TYPES[fieldset.dataset.type];
      var q = null;
      COURSE.lessons[li].checks.forEach(function (c) { if (c.id === qid) q = c; });
      type.init(fieldset, false);
      var recorded = session.checkAnswer(qid);
      if (recorded) {
        type.show(fieldset, recorded.chosen);
        showFeedback(fieldset, session.evaluate(q, recorded.chosen));
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = type.read(fieldset);
        if (chosen === null) return;  // typed, and no answer of this type (the field says why)
        if (!chosen.length) {
          var box = $(".feedback", fieldset);
          box.textContent = "";
          box.appendChild(para(T["lesson.wrong"], "verdict bad"));
          return;
        }
        showFeedback(fieldset, session.answerCheck(qid, chosen));
        update();
      });
    });
    update();
  }

  function quizPage() {
    var quiz = COURSE.quiz, form = $("#quiz-form"), status = $("#quiz-status"), start = $("#quiz-start");
    var result = $("#quiz-result"), retry = $("#quiz-retry");
    function item(qid) { return $('.quiz-questions > li[data-question="' + CSS.escape(qid) + '"]'); }
    function statusText() {
      var state = session.quizState(), best = session.bestScore();
      var left = session.attemptsLeft();
      var text = {
        locked: T["home.quiz_locked"], open: T["home.quiz_open"], in_progress: T["home.quiz_in_progress"],
        passed: best ? T["home.quiz_passed"][scoreKey(best)] : "",
        failed_no_attempts_left: best ? T["home.quiz_failed"][scoreKey(best)] : "",
      }[state];
      if (left >= 0 && state !== "failed_no_attempts_left") text += " · " + T["quiz.attempts_left"][left];
      return text;
    }
    function canStart() {
      var state = session.quizState();
      return state === "open" || (state === "passed" && session.attemptsLeft() !== 0);
    }
    function showAttempt() {
      var a = session.currentAttempt();
      form.hidden = !a;
      start.hidden = !!a || !canStart();
      status.textContent = statusText();
      if (!a) return;
      var list = $(".quiz-questions");
      $$(".quiz-questions > li").forEach(function (li) { li.hidden = true; });
      a.questions.forEach(function (qid) {
        var li = item(qid), fieldset = $("fieldset", li), type = TYPES[fieldset.dataset.type];
        li.hidden = false;
        list.appendChild(li);  // in the attempt's order
        type.order(fieldset, a.order[qid] || []);
        type.show(fieldset, a.answers[qid] ? a.answers[qid].chosen : []);
        $(".feedback", fieldset).textContent = "";
      });
    }
    $$(".quiz-questions fieldset").forEach(function (fieldset) {
      var type = TYPES[fieldset.dataset.type];
      type.init(fieldset, true);
      fieldset.addEventListener("change", function () {
        var answer = type.read(fieldset);
        if (answer !== null) session.answerQuiz(fieldset.dataset.question, answer);
      });
    });
    function begin() {
      var seed = BigInt("0x" + randomHex(8));
      if (session.startQuiz(seed)) {
        result.textContent = "";
        retry.hidden = true;
        showAttempt();
        var first = $(".quiz-questions > li:not([hidden]) :is(input, select, button)");
        if (first) first.focus();
      }
    }
    start.addEventListener("click", begin);
    retry.addEventListener("click", begin);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = session.currentAttempt();
      if (!a) return;
      var s = session.submitQuiz();
      if (!s) return;
      form.hidden = true;
      result.textContent = "";
      var h = document.createElement("h2");
      h.textContent = T["quiz.result"][scoreKey(s)];
      result.appendChild(h);
      result.appendChild(para(T["quiz.score"][scoreKey(s)]));
      result.appendChild(para(s.passed ? T["quiz.passed"] : T["quiz.failed"], s.passed ? "good" : "bad"));
      var ol = document.createElement("ol");
      ol.className = "result-list";
      a.questions.forEach(function (qid) {
        var fieldset = $("fieldset", item(qid)), type = TYPES[fieldset.dataset.type];
        var li = document.createElement("li"), q = session.quizQuestion(qid);
        var ans = a.answers[qid], chosen = ans ? ans.chosen : [];
        var ev = session.evaluate(q, chosen);
        li.appendChild(para($("legend", fieldset).textContent));
        var words = chosen.length ? type.describe(fieldset, chosen) : "";
        li.appendChild(para(words ? fill(T["quiz.your_answer"], "answer", words) : T["quiz.unanswered"],
                            ev.correct ? "good" : ev.credit > 0 ? "partial" : "bad"));
        if (!ev.correct) {
          var parts = partsRight(ev);
          if (parts) li.appendChild(para(parts));
          li.appendChild(para(fill(T["quiz.correct_answer"], "answer", $(".right-answer", fieldset).textContent)));
        }
        var x = $(".explanation", fieldset);
        if (x) li.appendChild(x.cloneNode(true));
        ol.appendChild(li);
      });
      result.appendChild(ol);
      retry.hidden = !canStart();
      start.hidden = true;  // "try again" is the way to a new attempt now
      status.textContent = statusText();
      result.focus();
    });
    result.tabIndex = -1;
    showAttempt();
  }

  function homePage() {
    var form = $("#learner-form"), input = $("#learner-name"), status = $("#learner-status");
    var cont = $("#continue"), exportButton = $("#export-progress");
    function render() {
      // The learner's name shows in the banner; without one, the page asks for it.
      status.textContent = learner ? "" : T["learners.empty"];
      input.value = learner;
      var p = session.position(), l = COURSE.lessons[p.lesson];
      if (l) {
        cont.textContent = fill(T["home.continue"], "lesson", l.title);
        cont.href = l.pages[p.page] || l.pages[0];
        cont.hidden = false;
      } else if (COURSE.lessons.length && !session.lessonComplete(0)) {
        cont.textContent = T["home.start"];
        cont.href = COURSE.lessons[0].pages[0];
        cont.hidden = false;
      } else cont.hidden = true;
      exportButton.hidden = !learner || !record.events.length || !!host;
      var qs = $("#home-quiz-status");
      if (qs) {
        var state = session.quizState(), best = session.bestScore();
        qs.textContent = {
          locked: T["home.quiz_locked"], open: T["home.quiz_open"], in_progress: T["home.quiz_in_progress"],
          passed: best ? T["home.quiz_passed"][scoreKey(best)] : "",
          failed_no_attempts_left: best ? T["home.quiz_failed"][scoreKey(best)] : "",
        }[state];
      }
      lessonStatuses();
    }
    if (host) form.hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = input.value.trim().replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
      if (!name) { status.textContent = T["learners.empty"]; return; }
      storageSet("current", name);
      learner = name;
      record = loadRecord(name);
      session.progress = emptyProgress();
      record.events.forEach(function (e) { apply(session.progress, e); });
      render();
    });
    exportButton.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(recordsFile(), null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = COURSE.id + "-" + learner.replace(/[^A-Za-z0-9_-]+/g, "_") + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    // The start page leaves the position alone: it is where "continue" leads.
    render();
  }

  // The learner's events in the shape `lektion records import` reads
  // (see README: Browser export, progress).
  function recordsFile() {
    return window.LektionRecords ? window.LektionRecords(COURSE, learner, record, device()) : null;
  }

  // The contents folded on a narrow screen, open on a wide one (site.cpp puts them in a details box).
  var toc = $(".toc details");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 50em)").matches) toc.open = false;

  window.LektionPage = { session: session, record: function () { return record; } };
  if (kind === "lesson" || kind === "check") lessonPage();
  else if (kind === "quiz") quizPage();
  else if (kind === "home") homePage();
  else if (kind === "workbook")
    // Nothing is scored here, but the controls work (the ordering's buttons move) and nothing is hidden that should not be.
    $$("fieldset.question").forEach(function (f) { TYPES[f.dataset.type].init(f, false); });
  lessonStatuses();
})();
