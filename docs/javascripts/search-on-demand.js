/* Search on demand: Material's search index and worker load when a reader goes to the search
 * (pointer over it, focus, / or s, ?q= or ?h= in the address), not with every page.
 * Why and how: overrides/main.html. */
(function () {
  "use strict";

  var XHR = window.XMLHttpRequest;
  if (window.location.protocol === "file:" || typeof XHR !== "function" ||
      typeof Promise === "undefined" || typeof WeakSet === "undefined") {
    return;  // the offline copy (file://) loads its index as a script, with its own worker shim
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

  // only Material's request for the index waits
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

  // the search worker starts with the index; a stand-in keeps Material's messages until then
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function" &&
      typeof MessageEvent === "function") {
    var LazyWorker = function (url, options) {
      if (!/\/workers\/search\.[^/?#]*\.js(?:[?#]|$)/.test(String(url))) {
        return new RealWorker(url, options);
      }
      var proxy = new EventTarget();
      var queue = [];
      var worker = null;
      proxy.postMessage = function (message) {
        if (worker) { worker.postMessage(message); } else { queue.push(message); }
      };
      proxy.terminate = function () {
        if (worker) { worker.terminate(); }
        queue = [];
      };
      ready.then(function () {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          proxy.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function () { proxy.dispatchEvent(new Event("error")); });
        queue.splice(0).forEach(function (message) { worker.postMessage(message); });
      });
      return proxy;
    };
    LazyWorker.prototype = RealWorker.prototype;
    window.Worker = LazyWorker;
  }

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
