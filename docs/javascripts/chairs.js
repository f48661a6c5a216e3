/* Kinderopvang voor iedereen: two small tools for chairs. Every page is complete without this
 * file; it only adds interaction. No other host, no storage, no libraries.
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
      [el("option", { value: "0", text: "Geen extra pauze" })].concat(steps.slice(0, -1).map(function (s) {
        return el("option", { value: String(s.nummer), text: "Na stap " + s.nummer + ": " + s.titel });
      })));
    var length = el("input", { type: "number", id: id("pauze-minuten"), name: "pauze-minuten",
      min: "5", max: "60", step: "5", value: "15", inputmode: "numeric" });
    var button = el("button", { type: "button", "class": "md-button", text: "Druk de agenda af" });
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
        el("div", { "class": "sessieplanner__knoppen" }, [button]),
        status
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
      var cell = el("td", { "class": "sessieplanner__klok" });
      row.insertBefore(cell, row.cells[1]);
      return cell;
    });
    var pauseRow = null;

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
          for (var i = 0; i < cells; i++) { pauseRow.appendChild(el("td")); }
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
    [date, start, after, length].forEach(function (input) {
      input.addEventListener("input", update);
      input.addEventListener("change", update);
    });
    update();
  }

  // -- self-check 'Waar staan we?' -------------------------------------------------------

  function setupSelfCheck(box) {
    var questions = Array.prototype.slice.call(document.querySelectorAll(".zelftest-vraag"));
    if (!questions.length) { return; }
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
        input.addEventListener("change", function () { touched[qid] = true; show(); });
        set.appendChild(el("div", { "class": "zelftest-optie" }, [input,
          el("label", { "for": inputId, text: choice.getAttribute("data-tekst") })]));
      });
      form.appendChild(set);
    });

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
      questions.forEach(function (question) {
        var qid = question.getAttribute("data-vraag");
        if (!touched[qid]) { return; }
        var checked = Array.prototype.map.call(form.querySelectorAll("input[name='" + qid + "']:checked"),
          function (input) { return input.value; });
        var blocks = question.querySelectorAll(".zelftest-keuze[data-keuze]");
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
      if (advice.length) {
        result.appendChild(el("p", { "class": "zelftest-kop" }, [el("strong", { text: "Ons advies bij jullie antwoorden" })]));
        advice.forEach(function (node) { result.appendChild(node); });
      }
    }

    box.textContent = "";
    box.appendChild(el("p", { text: "Kies bij elke vraag je antwoord. Je advies en je route verschijnen meteen onder de vragen. Alle adviezen staan ook verderop op deze pagina." }));
    box.appendChild(form);
    box.appendChild(result);
    box.classList.add("zelftest--actief");
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
