// The SCORM side of the browser export: scorm.html, the package's one SCO,
// finds the LMS's API in a parent frame (or the opener), holds the learner's
// record while the course's pages run in its frame, and reports after every
// event: completion, score, passed/failed, the place and the progress as
// suspend data (so that a learner resumes where they left off), and the
// quiz answers as interactions. SCORM 1.2 and 2004 4th edition.
"use strict";
(function () {
  var COURSE = window.LEKTION_COURSE, E = window.LektionEngine;
  var v2004 = COURSE.scorm === "2004";

  // The API discovery algorithm of the SCORM run-time books: up the parents,
  // then the opener's.
  function findIn(win) {
    for (var tries = 0; win && tries < 500; tries++) {
      try {
        var api = v2004 ? win.API_1484_11 : win.API;
        if (api) return api;
      } catch (err) { /* a frame of another origin: go on up */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findIn(window.parent !== window ? window.parent : null) || (window.opener ? findIn(window.opener) : null);
  function call(name12, name2004, a, b) {
    if (!api) return "";
    var f = api[v2004 ? name2004 : name12];
    return f ? String(f.call(api, a === undefined ? "" : a, b)) : "";
  }
  function get(el) { return call("LMSGetValue", "GetValue", el); }
  function set(el, value) { return call("LMSSetValue", "SetValue", el, String(value)); }

  // --- suspend data: the progress in few characters ---------------------------
  // Ids become indexes into the course; only what rebuilds the progress is
  // kept (SCORM 1.2 allows 4096 characters). Attempts other than the best and
  // the open one are kept as their count.
  var lessons = COURSE.lessons, quiz = COURSE.quiz;
  function qIndex(id) {
    for (var i = 0; i < quiz.questions.length; i++) if (quiz.questions[i].id === id) return i;
    return -1;
  }
  function optIndex(q, id) {
    for (var i = 0; i < q.options.length; i++) if (q.options[i].id === id) return i;
    return -1;
  }
  function findCheck(id) {
    for (var l = 0; l < lessons.length; l++)
      for (var q = 0; q < lessons[l].checks.length; q++) if (lessons[l].checks[q].id === id) return [l, q];
    return null;
  }
  // An answer in few characters: choice and ordering as option indexes,
  // matching as "item.target" indexes, typed answers (fill-in, numeric) as typed.
  function targetIndex(q, id) { return (q.targets || []).indexOf(id); }
  function encodeAnswer(q, chosen) {
    if (q.type === "fillin" || q.type === "numeric") return chosen.slice();
    if (q.type === "matching")
      return chosen.map(function (entry) {
        var pair = E.splitPair(entry);
        return pair ? optIndex(q, pair[0]) + "." + targetIndex(q, pair[1]) : "-1.-1";
      });
    return chosen.map(function (o) { return optIndex(q, o); });
  }
  function decodeAnswer(q, coded) {
    if (q.type === "fillin" || q.type === "numeric") return coded.map(String);
    if (q.type === "matching")
      return coded.map(function (c) {
        var at = String(c).split(".").map(Number), item = q.options[at[0]], target = (q.targets || [])[at[1]];
        return (item ? item.id : "?") + "=" + (target || "?");
      });
    return coded.map(function (o) { return q.options[o] ? q.options[o].id : "?"; });
  }
  function compact(p) {
    var out = { v: 2, p: [p.position.lesson, p.position.page], l: [], c: [], a: [], n: 0, m: 0, cc: p.courseComplete ? 1 : 0 };
    lessons.forEach(function (l, li) {
      var lp = p.lessons[l.id];
      out.l.push(lp ? [lp.complete ? 1 : 0].concat(l.sections.map(function (s, si) { return lp.viewed[s] ? si : -1; })
        .filter(function (x) { return x >= 0; })) : [0]);
      if (lp) Object.keys(lp.checks).forEach(function (qid) {
        var at = findCheck(qid);
        if (!at) return;
        var q = lessons[at[0]].checks[at[1]];
        out.c.push([at[0], at[1], lp.checks[qid].correct ? 1 : 0, lp.checks[qid].credit].concat(encodeAnswer(q, lp.checks[qid].chosen)));
      });
    });
    var best = null, open = null;
    p.attempts.forEach(function (a) {
      out.m = Math.max(out.m, a.number);
      if (!a.score) open = a;
      else if (!best || a.score.scaled > best.score.scaled) best = a;
    });
    [best, open].forEach(function (a) {
      if (!a) return;
      var qs = a.questions.map(qIndex);
      out.a.push({ n: a.number, s: a.seed, q: qs,
        o: a.questions.map(function (id) { var q = quiz.questions[qIndex(id)]; return (a.order[id] || []).map(function (o) { return optIndex(q, o); }); }),
        x: a.questions.map(function (id) {
          var ans = a.answers[id], q = quiz.questions[qIndex(id)];
          return ans ? [ans.correct ? 1 : 0, ans.credit].concat(encodeAnswer(q, ans.chosen)) : null;
        }),
        r: a.score ? [a.score.raw, a.score.max, a.score.passed ? 1 : 0] : null });
    });
    out.n = p.attempts.filter(function (a) { return a.score; }).length - (best ? 1 : 0);
    return JSON.stringify(out);
  }
  // The events that rebuild the progress `compact` kept.
  function expand(text) {
    var d = JSON.parse(text), ev = [];
    // Version 1 (before the types with parts) kept choice answers only, with no credit.
    if (d.v !== 1 && d.v !== 2) return [];
    var skip = d.v === 1 ? 0 : 1;
    function creditOf(entry, at) { return skip ? entry[at] : entry[at - 1] ? 1 : 0; }
    d.l.forEach(function (entry, li) {
      var l = lessons[li];
      if (!l) return;
      entry.slice(1).forEach(function (si) { ev.push({ kind: "section_viewed", lesson: l.id, target: l.sections[si] }); });
    });
    d.c.forEach(function (c) {
      var l = lessons[c[0]], q = l.checks[c[1]];
      ev.push({ kind: "check_answered", lesson: l.id, target: q.id, correct: !!c[2], credit: creditOf(c, 3),
        question_type: q.type, chosen: decodeAnswer(q, c.slice(3 + skip)) });
    });
    d.l.forEach(function (entry, li) { if (entry[0]) ev.push({ kind: "lesson_completed", lesson: lessons[li].id }); });
    var placeholders = [];
    for (var i = 0; i < d.n; i++) placeholders.push(-(i + 1));
    // Folded attempts count as submitted, with no score that could beat the best.
    placeholders.forEach(function (k) {
      ev.push({ kind: "quiz_started", attempt: k, seed: "0", questions: [], order: {} });
      ev.push({ kind: "quiz_submitted", attempt: k, score: { raw: 0, max: 0, scaled: 0, passed: false } });
    });
    d.a.forEach(function (a) {
      var ids = a.q.map(function (i) { return quiz.questions[i].id; }), order = {};
      ids.forEach(function (id, k) { order[id] = a.o[k].map(function (o) { return quiz.questions[a.q[k]].options[o].id; }); });
      ev.push({ kind: "quiz_started", attempt: a.n, seed: a.s, questions: ids, order: order });
      a.x.forEach(function (x, k) {
        if (!x) return;
        var q = quiz.questions[a.q[k]];
        ev.push({ kind: "quiz_answered", attempt: a.n, target: q.id, correct: !!x[0], credit: creditOf(x, 1),
          question_type: q.type, chosen: decodeAnswer(q, x.slice(1 + skip)) });
      });
      if (a.r) ev.push({ kind: "quiz_submitted", attempt: a.n,
        score: { raw: a.r[0], max: a.r[1], scaled: a.r[1] ? a.r[0] / a.r[1] : 0, passed: !!a.r[2] } });
    });
    if (d.cc) ev.push({ kind: "course_completed" });
    var l = lessons[d.p[0]];
    if (l) ev.push({ kind: "position_changed", lesson: l.id, target: l.sections[d.p[1]] || "", position: { lesson: d.p[0], page: d.p[1] } });
    return ev;
  }

  // --- reporting ----------------------------------------------------------------
  var started = Date.now(), finished = false;
  function duration(ms) {
    var s = Math.round(ms / 1000);
    if (v2004) return "PT" + Math.floor(s / 3600) + "H" + Math.floor((s % 3600) / 60) + "M" + (s % 60) + "S";
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(s / 3600)) + ":" + two(Math.floor((s % 3600) / 60)) + ":" + two(s % 60);
  }
  function safeId(id) { return id.replace(/[^A-Za-z0-9_.-]/g, "_"); }
  // --- interactions: each type's SCORM interaction type and response format --
  // SCORM 2004 4th edition (RTE 4.2.9): identifiers joined by "[,]", matching
  // pairs "source[.]target", fill-in texts (with their language), numeric a
  // decimal and a range "min[:]max". SCORM 1.2 (RTE 3.4.4): single characters
  // joined by ",", matching "1.a", fill-in a string of at most 255, numeric a
  // decimal and no range.
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789", SOURCES = "123456789abcdefghijklmnopqrstuvwxyz";
  function letter(q, id) { return LETTERS.charAt(optIndex(q, id)); }
  // A decimal as CMIDecimal has it: no exponent.
  function decimal(v) {
    if (!isFinite(v)) return "";
    var s = Number.isInteger(v) ? String(v) : v.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
    return /e/.test(s) ? "" : s;
  }
  // A typed text as an element of a [,] list: the reserved tokens and a leading "{" cannot be in it.
  function typedText(t, max) { return String(t).replace(/\[[,.:]\]/g, " ").replace(/^\{/, "(").slice(0, max); }
  var INTERACTIONS = {
    choice: {
      type: function (q) { return q.type === "truefalse" ? "true-false" : "choice"; },
      response: function (q, chosen) {
        if (q.type === "truefalse") {
          // The format writes true/false options in the order true, false.
          var first = chosen[0] === q.options[0].id;
          return v2004 ? (first ? "true" : "false") : (first ? "t" : "f");
        }
        if (v2004) return chosen.map(safeId).join("[,]");
        return chosen.map(function (id) { return letter(q, id); }).join(",");
      },
      patterns: function (q) {
        return [INTERACTIONS.choice.response(q, q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.id; }))];
      },
    },
    matching: {
      type: function () { return "matching"; },
      response: function (q, chosen) {
        return chosen.map(function (entry) {
          var pair = E.splitPair(entry);
          if (!pair) return "";
          return v2004 ? safeId(pair[0]) + "[.]" + safeId(pair[1])
                       : SOURCES.charAt(optIndex(q, pair[0])) + "." + LETTERS.charAt(targetIndex(q, pair[1]));
        }).filter(function (x) { return x; }).join(v2004 ? "[,]" : ",");
      },
      patterns: function (q) {
        return [INTERACTIONS.matching.response(q, q.options.map(function (o) { return o.id + "=" + o.match; }))];
      },
    },
    ordering: {
      type: function () { return "sequencing"; },
      response: function (q, chosen) {
        return v2004 ? chosen.map(safeId).join("[,]") : chosen.map(function (id) { return letter(q, id); }).join(",");
      },
      patterns: function (q) { return [INTERACTIONS.ordering.response(q, q.options.map(function (o) { return o.id; }))]; },
    },
    fillin: {
      type: function () { return "fill-in"; },
      response: function (q, chosen) {
        if (!v2004) return chosen.map(function (t) { return typedText(t, 255); }).join(",").slice(0, 255);
        return "{lang=" + COURSE.lang + "}" + chosen.map(function (t) { return typedText(t, 250); }).join("[,]");
      },
      // The first combinations of accepted answers (at most 5, the least an LMS must keep), case ignored.
      patterns: function (q) {
        var combos = [[]];
        q.options.forEach(function (gap) {
          var next = [];
          combos.forEach(function (c) {
            (gap.accepted || [""]).forEach(function (a) { if (next.length < 5) next.push(c.concat([a])); });
          });
          combos = next;
        });
        return combos.map(function (c) {
          return v2004 ? "{case_matters=false}{order_matters=true}{lang=" + COURSE.lang + "}" +
                         c.map(function (t) { return typedText(t, 250); }).join("[,]")
                       : c.map(function (t) { return typedText(t, 255); }).join(",").slice(0, 255);
        });
      },
    },
    numeric: {
      type: function () { return "numeric"; },
      response: function (q, chosen) { return chosen.length === 1 ? decimal(Number(chosen[0])) : ""; },
      // 2004: the range; 1.2 has no range, so only an exact value is given.
      patterns: function (q) {
        var st = q.settings || {};
        var low = st.min !== undefined ? Number(st.min) : Number(st.value || 0) - Number(st.tolerance || 0);
        var high = st.max !== undefined ? Number(st.max) : Number(st.value || 0) + Number(st.tolerance || 0);
        if (low === high) return [decimal(low)];
        return v2004 ? [decimal(low) + "[:]" + decimal(high)] : [];
      },
    },
  };
  function interactionOf(q) { return INTERACTIONS[q.type] || INTERACTIONS.choice; }
  // Each newly submitted attempt's answers as interactions, after those the
  // LMS holds already (1.2 keeps them write-only, as a journal).
  var reportedAttempts = {};
  function reportInteractions(p) {
    p.attempts.forEach(function (a) {
      if (!a.score || a.number <= 0 || reportedAttempts[a.number]) return;
      reportedAttempts[a.number] = true;
      var k = parseInt(get("cmi.interactions._count"), 10) || 0;
      a.questions.forEach(function (qid) {
        var q = quiz.questions[qIndex(qid)], ans = a.answers[qid], chosen = ans ? ans.chosen : [];
        var base = "cmi.interactions." + k++ + ".";
        var kind = interactionOf(q);
        set(base + "id", safeId("a" + a.number + "." + qid));
        set(base + "type", kind.type(q));
        if (v2004) set(base + "description", (q.prompt || qid).slice(0, 250));
        kind.patterns(q).forEach(function (pattern, n) { set(base + "correct_responses." + n + ".pattern", pattern); });
        var said = chosen.length ? kind.response(q, chosen) : "";
        if (said) set(base + (v2004 ? "learner_response" : "student_response"), said);
        // 2004 takes partial credit as a number; 1.2 knows right and wrong only.
        var credit = ans ? ans.credit : 0;
        set(base + "result", ans && ans.correct ? "correct" : v2004 && credit > 0 ? decimal(Math.round(credit * 1e4) / 1e4)
                                                            : v2004 ? "incorrect" : "wrong");
        if (v2004) set(base + "timestamp", new Date().toISOString().slice(0, 19));
      });
    });
  }

  function report(session, page) {
    var p = session.progress;
    var allLessons = lessons.every(function (l, i) { return session.lessonComplete(i); });
    var best = session.bestScore(), state = session.quizState();
    var submitted = p.attempts.some(function (a) { return a.score && a.number > 0; });
    if (v2004) {
      set("cmi.completion_status", allLessons ? "completed" : "incomplete");
      var done = lessons.filter(function (l, i) { return session.lessonComplete(i); }).length;
      set("cmi.progress_measure", lessons.length ? (done / lessons.length).toFixed(4) : "1");
      if (best && best.max > 0) {
        set("cmi.score.scaled", best.scaled.toFixed(4));
        set("cmi.score.raw", best.raw);
        set("cmi.score.min", 0);
        set("cmi.score.max", best.max);
      }
      set("cmi.success_status", state === "passed" ? "passed" : submitted ? "failed" : "unknown");
      if (page) set("cmi.location", page);
    } else {
      var status = !quiz || !submitted ? (allLessons ? "completed" : "incomplete") : state === "passed" ? "passed" : "failed";
      set("cmi.core.lesson_status", status);
      if (best && best.max > 0) {
        // 1.2 LMSs read raw as a percentage: min 0, max 100.
        set("cmi.core.score.raw", Math.round(best.scaled * 100));
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
      }
      if (page) set("cmi.core.lesson_location", page);
    }
    if (quiz) reportInteractions(p);
    set("cmi.suspend_data", compact(p));
    call("LMSCommit", "Commit");
  }

  // --- the frame's side: scorm.html holds this, the pages call it ---------------
  var initialized = call("LMSInitialize", "Initialize") === "true";
  var name = get(v2004 ? "cmi.learner_name" : "cmi.core.student_name");
  var suspend = get("cmi.suspend_data");
  var record = { name: name, registration: "", events: [] };
  if (suspend) {
    try { record.events = expand(suspend); } catch (err) { record.events = []; }
  }
  var resumeAt = "";
  if (suspend) resumeAt = get(v2004 ? "cmi.location" : "cmi.core.lesson_location");
  // What a resumed record holds was reported in an earlier session.
  new E.Session(E.rules(COURSE), record.events).progress.attempts.forEach(function (a) {
    if (a.score) reportedAttempts[a.number] = true;
  });
  if (!suspend && initialized) {
    if (v2004) set("cmi.completion_status", "incomplete");
    else set("cmi.core.lesson_status", "incomplete");
  }

  function finish() {
    if (finished || !initialized) return;
    finished = true;
    var s = new E.Session(E.rules(COURSE), record.events);
    var complete = s.progress.courseComplete;
    if (v2004) {
      set("cmi.session_time", duration(Date.now() - started));
      set("cmi.exit", complete ? "normal" : "suspend");
    } else {
      set("cmi.core.session_time", duration(Date.now() - started));
      set("cmi.core.exit", complete ? "" : "suspend");
    }
    call("LMSCommit", "Commit");
    call("LMSFinish", "Terminate");
  }
  window.addEventListener("pagehide", finish);

  var place = "";  // the page the learner is on, as cmi location
  window.lektionScorm = {
    connected: initialized,
    learnerName: function () { return name; },
    load: function () { return record; },
    save: function (rec, session) {
      record = rec;
      var frame = document.getElementById("sco");
      try { place = frame.contentWindow.location.pathname.split("/").pop(); } catch (err) { place = ""; }
      report(session, place);
    },
    finish: finish,
  };
  window.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("sco");
    if (resumeAt && /^[a-z0-9-]+\.html$/.test(resumeAt)) frame.src = resumeAt;
    else frame.src = "index.html";
  });
})();
