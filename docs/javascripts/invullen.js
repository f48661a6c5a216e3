/* Kinderopvang voor iedereen: the page 'Vul je gegevens in' (/invullen/).
 *
 * The form is HTML made from content/ at build time (childcare_guide.render.fill_page): every
 * input is named by its id in content/. This file adds what needs a browser:
 * - the values stay in this browser only (localStorage, one versioned key), restored on load,
 *   and one button 'Wis al mijn gegevens' (with a confirmation) empties storage and form;
 * - a figure accepts 12,3 and 12.3 (the same rule as scripts/build_decks.py --cijfers, read from
 *   the form's data-getal); anything else gets a Dutch message at the field;
 * - each [data-download] button hands the values to the fill engine, window.childcareFill
 *   (javascripts/fill.js, loaded when a chair first downloads), and saves the file it makes;
 * - printing (Ctrl+P) gives a clean list of what was typed.
 * Nothing is sent anywhere: no request to another host.
 */
(function () {
  "use strict";

  var ENGINE = "fill.js";  // beside this file; defines window.childcareFill
  var scriptBase = document.currentScript ? document.currentScript.src : "";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function setup(form) {
    var key = form.getAttribute("data-sleutel");
    var version = Number(form.getAttribute("data-versie"));
    var numberRule = new RegExp("^(?:" + form.getAttribute("data-getal") + ")$");
    var yearRule = new RegExp("^(?:" + form.getAttribute("data-jaar") + ")$");
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name]"));
    var byName = {};
    inputs.forEach(function (input) { byName[input.name] = input; });

    // -- keeping the values in this browser ------------------------------------------------
    /* localStorage can be off or full (a private window, strict settings): the form then works
     * as before, only without remembering. */
    function load() {
      try {
        var kept = JSON.parse(window.localStorage.getItem(key) || "null");
        return kept && kept.versie === version && kept.waarden ? kept.waarden : {};
      } catch (e) { return {}; }
    }
    function save() {
      var values = {};
      inputs.forEach(function (input) { if (input.value !== "") { values[input.name] = input.value; } });
      try { window.localStorage.setItem(key, JSON.stringify({ versie: version, waarden: values })); } catch (e) { /* not kept */ }
    }
    function forget() {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    }

    // a heading's own words, without the permalink anchor that the page puts inside it
    function headingText(heading) {
      var copy = heading.cloneNode(true);
      copy.querySelectorAll("a").forEach(function (link) {
        if (!link.textContent.replace(/[¶#\s]/g, "")) { link.remove(); }
      });
      return copy.textContent.trim();
    }

    // -- checking a value ------------------------------------------------------------------
    function labelOf(input) {
      var label = form.querySelector("label[for='" + input.id + "']");
      return label ? label.textContent.trim() : input.name;
    }

    /* The Dutch message for a wrong value, or "" when the value is fine (or empty). */
    function problem(input) {
      var kind = input.getAttribute("data-soort");
      var text = input.value.trim();
      if (kind === "uur") {
        // a half-typed time, or (in a browser without a time field) anything but HH:MM
        var whole = input.value === "" || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(input.value);
        return (input.validity && input.validity.badInput) || !whole ? "Vul een volledig uur in, bijvoorbeeld 19:30." : "";
      }
      if (text === "") { return ""; }
      if (kind === "jaar" && !yearRule.test(text)) {
        return "Schrijf het jaar met 4 cijfers, bijvoorbeeld 2023.";
      }
      if (kind === "getal") {
        if (!numberRule.test(text)) {
          return "Dit is geen getal. Schrijf alleen een getal, bijvoorbeeld 12,3 of 12.3: " +
            "zonder %, zonder eenheid en zonder punt voor de duizendtallen.";
        }
        var value = Number(text.replace(",", "."));
        if (value < 0) { return "Een getal kleiner dan 0 kan niet. Geef een getal van 0 of meer."; }
        if (input.getAttribute("data-eenheid") === "%" && value > 100) {
          return "Dit is een percentage. Geef een getal van 0 tot 100.";
        }
      }
      return "";
    }

    function showProblem(input, message) {
      var box = document.getElementById("fout-" + input.name);
      var described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
        return id && id !== "fout-" + input.name;
      });
      if (message) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", ["fout-" + input.name].concat(described).join(" "));
      } else {
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", described.join(" "));
      }
      if (box && box.textContent !== message) { box.textContent = message; }
    }

    function check(input) {
      var message = problem(input);
      showProblem(input, message);
      return message === "";
    }

    /* Every wrong input, in the order of the form; each shows its message. */
    function wrongInputs() {
      return inputs.filter(function (input) { return !check(input); });
    }

    /* The values for the fill engine: id -> text; figures with a dot as decimal sign
     * ('12,3' -> '12.3'); empty inputs left out. */
    function values() {
      var out = {};
      inputs.forEach(function (input) {
        var text = input.value.trim();
        if (text === "") { return; }
        out[input.name] = input.getAttribute("data-soort") === "getal" ? text.replace(",", ".") : text;
      });
      return out;
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", function () {
        save();
        // while typing, a message only goes away (a new one waits until the chair leaves the field)
        if (input.getAttribute("aria-invalid") === "true") { check(input); }
      });
      input.addEventListener("change", function () { save(); check(input); });
    });

    var kept = load();
    Object.keys(kept).forEach(function (name) {
      if (byName[name] && typeof kept[name] === "string") { byName[name].value = kept[name]; }
    });
    inputs.forEach(function (input) { if (input.value !== "") { check(input); } });

    // -- downloading a filled deck or worksheet --------------------------------------------
    var engineLoading = null;

    /* The fill engine: window.childcareFill, or javascripts/fill.js loaded on the first download. */
    function engine() {
      if (window.childcareFill) { return Promise.resolve(window.childcareFill); }
      if (!engineLoading) {
        engineLoading = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(ENGINE, scriptBase || document.baseURI).href;
          script.addEventListener("load", function () {
            if (window.childcareFill) { resolve(window.childcareFill); } else { reject(new Error("no engine")); }
          });
          script.addEventListener("error", function () { reject(new Error("no engine")); });
          document.head.appendChild(script);
        });
        engineLoading.catch(function () { engineLoading = null; });
      }
      return engineLoading;
    }

    function saveFile(blob, name) {
      var link = el("a", { href: URL.createObjectURL(blob), download: name });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // after the download started
    }

    function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

    function download(button) {
      if (button.getAttribute("aria-busy") === "true") { return; }
      var target = button.getAttribute("data-download").split("/");
      var what = button.getAttribute("data-wat");
      var status = button.parentNode.querySelector(".invullen-status");
      var wrong = wrongInputs();
      if (wrong.length) {
        status.textContent = (wrong.length === 1 ? "Eén gegeven is" : wrong.length + " gegevens zijn") +
          " niet in orde, zoals '" + labelOf(wrong[0]) + "'. Verbeter eerst wat in het rood staat. " +
          "Dan kan je " + what + " downloaden.";
        wrong[0].focus();
        return;
      }
      button.setAttribute("aria-busy", "true");
      status.textContent = "Even geduld: " + what + " wordt gemaakt.";
      var given = values();
      engine().then(function (fill) {
        var made = target.length > 1 ? fill.worksheet(target[0], target[1], given) : fill.deck(target[0], given);
        return Promise.resolve(made).then(function (blob) {
          // the page names the file as the blank one, with "-ingevuld" (render/fill_page.py)
          var name = button.getAttribute("data-bestand") || fill.fileName(target[0], target[1]);
          saveFile(blob, name);
          status.textContent = capital(what) + " staat in je downloads, als " + name + ".";
        }, function (error) {
          if (window.console) { window.console.error(error); }  // the reason, for whoever maintains the guide
          status.textContent = "Het lukte niet om " + what + " te maken. Probeer het nog eens. " +
            "Lukt het niet? Download dan de lege versie op de pagina van de module.";
        });
      }, function () {
        status.textContent = "Downloaden met je gegevens erin kan niet in deze versie van de gids. " +
          "Download de lege versie op de pagina van de module en vul ze daar in.";
      }).then(function () { button.removeAttribute("aria-busy"); });
    }

    form.querySelectorAll("[data-download]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { download(button); });
    });
    form.querySelectorAll(".invullen-zonder-js").forEach(function (note) { note.remove(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // -- 'Wis al mijn gegevens', with a confirmation ---------------------------------------
    var wipe = form.querySelector("[data-wis]");
    var confirm = form.querySelector(".invullen-bevestig");
    var wipeStatus = document.getElementById("status-wis");
    function closeConfirm(message) {
      confirm.hidden = true;
      wipe.setAttribute("aria-expanded", "false");
      wipeStatus.textContent = message;
      wipe.focus();
    }
    if (wipe && confirm) {
      wipe.closest(".invullen-wis").hidden = false;
      wipe.addEventListener("click", function () {
        confirm.hidden = false;
        wipe.setAttribute("aria-expanded", "true");
        wipeStatus.textContent = "";
        confirm.querySelector("[data-wis-nee]").focus();
      });
      confirm.querySelector("[data-wis-ja]").addEventListener("click", function () {
        inputs.forEach(function (input) { input.value = ""; showProblem(input, ""); });
        form.querySelectorAll(".invullen-downloads .invullen-status").forEach(function (s) { s.textContent = ""; });
        forget();
        closeConfirm("Alles is gewist. Op deze computer staan geen gegevens van deze pagina meer.");
      });
      confirm.querySelector("[data-wis-nee]").addEventListener("click", function () {
        closeConfirm("Er is niets gewist. Je gegevens blijven bewaard.");
      });
      confirm.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { closeConfirm("Er is niets gewist. Je gegevens blijven bewaard."); }
      });
    }

    // -- printing: a clean list of what was typed ------------------------------------------
    function printout() {
      var section = el("section", { "class": "invullen-afdruk", "aria-hidden": "true" },
        [el("h2", { text: "Wat je invulde" })]);
      var any = false;
      form.querySelectorAll("fieldset").forEach(function (set) {
        var rows = [];
        set.querySelectorAll("input[name]").forEach(function (input) {
          if (input.value.trim() === "") { return; }
          var unit = input.getAttribute("data-eenheid");
          var shown = input.value.trim() + (unit === "%" ? "%" : unit ? " " + unit : "");
          rows.push(el("dt", { text: labelOf(input) }), el("dd", { text: shown }));
        });
        if (rows.length) {
          any = true;
          var heading = set.previousElementSibling;
          section.appendChild(el("h3", { text: heading && /^H2$/.test(heading.tagName)
            ? headingText(heading) : set.querySelector("legend").textContent }));
          section.appendChild(el("dl", {}, rows));
        }
      });
      if (!any) { section.appendChild(el("p", { text: "Je vulde nog niets in." })); }
      return section;
    }
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll(".invullen-afdruk").forEach(function (old) { old.remove(); });
      form.after(printout());
      document.body.classList.add("invullen-afdrukken");
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("invullen-afdrukken");
      document.querySelectorAll(".invullen-afdruk").forEach(function (old) { old.remove(); });
    });
  }

  function init() {
    var form = document.getElementById("invullen");
    if (form && !form.hasAttribute("data-klaar")) {
      setup(form);
      form.setAttribute("data-klaar", "");  // the form is ready: values restored, buttons shown
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
