// Kinderopvang voor iedereen: a wide table scrolls sideways in its own box. Someone who uses only
// the keyboard must be able to reach that box and scroll it with the arrow keys (WCAG 2.1.1), so
// each table box that is wider than the page becomes a named, focusable region.
document$.subscribe(function () {
  function label() {
    // Measure every box first, then change attributes: reading a size after a change would make
    // the browser lay out the page again for each table.
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    var wide = boxes.map(function (box) { return box.scrollWidth > box.clientWidth + 1; });
    boxes.forEach(function (box, index) {
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
  label();
  window.addEventListener("resize", label);
});
