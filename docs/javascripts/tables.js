// Kinderopvang voor iedereen: a wide table scrolls sideways in its own box. Someone who uses only
// the keyboard must be able to reach that box and scroll it with the arrow keys (WCAG 2.1.1), so
// each table box that is wider than the page becomes a named, focusable region.
//
// A ResizeObserver tells when the browser has laid out a box (on load, and again when the screen
// turns or the window changes size). Its sizes are then ready, so reading them makes the browser
// do no extra layout while the page starts: on a slow phone that layout was the longest task.
//
// On a phone (see extra.css) each row of a table becomes a card: every cell shows its column's
// name in front of it, from a data-label attribute set here. A column that is empty in every row
// is a column to write in (e.g. 'Onze gemeente'): its cells stay visible as empty boxes. Other
// empty cells (such as the first cell of the Totaal row) are left out of the card.
//
// A column with at most three characters in each body cell (a number, a letter, a box to tick: ☐),
// something in at least one, under a header of at most 15 characters, is narrow on paper: as wide
// as its longest word needs, at least 1.2 cm, the same rule and width as the Word worksheet
// (render/worksheet.py narrow_width). Its cells get data-smal, its header the width in --breedte.
function narrowWidth(header, body) {
  var words = function (text) { return text.split(" ").filter(Boolean); };
  if (header.length > 15 || !body.some(Boolean) || body.some(function (text) { return text.length > 3; })) {
    return null;
  }
  var longest = Math.max.apply(null, words(header).concat(words(body.join(" "))).map(function (w) { return w.length; }));
  // in twips as in Word: 130 per letter and a cell margin of 108 on each side; at least 680 (1.2 cm)
  return Math.max(680, longest * 130 + 2 * 108) / 567;
}

function cellText(cell) {
  return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
}

function labelTableCells(table) {
  var head = table.tHead && table.tHead.rows[0];
  if (!head || !table.tBodies.length) {
    return;
  }
  var names = Array.prototype.map.call(head.cells, function (cell) { return cell.textContent.trim(); });
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var writeIn = names.map(function (name, index) {
    return rows.every(function (row) {
      var cell = row.cells[index];
      // the planner's clock column (chairs.js) is empty until a start time is filled in
      return !cell || (!cell.textContent.trim() && !cell.classList.contains("sessieplanner__klok"));
    });
  });
  var narrow = names.map(function (name, index) {
    return narrowWidth(cellText(head.cells[index]), rows.map(function (row) { return cellText(row.cells[index]); }));
  });
  narrow.forEach(function (width, index) {
    if (width !== null) {
      head.cells[index].setAttribute("data-smal", "");
      head.cells[index].style.setProperty("--breedte", width.toFixed(2) + "cm");
    }
  });
  rows.forEach(function (row) {
    Array.prototype.forEach.call(row.cells, function (cell, index) {
      if (narrow[index] !== null) {
        cell.setAttribute("data-smal", "");
      }
      if (!cell.hasAttribute("data-label") && names[index]) {
        cell.setAttribute("data-label", names[index]);
      }
      if (writeIn[index]) {
        cell.setAttribute("data-invullen", "");
      }
    });
  });
  table.setAttribute("data-kaarten", "");
}

document$.subscribe(function () {
  document.querySelectorAll(".md-typeset table:not([class])").forEach(labelTableCells);
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));

  function label(list) {
    // Measure every box first, then change attributes: a size read after a change would make the
    // browser lay out the page again for each table.
    var wide = list.map(function (box) { return box.scrollWidth > box.clientWidth + 1; });
    list.forEach(function (box, index) {
      if (wide[index] === box.hasAttribute("tabindex")) {
        return;  // already right: no change, no restyle
      }
      if (wide[index]) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Brede tabel: scroll opzij met de pijltjestoetsen");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  if (!boxes.length) {
    return;
  }
  if ("ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      label(entries.map(function (entry) { return entry.target; }));
    });
    boxes.forEach(function (box) { observer.observe(box); });
  } else {
    label(boxes);
    window.addEventListener("resize", function () { label(boxes); });
  }
});
