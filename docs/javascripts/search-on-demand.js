/* Search on demand: the search index (about 75 KB gzipped, more than the rest of a page) is
 * fetched when a reader goes to the search, not with every page.
 *
 * Material asks for search/search_index.json as soon as a page loads. This script, loaded just
 * before Material's own (overrides/main.html), holds back that one request until the reader
 * points at or opens the search: the mouse over the search field, a click or tap on it, or the
 * keys / and s (they give the field focus). A page opened with a search in its address (?q=)
 * loads it at once. Every other request goes out unchanged. Without JavaScript there is no
 * search at all, so nothing changes there; the offline copy (file://) loads its index another way.
 */
(function () {
  "use strict";

  var XHR = window.XMLHttpRequest;
  if (typeof XHR !== "function" || typeof Promise === "undefined" || typeof WeakSet === "undefined") {
    return;
  }
  var released = false;
  var release;
  var ready = new Promise(function (resolve) { release = resolve; });
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var held = new WeakSet();  // requests for the index, opened but not sent yet
  var open = XHR.prototype.open;
  var send = XHR.prototype.send;

  function go() {
    if (!released) { released = true; release(); }
  }

  // Material requests the index with XMLHttpRequest; only that request waits.
  XHR.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) { held.add(this); } else { held.delete(this); }
    return open.apply(this, arguments);
  };
  XHR.prototype.send = function () {
    if (!released && held.has(this)) {
      var request = this;
      var args = arguments;
      ready.then(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function isSearch(target) {
    return Boolean(target && target.closest && target.closest(".md-search, [for='__search']"));
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) { go(); } });
  document.addEventListener("pointerover", function (event) { if (isSearch(event.target)) { go(); } });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") { go(); }  // the search toggle (phone)
  });
  if (/[?&](?:q|h)=/.test(window.location.search)) { go(); }
}());
