// One reader per question type, next to its HTML in
// engine/export/question_views.cpp: what the learner answered (in the shape
// the engine records: option ids; "item=target" pairs; items in order; one
// text a gap; a number in C form), how to show a recorded answer again, the
// order an attempt shows the parts in, and the answer in words. `init` wires
// a type's own controls (the ordering's buttons). A new type adds one entry here.
"use strict";
(function () {
  function $(sel, root) { return root.querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function E() { return window.LektionEngine; }
  function lang() { return window.LEKTION_COURSE.lang; }
  function changed(el) { el.dispatchEvent(new Event("change", { bubbles: true })); }
  function labelOf(fieldset, cls, attr, id) {
    var p = $("." + cls + "[" + attr + '="' + CSS.escape(id) + '"]', fieldset);
    return p ? p.textContent : id;
  }
  function reorder(box, rowSelector, ids) {
    ids.forEach(function (id) {
      var row = $(rowSelector + '[data-option="' + CSS.escape(id) + '"]', box);
      if (row) box.appendChild(row);
    });
  }

  function choiceInputs(fieldset) { return $$(".options input", fieldset); }
  var choice = {
    read: function (fieldset) {
      return choiceInputs(fieldset).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    },
    show: function (fieldset, chosen) {
      choiceInputs(fieldset).forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
    },
    // The options in the order an attempt shows them.
    order: function (fieldset, ids) { reorder($(".options", fieldset), ".option", ids); },
    // The words of the chosen options, for "Your answer: ...".
    describe: function (fieldset, chosen) {
      return chosen.map(function (id) { return labelOf(fieldset, "option-label", "data-option", id); }).join("; ");
    },
    init: function () {},
  };

  // matching: one select per item; an unpicked item is no pair.
  var matching = {
    read: function (fieldset) {
      return $$(".matching select", fieldset).filter(function (s) { return s.value; })
        .map(function (s) { return s.dataset.item + "=" + s.value; });
    },
    show: function (fieldset, chosen) {
      $$(".matching select", fieldset).forEach(function (s) {
        s.value = "";
        chosen.forEach(function (entry) {
          var pair = E().splitPair(entry);
          if (pair && pair[0] === s.dataset.item) s.value = pair[1];
        });
      });
    },
    order: function (fieldset, ids) { reorder($(".matching", fieldset), ".match-row", ids); },
    // "Hammer → Nails; Clamp → Glued wood", in the authored order (questions/matching.cpp).
    describe: function (fieldset, chosen) {
      var out = [];
      $$(".feedback-source .option-label", fieldset).forEach(function (p) {
        chosen.forEach(function (entry) {
          var pair = E().splitPair(entry);
          if (pair && pair[0] === p.dataset.option && $('.target-label[data-target="' + CSS.escape(pair[1]) + '"]', fieldset))
            out.push(p.textContent + " → " + labelOf(fieldset, "target-label", "data-target", pair[1]));
        });
      });
      return out.join("; ");
    },
    init: function () {},
  };

  // ordering: the list's order. In a quiz the order shown is no answer until
  // the learner moves an item or keeps the order (as in the players).
  function items(fieldset) { return $$(".ordering > .order-item", fieldset); }
  function markEnds(fieldset) {
    var list = items(fieldset);
    list.forEach(function (li, i) {
      $('.move[data-by="-1"]', li).setAttribute("aria-disabled", i === 0 ? "true" : "false");
      $('.move[data-by="1"]', li).setAttribute("aria-disabled", i === list.length - 1 ? "true" : "false");
    });
  }
  var ordering = {
    read: function (fieldset) {
      if (fieldset.dataset.quiz === "true" && fieldset.dataset.touched !== "true") return [];
      return items(fieldset).map(function (li) { return li.dataset.option; });
    },
    show: function (fieldset, chosen) {
      if (chosen.length) { reorder($(".ordering", fieldset), ".order-item", chosen); fieldset.dataset.touched = "true"; }
      markEnds(fieldset);
    },
    order: function (fieldset, ids) {
      reorder($(".ordering", fieldset), ".order-item", ids);
      fieldset.dataset.touched = "false";
      markEnds(fieldset);
    },
    describe: function (fieldset, chosen) {
      return chosen.map(function (id) { return labelOf(fieldset, "option-label", "data-option", id); }).join(" → ");
    },
    // Move up / Move down: the item moves, focus stays on the button pressed
    // (on the item in its new place), and the live region says where it is now.
    init: function (fieldset, inQuiz) {
      fieldset.dataset.quiz = inQuiz ? "true" : "false";
      var keep = $(".keep-order", fieldset);
      if (!inQuiz) keep.hidden = true;
      $(".keep", fieldset).addEventListener("click", function () {
        fieldset.dataset.touched = "true";
        changed(fieldset);
      });
      $(".ordering", fieldset).addEventListener("click", function (event) {
        var button = event.target.closest(".move");
        if (!button || button.getAttribute("aria-disabled") === "true") return;
        var li = button.closest(".order-item"), list = items(fieldset), i = list.indexOf(li);
        var to = i + parseInt(button.dataset.by, 10);
        if (to < 0 || to >= list.length) return;
        if (to < i) li.parentNode.insertBefore(li, list[to]);
        else li.parentNode.insertBefore(li, list[to].nextSibling);
        button.focus();
        markEnds(fieldset);
        $(".order-status", fieldset).textContent = (to + 1) + ". " + $(".order-label", li).textContent;
        fieldset.dataset.touched = "true";
        changed(fieldset);
      });
      markEnds(fieldset);
    },
  };

  // fill-in: one text a gap, at most 200 bytes each (questions/limits.hpp), as the players cut it.
  function cut(text) {
    var bytes = new TextEncoder().encode(text);
    if (bytes.length <= 200) return text;
    var out = text;
    while (new TextEncoder().encode(out).length > 200) out = out.slice(0, -1);
    return out;
  }
  var fillin = {
    read: function (fieldset) {
      // A pasted tab or other control character: a space (the records refuse control characters, and
      // the comparison counts a tab as a space).
      var typed = $$("input.gap", fieldset).map(function (i) {
        return cut(i.value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " "));
      });
      return typed.every(function (t) { return !t; }) ? [] : typed;
    },
    show: function (fieldset, chosen) {
      $$("input.gap", fieldset).forEach(function (input, i) { input.value = chosen[i] || ""; });
    },
    order: function () {},  // the sentence keeps its order
    describe: function (fieldset, chosen) {
      return chosen.map(function (t) { return t ? t.trim().replace(/[ \t\n\r]+/g, " ") : "…"; }).join("; ");
    },
    init: function () {},
  };

  // numeric: typed in the page's language; what is no number is no answer, and the hint says what is.
  var numeric = {
    read: function (fieldset) {
      var input = $("input.number", fieldset), error = $(".number-error", fieldset);
      var typed = input.value.trim();
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      if (!typed) return [];
      var v = E().parseLearnerNumber(typed, lang());
      if (v === null) {
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        return null;  // no answer, and not an empty one either: the caller leaves the recorded answer alone
      }
      return [E().answerNumber(v)];
    },
    show: function (fieldset, chosen) {
      var v = chosen.length === 1 ? Number(chosen[0]) : NaN;
      $("input.number", fieldset).value = isFinite(v) ? E().learnerNumber(v, lang()) : "";
    },
    order: function () {},
    describe: function (fieldset, chosen) {
      var v = chosen.length === 1 ? Number(chosen[0]) : NaN;
      return isFinite(v) ? E().learnerNumber(v, lang()) : "";
    },
    init: function () {},
  };

  window.LEKTION_TYPES = { single: choice, multiple: choice, truefalse: choice, matching: matching,
    ordering: ordering, fillin: fillin, numeric: numeric };
})();
