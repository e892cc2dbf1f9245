/* Hulpwijzer search page: instant results with Pagefind (static) or Meilisearch (when configured).
 *
 * The page works without this script (GET form + topic links). This module wires the parts:
 * query.js plans queries (synonyms, stop words, typos, compounds) from zoekdata.json;
 * backends/ search (Meilisearch when configured, Pagefind otherwise or when it fails);
 * rank.js decides whether the answer is good enough and pages it; ui.js renders results from the page's card template and the facets;
 * the number of results is announced in a polite live region.
 * No cookies, no storage, no third-party requests.
 *
 * Loaded as <script type="module"> from a fingerprinted folder (/assets/js/search.<hash>/main.js),
 * so the relative imports below resolve inside the same version of every module.
 */
import * as meiliBackend from "./backends/meili.js";
import * as pagefindBackend from "./backends/pagefind.js";
import { facetCounts, filterItems } from "./facets.js";
import { plan, prepare } from "./query.js";
import { closestHubs, dedupe, ListPager, matchesWell, PAGE_SIZE } from "./rank.js";
import { labeller, renderFacets, renderHubs, renderResults } from "./ui.js";

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

// Meilisearch answers with its best results at once: filters and counts work on those.
function listAnswer(items, selected) {
  items = dedupe(items.filter((item) => !item.ended));
  const shown = filterItems(items, selected);
  return { total: shown.length, best: items.length ? items[0].score : 0, counts: facetCounts(items) || {}, pager: new ListPager(shown), backend: "meili" };
}

function start(root) {
  const texts = JSON.parse(root.getAttribute("data-texts") || "{}");
  const lang = root.getAttribute("data-lang") || document.documentElement.lang || "nl";
  const defaultLang = root.getAttribute("data-default-lang") || "nl";
  const form = root.querySelector("[data-hw-searchpage-form]");
  const input = root.querySelector("[data-hw-searchpage-input]");
  const statusBox = root.querySelector("[data-hw-searchpage-status]");
  const list = root.querySelector("[data-hw-searchpage-results]");
  const filters = root.querySelector("[data-hw-searchpage-filters]");
  const facetBox = root.querySelector("[data-hw-searchpage-facets]");
  const more = root.querySelector("[data-hw-searchpage-more]");
  const nothing = root.querySelector("[data-hw-searchpage-nothing]");
  const note = root.querySelector("[data-hw-searchpage-note]");
  const template = root.querySelector("template[data-hw-result-template]");
  const plurals = new Intl.PluralRules(lang);
  const hubs = Array.from(root.querySelectorAll("a[data-hw-hub]"), (a) => ({ title: a.textContent, url: a.getAttribute("href"), words: a.getAttribute("data-hw-hub") }));
  // On a wide screen the filters stand beside the results, open; on a phone they are one closed control.
  const wide = window.matchMedia("(min-width: 48rem)");
  let meili = root.getAttribute("data-meili-url")
    ? { url: root.getAttribute("data-meili-url").replace(/\/+$/, ""), key: root.getAttribute("data-meili-key"), index: root.getAttribute("data-meili-index") }
    : null;
  const loadPagefind = pagefindBackend.loader(root.getAttribute("data-bundle") || "/pagefind/", lang, defaultLang);

  let queryData = null;
  let label = labeller({}); // type and facet labels in the page's language, once zoekdata.json is in
  let searchCounter = 0;
  let debounceTimer = null;
  let current = null; // the query shown: {text, plan, selected, counts, total, pager, shown}
  texts.failedHint = texts.failedHint || "";

  function loadQueryData() {
    if (!queryData) {
      queryData = fetch(root.getAttribute("data-data-url"), { credentials: "same-origin" }).then((response) => {
        if (!response.ok) throw new Error("zoekdata " + response.status);
        return response.json().then((data) => {
          label = labeller(data);
          texts.facetOrder = data.facets;
          return prepare(data);
        });
      });
    }
    return queryData;
  }

  async function answer(text, queryPlan, selected) {
    if (meili) {
      try {
        return listAnswer(await meiliBackend.search(meili, text), selected);
      } catch {
        note.textContent = texts.fallback;
        note.hidden = false;
        meili = null; // stay on the static search for the rest of this visit
      }
    }
    return { ...(await pagefindBackend.search(await loadPagefind(), queryPlan, selected, lang, defaultLang, await loadQueryData())), backend: "pagefind" };
  }

  function announce(message) {
    statusBox.textContent = message;
  }

  function clear(state) {
    list.hidden = true;
    list.replaceChildren();
    filters.hidden = true;
    more.hidden = true;
    nothing.hidden = true;
    root.setAttribute("data-state", state);
  }

  function summary() {
    const { text, total, unfiltered, shown, plan: queryPlan, selected } = current;
    const filtering = Object.values(selected).some((values) => values.size);
    let message = filtering
      ? format(texts.filtered, { n: total, total: unfiltered }) + "."
      : // The count in the plural form of the page's language (Arabic has six), from the page's texts.
        format((texts.count && texts.count[plurals.select(total)]) || (total === 1 ? texts.one : texts.many), { n: total, q: text });
    if (shown < total) message += " " + format(texts.shown, { n: shown });
    for (const fix of queryPlan.corrected) message += " " + format(texts.corrected, fix);
    return message;
  }

  async function showMore(focus) {
    const counter = searchCounter;
    const items = await current.pager.next(PAGE_SIZE);
    if (counter !== searchCounter) return;
    const first = renderResults(list, template, items, current.plan.highlight, lang, label, current.shown > 0);
    current.shown += items.length;
    more.hidden = current.pager.done;
    if (focus && first) first.querySelector("a").focus();
  }

  async function search(text, fromHistory, selected = {}) {
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
    if (!text) {
      clear("idle");
      return announce(texts.empty);
    }
    announce(texts.searching);
    let queryPlan;
    let result;
    try {
      queryPlan = plan(text, await within(loadQueryData(), GIVE_UP_MS));
      result = await within(answer(text, queryPlan, selected), GIVE_UP_MS);
    } catch {
      if (counter !== searchCounter) return;
      clear("error");
      announce(texts.failed);
      return;
    }
    if (counter !== searchCounter) return; // a newer search has started: its results win
    const refining = current && current.text === text && current.selected === selected;
    const unfiltered = refining ? current.unfiltered : result.total;
    current = { text, plan: queryPlan, selected, counts: refining ? current.counts : result.counts, total: result.total, unfiltered, pager: result.pager, shown: 0 };
    if (!refining && (!matchesWell(result.total, result.best, result.backend) || (result.backend === "pagefind" && queryPlan.foreign))) {
      // Nothing current answers this well: say so, with the loket and the closest hubs, not loose matches.
      clear("done");
      renderHubs(nothing.querySelector("[data-hw-searchpage-hubs]"), closestHubs(queryPlan.terms, hubs, 3, hubs.slice(0, 3)));
      nothing.hidden = false;
      announce(format(texts.nothing, { q: text }));
      return;
    }
    list.replaceChildren();
    nothing.hidden = true;
    await showMore(false);
    if (counter !== searchCounter) return;
    if (!refining) {
      const facets = renderFacets(facetBox, current.counts, texts, label, selected, () => search(text, true, selected));
      filters.hidden = !facets || unfiltered < 2;
      filters.open = wide.matches;
    }
    announce(summary());
    root.setAttribute("data-state", "done");
  }

  more.addEventListener("click", () => showMore(true).then(() => announce(summary())));
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

  const initial = new URLSearchParams(window.location.search).get("q") || input.value || "";
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
