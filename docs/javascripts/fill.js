/* Kinderopvang voor iedereen: a module's deck (.pptx) and worksheets (.docx) filled in with the
 * values a chair typed, made in this browser. Nothing is sent anywhere.
 *
 *   window.childcareFill.deck(slug, values) -> Promise<Blob>
 *   window.childcareFill.worksheet(slug, worksheetId, values) -> Promise<Blob>
 *   window.childcareFill.fileName(slug, worksheetId?) -> string
 *
 * values: {id: text} with the ids of content/ ('gemeente', 'datum', a module's field ids, figure
 * ids such as 'kansarmoede' with a dot or comma decimal), 'jaar' (the year of the figures) and
 * 'start' ('09:30'). An empty or missing value stays a yellow fill-in field.
 *
 * invullen.js loads this file when a chair first downloads on /invullen/; no other page loads it.
 * It then loads, with a <script> element (a page opened from the offline zip may not fetch
 * files), the vendored zip library fflate 0.8.3 (MIT,
 * javascripts/vendor/) and the module's data file invullen/data/<slug>.js, which the build writes
 * (childcare_guide.render.fill_data): the unfilled deck and worksheets and their fill maps, which
 * say where each text that follows the chair's data sits. The texts follow the segments of
 * content/fill_text.py with the same rules, so the result is what scripts/build_decks.py
 * --cijfers makes from the same values (tests/test_fill_browser.py compares them). XML is read
 * and written with DOMParser and XMLSerializer.
 */
