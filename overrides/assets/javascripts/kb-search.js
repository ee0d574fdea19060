/*
 * Two changes to Material's search, made before its bundle starts the search:
 *
 * 1. Load the search index only when the reader first opens search. Material fetches
 *    search/search_index.json (about 90 KiB compressed) on every first page load, which
 *    alone would take a page past its 150 KiB budget; most readers never search.
 *    Material's own requests go through XMLHttpRequest; the request for the index is
 *    held back until the search box gets focus or the search toggle opens.
 *
 * 2. Drop stop words from a search query before Material's search worker sees it.
 *
 * Material adds a trailing wildcard to every word of a query ("can i run" becomes
 * "can* i* run*"), and lunr skips its stop-word filter for wildcard words. The index
 * holds no stop words, so they can only match as prefixes: "i*" matched every word
 * that starts with i (iloprost, injections...) and pushed the page a reader asked
 * for out of the first results. The list is lunr's own English stop-word list, so
 * nothing the index holds is lost. A query of stop words only is left as it is.
 *
 * In the browser this file is loaded in <head>, before Material's bundle, and wraps
 * the Worker constructor so that search queries (Material's message type 2) are
 * cleaned on their way to the worker. Under Node.js it exports the cleaning function
 * for the search tests.
 */
(function (root) {
  "use strict";
  var STOP_WORDS = new Set(("a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got had has have he her " +
    "hers him his how however i if in into is it its just least let like likely may me might most must my neither " +
    "no nor not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while who " +
    "whom why will with would yet you your").split(" "));
  var SEARCH_QUERY = 2;

  function cleanQuery(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return !STOP_WORDS.has(word.toLowerCase().replace(/[^a-z]/g, ""));
    });
    return kept.length ? kept.join(" ") : query;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = cleanQuery;
    return;
  }

  var SEARCH_INDEX = /\/search\/search_index\.json$/;
  var searchOpened = false;
  var held = [];
  function openSearch() {
    if (searchOpened) { return; }
    searchOpened = true;
    held.splice(0).forEach(function (send) { send(); });
  }
  root.document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) { openSearch(); }
  }, true);
  root.document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input[name='query']")) { openSearch(); }
  }, true);
  var open = root.XMLHttpRequest.prototype.open;
  var send = root.XMLHttpRequest.prototype.send;
  root.XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = SEARCH_INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  root.XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.kbSearchIndex && !searchOpened) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  var NativeWorker = root.Worker;
  if (!NativeWorker) { return; }
  function Worker(url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message, transfer) {
      if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
        message = { type: SEARCH_QUERY, data: cleanQuery(message.data) };
      }
      return post(message, transfer);
    };
    return worker;
  }
  Worker.prototype = NativeWorker.prototype;
  root.Worker = Worker;
})(this);
