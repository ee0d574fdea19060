// Run Material for MkDocs' own search worker (lunr plus Material's query handling) under Node.js,
// so that search can be tested fast and exactly without a browser.
// Usage: node worker-harness.js SITE_DIR < queries.json > results.json
"use strict";
const fs = require("fs");
const path = require("path");

const siteDir = path.resolve(process.argv[2]);
const workers = path.join(siteDir, "assets", "javascripts", "workers");
const worker = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));
const index = JSON.parse(fs.readFileSync(path.join(siteDir, "search", "search_index.json"), "utf8"));
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
// The site's own query cleaning, as the page applies it before a query reaches the worker.
const cleanQuery = require(path.join(siteDir, "assets", "javascripts", "kb-search.js"));

// The browser globals the worker uses: self, addEventListener("message") and postMessage.
let deliver = null;
let answered = null;
globalThis.self = globalThis;
globalThis.addEventListener = (type, handler) => { if (type === "message") { deliver = handler; } };
globalThis.postMessage = (message) => answered(message);
globalThis.importScripts = () => { throw new Error("only English search is supported by this harness"); };
require(path.join(workers, worker));

function ask(message) {
  return new Promise((resolve) => { answered = resolve; deliver({ data: message }); });
}

(async () => {
  await ask({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const results = [];
  for (const query of queries) {
    const answer = await ask({ type: 2, data: cleanQuery(query) });
    // Each item is one page's group of matching sections; the first holds the best score.
    results.push(answer.data.items.map((group) => group[0].location.split("#")[0]));
  }
  process.stdout.write(JSON.stringify(results));
})();
