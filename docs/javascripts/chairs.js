/* Kinderopvang voor iedereen: two small tools for chairs. Every page is complete without this
 * file; it only adds interaction. No other host, no libraries. What a chair fills in (planner,
 * self-check) stays in this browser only (localStorage), with a 'Wis' button to clear it.
 *
 * 1. Session planner (module pages, div.sessieplanner made by childcare_guide.render.planner):
 *    start time and an optional break give every step of the outline its clock time, and a
 *    button prints a clean agenda to send with the invitation.
 * 2. Self-check 'Waar staan we?' (div[data-zelftest], childcare_guide.render.selfcheck_page): builds the
 *    form from the questions on the page and shows the advice and the route at once.
 * 3. Glossary terms (abbr, from content/begrippen.yml): the first mention of each term can be
 *    focused with the keyboard, which shows its explanation.
 */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  // -- session planner ----------------------------------------------------------------------

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function clock(minutes) {
    var m = ((minutes % 1440) + 1440) % 1440;
    return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  function parseTime(value) {
    var match = /^(\d{1,2}):(\d{2})/.exec(value || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  /* The steps (and the break) with their start and end in minutes after midnight. */
  function schedule(steps, start, breakAfter, breakMinutes) {
    var rows = [];
    var time = start;
    steps.forEach(function (step) {
      rows.push({ pause: false, step: step, start: time, end: time + step.minuten });
      time += step.minuten;
      if (breakAfter === step.nummer && breakMinutes > 0) {
        rows.push({ pause: true, start: time, end: time + breakMinutes });
        time += breakMinutes;
      }
    });
    return rows;
  }

  function span(row) { return clock(row.start) + "–" + clock(row.end); }

  function longDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) { return ""; }
    var date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return date.toLocaleDateString("nl-BE", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  }

  /* localStorage can be off or full (private window, strict settings): the tools then work as
   * before, only without remembering. */
  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* not kept */ }
  }
  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }

  function isPause(step) { return step && /^pauze$/i.test(step.werkvorm || step.titel || ""); }

  function findTable(planner) {
    for (var node = planner.nextElementSibling; node; node = node.nextElementSibling) {
      var table = node.matches("table") ? node : node.querySelector("table");
      if (table) { return table; }
      if (/^H[1-3]$/.test(node.tagName)) { return null; }
    }
    return null;
  }

  function setupPlanner(planner, index) {
    var steps = JSON.parse(planner.getAttribute("data-stappen"));
    var title = planner.getAttribute("data-titel");
    var table = findTable(planner);
    if (!table || !steps.length) { return; }
    var id = function (name) { return "sessieplanner-" + index + "-" + name; };

    var date = el("input", { type: "date", id: id("datum"), name: "datum" });
    var start = el("input", { type: "time", id: id("begin"), name: "begin", step: "300" });
    var after = el("select", { id: id("pauze-na"), name: "pauze-na" },
      [el("option", { value: "0", text: "Geen extra pauze" })].concat(steps.slice(0, -1).filter(function (s, i) {
        // never right before or right after a pause that is already in the outline
        return !isPause(s) && !isPause(steps[i + 1]);
      }).map(function (s) {
        return el("option", { value: String(s.nummer), text: "Na stap " + s.nummer + ": " + s.titel });
      })));
    var length = el("input", { type: "number", id: id("pauze-minuten"), name: "pauze-minuten",
      min: "5", max: "60", step: "5", value: "15", inputmode: "numeric" });
    var button = el("button", { type: "button", "class": "md-button", text: "Druk de agenda af" });
    var clear = el("button", { type: "button", "class": "md-button sessieplanner__wis",
      text: "Wis", "aria-label": "Wis datum, beginuur en pauze" });
    var key = "kvi-planner:" + title;
    var status = el("p", { "class": "sessieplanner__status", "aria-live": "polite" });
    var label = function (text, input) { return el("label", { "for": input.id, text: text }); };
    var field = function (text, input, hint) {
      return el("div", { "class": "sessieplanner__veld" }, [label(text, input), input,
        hint ? el("span", { "class": "sessieplanner__hint", text: hint }) : null]);
    };
    var form = el("form", { "class": "sessieplanner__form" }, [
      el("fieldset", {}, [
        el("legend", { text: "Plan je overleg: zie de klokuren en druk de agenda af" }),
        field("Datum (voor de agenda)", date),
        field("Beginuur", start),
        field("Extra pauze", after),
        field("Minuten pauze", length),
        el("div", { "class": "sessieplanner__knoppen" }, [button, clear]),
        status,
        el("p", { "class": "sessieplanner__hint sessieplanner__bewaard",
          text: "Je keuzes blijven alleen in deze browser bewaard. Met 'Wis' maak je alles leeg." })
      ])
    ]);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    planner.appendChild(form);

    var headRow = table.tHead && table.tHead.rows[0];
    var bodyRows = Array.prototype.slice.call(table.tBodies[0].rows);
    var stepRows = bodyRows.slice(0, steps.length);
    var totalRow = bodyRows[steps.length];
    var clockHead = el("th", { "class": "sessieplanner__klok", scope: "col", text: "Klokuur" });
    headRow.insertBefore(clockHead, headRow.cells[1]);
    var clockCells = stepRows.concat(totalRow ? [totalRow] : []).map(function (row) {
      var cell = el("td", { "class": "sessieplanner__klok", "data-label": "Klokuur" });
      row.insertBefore(cell, row.cells[1]);
      return cell;
    });
    var pauseRow = null;
    // the minutes of the total row (Tijd, Klokuur, Stap, Minuten): the sum of the real schedule
    var totalMinutes = totalRow && totalRow.cells[3];
    var totalTarget = totalMinutes && (totalMinutes.querySelector("strong") || totalMinutes);
    var builtInTotal = totalTarget ? totalTarget.textContent : "";

    var kept = load(key);
    if (kept) {
      date.value = kept.datum || "";
      start.value = kept.begin || "";
      if (after.querySelector("option[value='" + String(kept.na || 0) + "']")) { after.value = String(kept.na || 0); }
      if (kept.minuten) { length.value = String(kept.minuten); }
    }

    function values() {
      var minutes = parseInt(length.value, 10);
      return { start: parseTime(start.value), after: parseInt(after.value, 10) || 0,
        pause: isNaN(minutes) ? 0 : Math.max(0, Math.min(240, minutes)) };
    }

    function update() {
      var v = values();
      if (pauseRow) { pauseRow.remove(); pauseRow = null; }
      // a data attribute, not a class: Material styles only tables without a class attribute
      if (v.start === null) { table.setAttribute("data-klok", "leeg"); } else { table.removeAttribute("data-klok"); }
      if (totalTarget) {
        totalTarget.textContent = v.after && v.pause ? String(Number(builtInTotal) + v.pause) : builtInTotal;
      }
      if (v.start === null) {
        status.textContent = "Vul een beginuur in: dan zie je bij elke stap het klokuur.";
        return;
      }
      var rows = schedule(steps, v.start, v.after, v.pause);
      var stepIndex = 0;
      rows.forEach(function (row) {
        if (row.pause) {
          var cells = headRow.cells.length;
          pauseRow = el("tr", { "class": "sessieplanner__pauze" });
          for (var i = 0; i < cells; i++) {
            pauseRow.appendChild(el("td", { "data-label": headRow.cells[i].textContent.trim() }));
          }
          pauseRow.cells[1].textContent = span(row);
          pauseRow.cells[2].textContent = "Pauze";
          pauseRow.cells[3].textContent = String(row.end - row.start);
          stepRows[stepIndex - 1].after(pauseRow);
        } else {
          clockCells[stepIndex].textContent = span(row);
          stepIndex += 1;
        }
      });
      var end = rows[rows.length - 1].end;
      if (totalRow) { clockCells[clockCells.length - 1].textContent = clock(v.start) + "–" + clock(end); }
      status.textContent = "Het overleg loopt van " + clock(v.start) + " tot " + clock(end) + ".";
    }

    function agenda() {
      var v = values();
      var rows = schedule(steps, v.start, v.after, v.pause);
      var body = el("tbody", {}, rows.map(function (row) {
        var what = row.pause ? "Pauze" : row.step.nummer + ". " + row.step.titel;
        return el("tr", {}, [el("td", { text: span(row) }), el("td", { text: what })]);
      }));
      var when = longDate(date.value);
      return el("section", { "class": "sessieplanner-agenda", "aria-hidden": "true" }, [
        el("p", { "class": "sessieplanner-agenda__soort", text: "Agenda" }),
        el("h1", { text: title }),
        el("p", {}, [el("strong", { text: "Datum: " }),
          document.createTextNode(when || "..............................................")]),
        el("p", {}, [el("strong", { text: "Uur: " }),
          document.createTextNode(clock(v.start) + "–" + clock(rows[rows.length - 1].end))]),
        el("p", {}, [el("strong", { text: "Plaats: " }),
          document.createTextNode("..............................................")]),
        el("table", {}, [el("thead", {}, [el("tr", {}, [el("th", { text: "Uur" }), el("th", { text: "Wat" })])]), body])
      ]);
    }

    button.addEventListener("click", function () {
      if (values().start === null) {
        status.textContent = "Vul eerst het beginuur in. Dan kan je de agenda afdrukken.";
        start.focus();
        return;
      }
      document.querySelectorAll(".sessieplanner-agenda").forEach(function (old) { old.remove(); });
      document.body.appendChild(agenda());
      document.body.classList.add("sessieplanner-print");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("sessieplanner-print");
    });
    function remember() {
      update();
      save(key, { datum: date.value, begin: start.value, na: parseInt(after.value, 10) || 0,
        minuten: parseInt(length.value, 10) || 15 });
    }
    clear.addEventListener("click", function () {
      date.value = ""; start.value = ""; after.value = "0"; length.value = "15";
      forget(key);
      update();
      status.textContent = "Alles is gewist. Vul een beginuur in: dan zie je bij elke stap het klokuur.";
    });
    [date, start, after, length].forEach(function (input) {
      input.addEventListener("input", remember);
      input.addEventListener("change", remember);
    });
    update();
  }

  // -- self-check 'Waar staan we?' -------------------------------------------------------

  function setupSelfCheck(box) {
    var questions = Array.prototype.slice.call(document.querySelectorAll(".zelftest-vraag"));
    if (!questions.length) { return; }
    var key = "kvi-zelftest:" + location.pathname;
    var firstModule = box.querySelector("a");
    var touched = {};
    var result = el("div", { "class": "zelftest-resultaat", "aria-live": "polite" });
    var form = el("form", { "class": "zelftest-form" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    questions.forEach(function (question, qIndex) {
      var qid = question.getAttribute("data-vraag");
      var tick = question.getAttribute("data-soort") === "aanvinken";
      var choices = question.querySelectorAll(".zelftest-keuze[data-keuze]");
      var set = el("fieldset", {}, [el("legend", { text: "Vraag " + (qIndex + 1) + ": " + question.getAttribute("data-tekst") })]);
      if (question.getAttribute("data-uitleg")) {
        set.appendChild(el("p", { "class": "zelftest-uitleg", text: question.getAttribute("data-uitleg") }));
      }
      Array.prototype.forEach.call(choices, function (choice) {
        var inputId = "zelftest-" + qid + "-" + choice.getAttribute("data-keuze");
        var input = el("input", { type: tick ? "checkbox" : "radio", name: qid, id: inputId,
          value: choice.getAttribute("data-keuze") });
        input.addEventListener("change", function () { touched[qid] = true; show(); keep(); });
        set.appendChild(el("div", { "class": "zelftest-optie" }, [input,
          el("label", { "for": inputId, text: choice.getAttribute("data-tekst") })]));
      });
      form.appendChild(set);
    });

    function checkedValues(qid) {
      return Array.prototype.map.call(form.querySelectorAll("input[name='" + qid + "']:checked"),
        function (input) { return input.value; });
    }

    function keep() {
      var answers = {};
      questions.forEach(function (question) {
        var qid = question.getAttribute("data-vraag");
        if (touched[qid]) { answers[qid] = checkedValues(qid); }
      });
      save(key, answers);
    }

    function restore() {
      var answers = load(key);
      if (!answers) { return; }
      Object.keys(answers).forEach(function (qid) {
        if (!form.querySelector("input[name='" + qid + "']")) { return; }
        touched[qid] = true;
        (answers[qid] || []).forEach(function (value) {
          var input = form.querySelector("input[name='" + qid + "'][value='" + value + "']");
          if (input) { input.checked = true; }
        });
      });
    }

    function cloneAdvice(block) {
      var copy = el("div", { "class": "zelftest-advies" });
      Array.prototype.forEach.call(block.children, function (child) {
        if (!child.classList.contains("zelftest-route")) { copy.appendChild(child.cloneNode(true)); }
      });
      return copy;
    }

    function show() {
      result.textContent = "";
      var routeShown = false;
      var advice = [];
      var answered = [];
      questions.forEach(function (question, qIndex) {
        var qid = question.getAttribute("data-vraag");
        if (!touched[qid]) { return; }
        var checked = checkedValues(qid);
        var blocks = question.querySelectorAll(".zelftest-keuze[data-keuze]");
        var texts = Array.prototype.filter.call(blocks, function (b) {
          return checked.indexOf(b.getAttribute("data-keuze")) >= 0;
        }).map(function (b) { return b.getAttribute("data-tekst"); });
        answered.push(el("li", {}, [el("strong", { text: "Vraag " + (qIndex + 1) + ": " + question.getAttribute("data-tekst") + " " }),
          document.createTextNode(texts.length ? texts.join(", ") : "niemand aangevinkt")]));
        if (question.getAttribute("data-soort") === "aanvinken") {
          var missing = Array.prototype.filter.call(blocks, function (b) {
            return checked.indexOf(b.getAttribute("data-keuze")) < 0;
          });
          if (!missing.length) { missing = [question.querySelector(".zelftest-keuze[data-alles]")]; }
          missing.forEach(function (b) { if (b) { advice.push(cloneAdvice(b)); } });
        } else if (checked.length) {
          var chosen = question.querySelector(".zelftest-keuze[data-keuze='" + checked[0] + "']");
          var route = chosen.querySelector(".zelftest-route");
          if (route && !routeShown) {
            routeShown = true;
            result.appendChild(el("div", { "class": "admonition tip zelftest-jullie-route" }, [
              el("p", { "class": "admonition-title", text: "Jullie route door de modules" }),
              route.cloneNode(true)]));
          }
          advice.push(cloneAdvice(chosen));
        }
      });
      if (!routeShown && firstModule) {
        var hint = el("p", { "class": "zelftest-route-hint" }, [
          document.createTextNode("Jullie route start altijd met "), firstModule.cloneNode(true),
          document.createTextNode(". Beantwoord vraag 1: dan zie je welke module daarna past.")]);
        result.appendChild(hint);
      }
      if (answered.length) {
        result.appendChild(el("p", { "class": "zelftest-kop" }, [el("strong", { text: "Jullie antwoorden" })]));
        result.appendChild(el("ul", { "class": "zelftest-antwoorden" }, answered));
      }
      if (advice.length) {
        result.appendChild(el("p", { "class": "zelftest-kop" }, [el("strong", { text: "Ons advies bij jullie antwoorden" })]));
        advice.forEach(function (node) { result.appendChild(node); });
      }
      box.classList.toggle("zelftest--ingevuld", answered.length > 0);
      tools.hidden = answered.length === 0;
    }

    var printButton = el("button", { type: "button", "class": "md-button", text: "Druk je advies af" });
    var clearButton = el("button", { type: "button", "class": "md-button", text: "Wis je antwoorden" });
    var tools = el("div", { "class": "zelftest-knoppen" }, [printButton, clearButton,
      el("p", { "class": "zelftest-bewaard", text: "Je antwoorden blijven alleen in deze browser bewaard, tot je ze wist." })]);
    printButton.addEventListener("click", function () { window.print(); });
    clearButton.addEventListener("click", function () {
      form.reset();
      touched = {};
      forget(key);
      show();
      var first = form.querySelector("input");
      if (first) { first.focus(); }
    });

    box.textContent = "";
    box.appendChild(el("p", { "class": "zelftest-intro", text: "Kies bij elke vraag je antwoord. Je advies en je route verschijnen meteen onder de vragen. Alle adviezen staan ook verderop op deze pagina." }));
    box.appendChild(form);
    box.appendChild(result);
    box.appendChild(tools);
    box.classList.add("zelftest--actief");
    restore();
    show();
  }

  // -- glossary terms: reachable by keyboard ---------------------------------------------
  /* The first mention of each term on a page gets a tab stop, so a keyboard user can focus it
   * and Material shows the explanation (its tooltip listens to focus as well as the mouse).
   * The hook (hooks/chairs.py) leaves the title on the first mention of each spelling only;
   * without JavaScript that title still shows the explanation on hover. */
  function focusableTerms() {
    var seen = {};
    document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
      var key = abbr.getAttribute("title");
      if (!seen[key]) { seen[key] = true; abbr.tabIndex = 0; }
    });
  }

  function init() {
    focusableTerms();
    document.querySelectorAll(".sessieplanner").forEach(setupPlanner);
    var box = document.querySelector("[data-zelftest]");
    if (box && !box.classList.contains("zelftest--actief")) { setupSelfCheck(box); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
