// One reader per question type, next to its HTML in
// engine/export/question_views.cpp: what the learner chose (option ids, as
// the engine records them) and how to show a recorded answer again. A new
// type adds one entry here.
"use strict";
(function () {
  function choiceInputs(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(".options input"));
  }
  var choice = {
    read: function (fieldset) {
      return choiceInputs(fieldset).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    },
    show: function (fieldset, chosen) {
      choiceInputs(fieldset).forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
    },
    // The options in the order an attempt shows them.
    order: function (fieldset, ids) {
      var box = fieldset.querySelector(".options");
      ids.forEach(function (id) {
        var row = box.querySelector('.option[data-option="' + CSS.escape(id) + '"]');
        if (row) box.appendChild(row);
      });
    },
    // The words of the chosen options, for "Your answer: ...".
    describe: function (fieldset, chosen) {
      return chosen.map(function (id) {
        var p = fieldset.querySelector('.option-label[data-option="' + CSS.escape(id) + '"]');
        return p ? p.textContent : id;
      }).join("; ");
    },
  };
  window.LEKTION_TYPES = { single: choice, multiple: choice, truefalse: choice };
})();