(function () {
  "use strict";

  var ZIP_LIBRARY = "vendor/fflate-0.8.3.min.js";
  var DATA_DIR = "../invullen/data/";
  var NS = {
    a: "http://schemas.openxmlformats.org/drawingml/2006/main",
    c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
    x: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    xml: "http://www.w3.org/XML/1998/namespace"
  };
  var TYPES = {
    pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  };
  var MUNICIPAL_NAME = "Onze gemeente";
  var FIGURE_FIELD_PREFIX = "cijfer-";
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var scriptBase = document.currentScript ? document.currentScript.src : "";
  var scripts = {};

  function loadScript(path) {
    var url = new URL(path, scriptBase || document.baseURI).href;
    if (!scripts[url]) {
      scripts[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.addEventListener("load", function () { resolve(); });
        script.addEventListener("error", function () {
          delete scripts[url];
          reject(new Error("Het bestand " + path + " kon niet geladen worden."));
        });
        document.head.appendChild(script);
      });
    }
    return scripts[url];
  }

  function moduleData(slug) {
    if (!SLUG.test(slug || "")) { return Promise.reject(new Error("Onbekende module: " + slug)); }
    return loadScript(ZIP_LIBRARY).then(function () {
      return loadScript(DATA_DIR + slug + ".js");
    }).then(function () {
      var data = window.childcareFillData && window.childcareFillData[slug];
      if (!data || !window.fflate) { throw new Error("De gegevens van de module " + slug + " ontbreken."); }
      return data;
    });
  }

  // -- the chair's values, as content/model.py's LocalData -------------------------------------

  function text(values, key) {
    var value = values[key];
    if (value === undefined || value === null) { return null; }
    value = String(value).trim();
    return value ? value : null;
  }

  function parseTime(value) {
    var match = /^([01]?[0-9]|2[0-3]):([0-5][0-9])$/.exec(value || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function local(values, figureIds) {
    values = values || {};
    var year = text(values, "jaar");
    var figures = {};
    figureIds.forEach(function (id) {
      var raw = text(values, id);
      if (raw !== null && /^-?[0-9]+([.,][0-9]+)?$/.test(raw)) { figures[id] = Number(raw.replace(",", ".")); }
    });
    return {
      values: values,
      municipality: text(values, "gemeente") || "",
      year: year && /^(19|20)[0-9]{2}$/.test(year) ? Number(year) : null,
      start: parseTime(text(values, "start")),
      figures: figures
    };
  }

  function figure(data, id) {
    return Object.prototype.hasOwnProperty.call(data.figures, id) ? data.figures[id] : null;
  }

  // -- the segments of content/fill_text.py --------------------------------------------------

  function thousands(whole) {
    var digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (whole < 0 ? "-" : "") + digits;
  }

  /* model.format_number: 12.1 -> '12,1', 6594 -> '6.594'; '%' sticks to the number. */
  function formatNumber(value, unit) {
    var shown;
    if (Number.isInteger(value)) {
      shown = thousands(value);
    } else {
      var parts = String(value).split(".");
      shown = thousands(parseInt(parts[0], 10)) + "," + parts[1];
    }
    return unit === "%" ? shown + "%" : (shown + " " + unit).trim();
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function timeOfDay(minutes) {
    var m = ((minutes % 1440) + 1440) % 1440;
    return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  function seriesName(data) {
    return (data.municipality || MUNICIPAL_NAME) + (data.year ? " (" + data.year + ")" : "");
  }

  function fieldText(data, id) {
    if (id.indexOf(FIGURE_FIELD_PREFIX) === 0) { return null; }
    return text(data.values, id);
  }

  function isFilled(data, id) {
    if (id.indexOf(FIGURE_FIELD_PREFIX) === 0) { return figure(data, id.slice(FIGURE_FIELD_PREFIX.length)) !== null; }
    return fieldText(data, id) !== null;
  }

  function segment(part, data) {
    if (typeof part === "string") { return part; }
    var value;
    switch (part[0]) {
      case "field": return fieldText(data, part[1]);
      case "figure":
        value = figure(data, part[1]);
        if (value === null) { return null; }
        return formatNumber(value, part[2]) + (data.year ? " (" + data.year + ")" : "");
      case "number":
        value = figure(data, part[1]);
        return value === null ? part[3] : formatNumber(value, part[2]);
      case "clock": return data.start === null ? null : timeOfDay(data.start + part[1]);
      case "start": return data.start === null ? null : part[1];
      case "series":
        value = seriesName(data);
        return part[1] && !data.municipality ? value.toLowerCase() : value;
      case "municipality": return data.municipality || part[1];
      case "filled": return isFilled(data, part[1]) ? part[2] : "";
    }
    throw new Error("Onbekend deel van een tekst: " + part[0]);
  }

  /* The text of a fill, or null when a value is missing (the text stays as it is). */
  function evaluate(fill, data) {
    var out = "";
    for (var i = 0; i < fill.length; i += 1) {
      var piece = segment(fill[i], data);
      if (piece === null) { return null; }
      out += piece;
    }
    return out;
  }

  /* plan.number_format: the Excel number format of a chart's values and labels. */
  function numberFormat(values, unit) {
    var decimals = values.every(function (v) { return Number.isInteger(v); }) ? "" : ".0";
    return unit === "%" ? "[$-813]#,##0" + decimals + "\"%\"" : "[$-813]#,##0" + decimals;
  }

  // -- zip and XML ----------------------------------------------------------------------------

  function fromBase64(text) {
    var binary = window.atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }

  /* An Office file's members, read and written as XML documents on demand. */
  function Package(bytes) {
    this.files = window.fflate.unzipSync(bytes);
    this.docs = {};
  }
  Package.prototype.xml = function (name) {
    if (!this.docs[name]) {
      if (!this.files[name]) { throw new Error("Het bestand mist het deel " + name + "."); }
      var source = window.fflate.strFromU8(this.files[name]);
      var doc = new DOMParser().parseFromString(source, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) { throw new Error("Het deel " + name + " is geen XML."); }
      var prolog = /^<\?xml[^>]*\?>\s*/.exec(source);
      this.docs[name] = { doc: doc, prolog: prolog ? prolog[0].trim() : "" };
    }
    return this.docs[name].doc;
  };
  Package.prototype.bytes = function () {
    var files = this.files;
    Object.keys(this.docs).forEach(function (name) {
      var entry = this.docs[name];
      var out = new XMLSerializer().serializeToString(entry.doc);
      if (entry.prolog && out.indexOf("<?xml") !== 0) { out = entry.prolog + "\r\n" + out; }
      files[name] = window.fflate.strToU8(out);
    }, this);
    var entries = {};
    Object.keys(files).forEach(function (name) {
      // a zip inside (the chart's workbook) gains nothing from a second compression
      entries[name] = [files[name], { level: /\.(xlsx|png|jpe?g)$/.test(name) ? 0 : 6 }];
    });
    return window.fflate.zipSync(entries, { mtime: new Date(1980, 0, 1) });
  };

  function nth(doc, namespace, tag, index, part) {
    var element = doc.getElementsByTagNameNS(namespace, tag)[index];
    if (!element) { throw new Error("Het deel " + part + " heeft geen " + tag + " nummer " + index + "."); }
    return element;
  }

  function child(parent, namespace, tag) {
    for (var node = parent.firstElementChild; node; node = node.nextElementSibling) {
      if (node.namespaceURI === namespace && node.localName === tag) { return node; }
    }
    return null;
  }

  function path(parent, namespace, tags) {
    return tags.reduce(function (node, tag) { return node && child(node, namespace, tag); }, parent);
  }

  // -- decks ----------------------------------------------------------------------------------

  /* A filled field in the look of the text around it, as the deck writer writes it: no
   * highlight, not bold, the text's colour (ink in a table, else the layout's). */
  function looksFilled(props, ink) {
    props.removeAttribute("b");
    ["highlight", "solidFill"].forEach(function (tag) {
      var node = child(props, NS.a, tag);
      if (node) { props.removeChild(node); }
    });
    if (ink) {
      var prefix = props.prefix ? props.prefix + ":" : "";
      var fill = props.ownerDocument.createElementNS(NS.a, prefix + "solidFill");
      var colour = props.ownerDocument.createElementNS(NS.a, prefix + "srgbClr");
      colour.setAttribute("val", ink);
      fill.appendChild(colour);
      props.insertBefore(fill, props.firstChild);
    }
  }

  function fillRuns(pkg, map, data) {
    map.runs.forEach(function (place) {
      var value = evaluate(place.fill, data);
      if (value === null) { return; }
      var run = nth(pkg.xml(place.part), NS.a, "r", place.run, place.part);
      child(run, NS.a, "t").textContent = value;
      var props = child(run, NS.a, "rPr");
      if (place.field && props) { looksFilled(props, place.ink); }
    });
    map.attributes.forEach(function (place) {
      var value = evaluate(place.fill, data);
      if (value === null) { return; }
      nth(pkg.xml(place.part), place.namespace, place.tag, place.index, place.part).setAttribute(place.attribute, value);
    });
  }

  function replaceFormat(doc, namespace, old, format) {
    Array.prototype.forEach.call(doc.getElementsByTagNameNS(namespace, "formatCode"), function (node) {
      if (node.textContent === old) { node.textContent = format; }
    });
    Array.prototype.forEach.call(doc.getElementsByTagNameNS(namespace, "numFmt"), function (node) {
      if (node.getAttribute("formatCode") === old) { node.setAttribute("formatCode", format); }
    });
  }

  /* A number as XlsxWriter writes it in a cell ('%.16G'). */
  function cellNumber(value) { return String(Number(value.toPrecision(16))); }

  function fillChart(pkg, chart, data) {
    var values = chart.figures.map(function (id) { return figure(data, id); });
    var name = evaluate(chart.name, data);
    var given = values.filter(function (v) { return v !== null; });
    var format = numberFormat(chart.flanders.concat(given), chart.unit);
    var doc = pkg.xml(chart.part);
    var series = nth(doc, NS.c, "ser", chart.series, chart.part);
    path(series, NS.c, ["tx", "strRef", "strCache", "pt", "v"]).textContent = name;
    var cache = path(series, NS.c, ["val", "numRef", "numCache"]);
    Array.prototype.slice.call(cache.getElementsByTagNameNS(NS.c, "pt")).forEach(function (pt) { cache.removeChild(pt); });
    var prefix = cache.prefix ? cache.prefix + ":" : "";
    values.forEach(function (value, index) {
      if (value === null) { return; }
      var pt = doc.createElementNS(NS.c, prefix + "pt");
      pt.setAttribute("idx", String(index));
      var v = doc.createElementNS(NS.c, prefix + "v");
      v.textContent = String(value);
      pt.appendChild(v);
      cache.appendChild(pt);
    });
    if (format !== chart.format) { replaceFormat(doc, NS.c, chart.format, format); }
    // the embedded workbook, so 'Gegevens bewerken' shows the same numbers
    var book = new Package(pkg.files[chart.workbook]);
    var sheet = book.xml("xl/worksheets/sheet1.xml");
    var cells = {};
    Array.prototype.forEach.call(sheet.getElementsByTagNameNS(NS.x, "c"), function (cell) { cells[cell.getAttribute("r")] = cell; });
    var shared = Number(child(cells[chart.nameCell], NS.x, "v").textContent);
    var strings = book.xml("xl/sharedStrings.xml");
    var item = nth(strings, NS.x, "si", shared, "xl/sharedStrings.xml");
    child(item, NS.x, "t").textContent = name;
    chart.valueCells.forEach(function (ref, index) {
      var cell = cells[ref];
      var v = child(cell, NS.x, "v");
      if (v) { cell.removeChild(v); }
      if (values[index] !== null) {
        v = sheet.createElementNS(NS.x, "v");
        v.textContent = cellNumber(values[index]);
        cell.appendChild(v);
      }
    });
    if (format !== chart.format) { replaceFormat(book.xml("xl/styles.xml"), NS.x, chart.format, format); }
    pkg.files[chart.workbook] = book.bytes();
  }

  function deck(slug, values) {
    return moduleData(slug).then(function (module) {
      var data = local(values, module.figures);
      var pkg = new Package(fromBase64(module.deck.data));
      fillRuns(pkg, module.deck.map, data);
      module.deck.map.charts.forEach(function (chart) { fillChart(pkg, chart, data); });
      return new Blob([pkg.bytes()], { type: TYPES.pptx });
    });
  }

  // -- worksheets -----------------------------------------------------------------------------

  function worksheet(slug, worksheetId, values) {
    return moduleData(slug).then(function (module) {
      var sheet = module.worksheets[worksheetId];
      if (!sheet) { throw new Error("Het werkblad " + worksheetId + " heeft geen invulvelden."); }
      var data = local(values, module.figures);
      var pkg = new Package(fromBase64(sheet.data));
      sheet.map.paragraphs.forEach(function (place) {
        var value = evaluate(place.fill, data);
        if (value === null) { return; }
        var doc = pkg.xml(place.part);
        var paragraph = nth(doc, NS.w, "p", place.paragraph, place.part);
        var prefix = paragraph.prefix ? paragraph.prefix + ":" : "";
        var run = doc.createElementNS(NS.w, prefix + "r");
        var t = doc.createElementNS(NS.w, prefix + "t");
        t.setAttributeNS(NS.xml, "xml:space", "preserve");
        t.textContent = value;
        run.appendChild(t);
        paragraph.appendChild(run);
      });
      return new Blob([pkg.bytes()], { type: TYPES.docx });
    });
  }

  function fileName(slug, worksheetId) {
    return worksheetId ? slug + "-" + worksheetId + "-ingevuld.docx" : slug + "-ingevuld.pptx";
  }

  // an engine already on the page stays (the page's tests put a stand-in there)
  if (!window.childcareFill) {
    window.childcareFill = { deck: deck, worksheet: worksheet, fileName: fileName };
  }
}());
