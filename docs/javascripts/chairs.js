/* Kinderopvang voor iedereen: two small tools for chairs. Every page is complete without this
 * file; it only adds interaction. No other host; one vendored library (fflate, for the .docx
 * agenda, loaded on demand). What a chair fills in (planner,
 * self-check) stays in this browser only (localStorage), with a 'Wis' button to clear it.
 *
 * 1. Session planner (module pages, div.sessieplanner made by childcare_guide.render.planner):
 *    start time and an optional break give every step of the outline its clock time, and a
 *    button prints a clean agenda to send with the invitation.
 * 2. Self-check 'Waar staan we?' (div[data-zelftest], childcare_guide.render.selfcheck_page): builds the
 *    form from the questions on the page and shows the advice and the route at once.
 * 3. Glossary terms (abbr, from content/begrippen.yml): the first mention of each term can be
 *    focused with the keyboard, which shows its explanation.
 * 4. Keyboard path: Material's search results box is a Tab stop only while the search is open.
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

  // -- the agenda as a Word file (.docx), made in the browser ----------------------------
  /* A .docx is a zip of a few XML files. The zip is made by fflate 0.8.3 (MIT, vendored as
   * javascripts/vendor/fflate-0.8.3.min.js with its licence; about 12 KB gzipped), loaded only
   * when a chair downloads an agenda. Nothing leaves the browser. Word, LibreOffice and Google
   * Docs open the file; the text uses Word's default styles. */
  var ZIP_LIBRARY = "vendor/fflate-0.8.3.min.js";
  var scriptBase = document.currentScript ? document.currentScript.src : "";

  function withZipLibrary(done, failed) {
    if (window.fflate) { done(window.fflate); return; }
    var script = document.createElement("script");
    script.src = new URL(ZIP_LIBRARY, scriptBase || document.baseURI).href;
    script.addEventListener("load", function () { done(window.fflate); });
    script.addEventListener("error", failed);
    document.head.appendChild(script);
  }

  function zip(fflate, files) {
    var entries = {};
    files.forEach(function (file) { entries[file.name] = fflate.strToU8(file.text); });
    return new Blob([fflate.zipSync(entries, { level: 6, mtime: new Date(1980, 0, 1) })],
      { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  }

  function xmlText(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  var W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  var XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  /* The smallest theme Word accepts: colours, fonts and three of each format style. */
  var THEME = (function () {
    var A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    var colours = ["dk1", "000000", "lt1", "FFFFFF", "dk2", "1F497D", "lt2", "EEECE1", "accent1", "00796B",
      "accent2", "C0504D", "accent3", "9BBB59", "accent4", "8064A2", "accent5", "4BACC6", "accent6", "F79646",
      "hlink", "0000FF", "folHlink", "800080"];
    var scheme = "";
    for (var i = 0; i < colours.length; i += 2) {
      scheme += "<a:" + colours[i] + '><a:srgbClr val="' + colours[i + 1] + '"/></a:' + colours[i] + ">";
    }
    var font = '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>';
    var fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
    var line = '<a:ln w="9525">' + fill + "</a:ln>";
    var effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    return '<a:theme xmlns:a="' + A + '" name="Agenda"><a:themeElements><a:clrScheme name="Agenda">' + scheme +
      '</a:clrScheme><a:fontScheme name="Agenda"><a:majorFont>' + font + "</a:majorFont><a:minorFont>" + font +
      '</a:minorFont></a:fontScheme><a:fmtScheme name="Agenda"><a:fillStyleLst>' + fill + fill + fill +
      "</a:fillStyleLst><a:lnStyleLst>" + line + line + line + "</a:lnStyleLst><a:effectStyleLst>" + effect + effect + effect +
      "</a:effectStyleLst><a:bgFillStyleLst>" + fill + fill + fill + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>";
  })();

  function run(text, bold, size) {
    return "<w:r><w:rPr>" + (bold ? "<w:b/>" : "") + (size ? '<w:sz w:val="' + size + '"/>' : "") +
      '<w:lang w:val="nl-BE"/></w:rPr><w:t xml:space="preserve">' + xmlText(text) + "</w:t></w:r>";
  }
  function para(runs, spaceAfter) {
    return '<w:p><w:pPr><w:spacing w:after="' + (spaceAfter || 120) + '"/></w:pPr>' + runs + "</w:p>";
  }
  function cell(text, width, bold) {
    return '<w:tc><w:tcPr><w:tcW w:w="' + width + '" w:type="dxa"/></w:tcPr>' +
      '<w:p><w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr>' + run(text, bold) + "</w:p></w:tc>";
  }

  /* The agenda: title, date, hours, place, and a table with the clock time of every step. */
  function agendaDocx(fflate, info) {
    var border = '<w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/>' +
      '<w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/>' +
      '<w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/>';
    var rows = '<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' + cell("Uur", 2000, true) + cell("Wat", 7000, true) + "</w:tr>" +
      info.rows.map(function (row) {
        return "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell(row[0], 2000) + cell(row[1], 7000) + "</w:tr>";
      }).join("");
    var body = para(run("AGENDA", true, 20)) + para(run(info.title, true, 36), 240) +
      para(run("Datum: ", true) + run(info.date)) + para(run("Uur: ", true) + run(info.hours)) +
      para(run("Plaats: ", true) + run("..............................................")) +
      '<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders>' + border +
      '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="7000"/></w:tblGrid>' +
      rows + "</w:tbl>" + para("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';
    return zip(fflate, [
      { name: "[Content_Types].xml", text: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
        '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
        '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
        "</Types>" },
      { name: "_rels/.rels", text: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        "</Relationships>" },
      { name: "word/document.xml", text: XML + "<w:document " + W + "><w:body>" + body + "</w:body></w:document>" },
      { name: "word/_rels/document.xml.rels", text: XML +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="' + REL + 'styles" Target="styles.xml"/>' +
        '<Relationship Id="rId2" Type="' + REL + 'settings" Target="settings.xml"/>' +
        '<Relationship Id="rId3" Type="' + REL + 'fontTable" Target="fontTable.xml"/>' +
        '<Relationship Id="rId4" Type="' + REL + 'theme" Target="theme/theme1.xml"/>' +
        "</Relationships>" },
      { name: "word/styles.xml", text: XML + "<w:styles " + W + "><w:docDefaults><w:rPrDefault><w:rPr>" +
        '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-BE"/>' +
        "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>" +
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>' },
      { name: "word/settings.xml", text: XML + "<w:settings " + W + '><w:defaultTabStop w:val="708"/></w:settings>' },
      { name: "word/fontTable.xml", text: XML + "<w:fonts " + W + '><w:font w:name="Calibri"/></w:fonts>' },
      { name: "word/theme/theme1.xml", text: XML + THEME }
    ]);
  }

  function fileName(title, dateValue) {
    var slug = title.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return "agenda-" + slug + (dateValue ? "-" + dateValue : "") + ".docx";
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
    var download = el("button", { type: "button", "class": "md-button", text: "Download de agenda (.docx)" });
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
        el("div", { "class": "sessieplanner__knoppen" }, [button, download, clear]),
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
    download.addEventListener("click", function () {
      var v = values();
      if (v.start === null) {
        status.textContent = "Vul eerst het beginuur in. Dan kan je de agenda downloaden.";
        start.focus();
        return;
      }
      var rows = schedule(steps, v.start, v.after, v.pause);
      withZipLibrary(function (fflate) {
        var blob = agendaDocx(fflate, {
          title: title,
          date: longDate(date.value) || "..............................................",
          hours: clock(v.start) + "–" + clock(rows[rows.length - 1].end),
          rows: rows.map(function (row) {
            return [span(row), row.pause ? "Pauze" : row.step.nummer + ". " + row.step.titel];
          })
        });
        var link = el("a", { href: URL.createObjectURL(blob), download: fileName(title, date.value) });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // after the download started
        status.textContent = "De agenda staat in je downloads als Word-bestand.";
      }, function () {
        status.textContent = "De agenda kon niet gemaakt worden. Laad de pagina opnieuw en probeer nog eens, " +
          "of druk de agenda af met de knop ernaast.";
      });
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

  // -- keyboard path: no Tab stop on the closed search ------------------------------------
  /* Material's results box has tabindex="0" and stays in the page, zero pixels high, while the
   * search is closed: the Tab key landed on it and nothing visible had focus. Material opens and
   * closes the search by clicking its checkbox, so its change event tells when. */
  function searchTabStop() {
    var toggle = document.querySelector("[data-md-toggle=search]");
    var box = document.querySelector(".md-search__scrollwrap");
    if (!toggle || !box) { return; }
    function sync() { box.tabIndex = toggle.checked ? 0 : -1; }
    toggle.addEventListener("change", sync);
    sync();
  }

  function init() {
    searchTabStop();
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
