/* Hulpwijzer search page: instant results with Pagefind (static) or Meilisearch (when configured).
 *
 * The page works without this script (GET form + topic links). This module wires the parts:
 * query.js plans queries (synonyms, stop words, typos, compounds) from zoekdata.json;
 * backends/ search (Meilisearch when configured, Pagefind otherwise or when it fails);
 * rank.js merges and ranks; ui.js renders results from the page's card template and the facets;
 * the number of results is announced in a polite live region.
 * No cookies, no storage, no third-party requests.
 *
 * Loaded as <script type="module"> from a fingerprinted folder (/assets/js/search.<hash>/main.js),
 * so the relative imports below resolve inside the same version of every module.
 */
import * as meiliBackend from "./backends/meili.js";
import * as pagefindBackend from "./backends/pagefind.js";
import { facetCounts } from "./facets.js";
import { plan, prepare, tokenize } from "./query.js";
import { labeller, renderFacets, renderResults } from "./ui.js";

// A host that accepts a request and never answers (the Pagefind bundle, zoekdata.json) must not
// leave "Bezig met zoeken…" on the page: after this the search gives up with the failed text,
// and the topics and the loket below the form stay as the way on.
const GIVE_UP_MS = 10000;

function within(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer within " + ms + " ms")), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const root = document.querySelector("[data-hw-search]");
if (root) start(root);

function format(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (_, name) => (values[name] == null ? "" : values[name]));
}

function start(root) {
  const texts = JSON.parse(root.getAttribute("data-texts") || "{}");
  const lang = root.getAttribute("data-lang") || document.documentElement.lang || "nl";
  const defaultLang = root.getAttribute("data-default-lang") || "nl";
  const form = root.querySelector("[data-hw-searchpage-form]");
  const input = root.querySelector("[data-hw-searchpage-input]");
  const statusBox = root.querySelector("[data-hw-searchpage-status]");
  const list = root.querySelector("[data-hw-searchpage-results]");
  const facetBox = root.querySelector("[data-hw-searchpage-facets]");
  const note = root.querySelector("[data-hw-searchpage-note]");
  const template = root.querySelector("template[data-hw-result-template]");
  const plurals = new Intl.PluralRules(lang);
  let meili = root.getAttribute("data-meili-url")
    ? { url: root.getAttribute("data-meili-url").replace(/\/+$/, ""), key: root.getAttribute("data-meili-key"), index: root.getAttribute("data-meili-index") }
    : null;
  const loadPagefind = pagefindBackend.loader(root.getAttribute("data-bundle") || "/pagefind/", lang, defaultLang);

  let queryData = null;
  let label = labeller({}); // type and facet labels in the page's language, once zoekdata.json is in
  let searchCounter = 0;
  let debounceTimer = null;
  texts.failedHint = texts.failedHint || "";

  function loadQueryData() {
    if (!queryData) {
      queryData = fetch(root.getAttribute("data-data-url"), { credentials: "same-origin" }).then((response) => {
        if (!response.ok) throw new Error("zoekdata " + response.status);
        return response.json().then((data) => {
          label = labeller(data);
          return prepare(data);
        });
      });
    }
    return queryData;
  }

  async function staticSearch(text, data) {
    const queryPlan = plan(text, data);
    const items = await pagefindBackend.search(await loadPagefind(), queryPlan, lang, defaultLang);
    return { items, corrected: queryPlan.corrected, highlight: queryPlan.highlight };
  }

  async function runSearch(text) {
    const data = await loadQueryData();
    if (!meili) return staticSearch(text, data);
    try {
      return { items: await meiliBackend.search(meili, text), corrected: [], highlight: tokenize(text) };
    } catch {
      note.textContent = texts.fallback;
      note.hidden = false;
      meili = null; // stay on the static search for the rest of this visit
      return staticSearch(text, data);
    }
  }

  function announce(message) {
    statusBox.textContent = message;
  }

  function showNothing(message, state) {
    list.hidden = true;
    facetBox.hidden = true;
    announce(message);
    root.setAttribute("data-state", state);
  }

  async function search(text, fromHistory) {
    const counter = ++searchCounter;
    text = text.trim();
    if (!fromHistory) {
      // The address carries the query, so a result list can be shared or reloaded; never stored.
      const url = new URL(window.location.href);
      if (text) url.searchParams.set("q", text);
      else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search);
    }
    root.setAttribute("data-state", "busy");
    if (!text) return showNothing(texts.empty, "idle");
    announce(texts.searching);
    let outcome;
    try {
      outcome = await within(runSearch(text), GIVE_UP_MS);
    } catch {
      if (counter !== searchCounter) return;
      showNothing(texts.failed, "error");
      root.classList.add("hw-searchpage--empty");
      return;
    }
    if (counter !== searchCounter) return; // a newer search has started: its results win
    const items = outcome.items.filter((item) => !item.ended);
    const total = items.length;
    const summary = (shown) => {
      // The count in the plural form of the page's language (Arabic has six), from the page's texts.
      const count = texts.count[plurals.select(total)] || texts.count.other;
      let message = total === 0 ? format(texts.none, { q: text }) : format(count, { n: total, q: text });
      if (shown !== total) message += " " + format(texts.filtered, { n: shown, total }) + ".";
      if (outcome.corrected.length) message += " " + texts.didYouMean + " " + outcome.corrected.join(", ") + ".";
      return message;
    };
    let selected = {};
    const render = () => renderResults(list, template, items, selected, outcome.highlight, lang, label);
    selected = renderFacets(facetBox, facetCounts(items), texts, label, () => announce(summary(render())));
    announce(summary(render()) + (total === 0 ? " " + texts.failedHint : ""));
    root.classList.toggle("hw-searchpage--empty", total === 0);
    root.setAttribute("data-state", "done");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounceTimer);
    search(input.value);
  });
  input.addEventListener("input", () => {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => search(input.value), 250);
  });
  // Start loading while the resident types the first word.
  input.addEventListener(
    "focus",
    () => {
      loadQueryData().catch(() => {});
      if (!meili) loadPagefind().catch(() => {});
    },
    { once: true },
  );

  const initial = new URLSearchParams(window.location.search).get("q") || "";
  if (initial) {
    input.value = initial;
    search(initial, true);
  }
  // Tests and other scripts can run a query and wait for it.
  root.hwSearch = (text) => {
    input.value = text;
    return search(text);
  };
  root.hwPlan = (text) => loadQueryData().then((data) => plan(text, data));
}
