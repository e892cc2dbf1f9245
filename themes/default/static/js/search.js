/* Hulpwijzer search page: instant results with Pagefind (static) or Meilisearch (when configured).
 *
 * The page works without this script (GET form + topic links). This script:
 * - rewrites the query with the site's synonyms (even vrij -> respijtzorg), drops stop words,
 *   corrects typos against the site's own words and splits Dutch compounds (zoekdata.json);
 * - searches Meilisearch when configured, and falls back to Pagefind on error or timeout;
 * - merges the results of each query word (Pagefind finds pages with ALL words; residents type
 *   sentences), ranks stale items lower, shows facet filters with counts and highlighted snippets;
 * - announces the number of results in a polite live region.
 * No cookies, no storage, no third-party requests.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-hw-search]");
  if (!root) return;

  var MAX_RESULTS = 60;
  var STALE_FACTOR = 0.7;
  var PAGE_FACTOR = 1.1;
  var SYNONYM_WEIGHT = 0.6;
  var UNTRANSLATED_FACTOR = 0.8;
  var MEILI_TIMEOUT_MS = 2500;
  var FACETS = ["type", "need", "audience", "place", "sector", "form"];

  var texts = JSON.parse(root.getAttribute("data-texts") || "{}");
  var lang = root.getAttribute("data-lang") || document.documentElement.lang || "nl";
  var defaultLang = root.getAttribute("data-default-lang") || "nl";
  var form = root.querySelector("[data-hw-searchpage-form]");
  var input = root.querySelector("[data-hw-searchpage-input]");
  var statusBox = root.querySelector("[data-hw-searchpage-status]");
  var list = root.querySelector("[data-hw-searchpage-results]");
  var facetBox = root.querySelector("[data-hw-searchpage-facets]");
  var note = root.querySelector("[data-hw-searchpage-note]");
  var meili = root.getAttribute("data-meili-url")
    ? { url: root.getAttribute("data-meili-url").replace(/\/+$/, ""), key: root.getAttribute("data-meili-key"), index: root.getAttribute("data-meili-index") }
    : null;

  var queryData = null;
  var labels = null; // zoekdata.json once loaded: facet and type labels in the page's language
  var pagefind = null;
  var lastItems = [];
  var selected = {};
  var searchCounter = 0;
  var debounceTimer = null;

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_, name) { return values[name] == null ? "" : values[name]; });
  }

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // ------------------------------------------------------------------ query rewriting

  function loadQueryData() {
    if (!queryData) {
      queryData = fetch(root.getAttribute("data-data-url"), { credentials: "same-origin" })
        .then(function (response) { if (!response.ok) throw new Error("zoekdata " + response.status); return response.json(); })
        .then(function (data) {
          data.wordSet = new Set(data.words);
          labels = data;
          data.stopSet = new Set(data.stop);
          return data;
        });
    }
    return queryData;
  }

  function tokenize(text) {
    return text.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{N}\s-]/gu, " ").split(/\s+/).filter(Boolean);
  }

  // Damerau-Levenshtein distance with an early exit above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
        if (row[j] < best) best = row[j];
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function hasPrefix(words, token) {
    // words is sorted: binary search for the first word >= token.
    var lo = 0, hi = words.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (words[mid] < token) lo = mid + 1; else hi = mid; }
    return lo < words.length && words[lo].indexOf(token) === 0;
  }

  function splitCompound(token, data) {
    for (var cut = 4; cut <= token.length - 4; cut++) {
      var head = token.slice(0, cut), tail = token.slice(cut);
      if (data.wordSet.has(tail) && (data.wordSet.has(head) || (head.slice(-1) === "s" && data.wordSet.has(head.slice(0, -1))))) {
        return [data.wordSet.has(head) ? head : head.slice(0, -1), tail];
      }
    }
    return null;
  }

  function correct(token, data) {
    if (token.length < 4 || data.wordSet.has(token) || hasPrefix(data.words, token)) return null;
    var limit = token.length >= 8 ? 2 : 1;
    var best = null, bestDistance = limit + 1;
    for (var i = 0; i < data.words.length; i++) {
      var word = data.words[i];
      var d = distance(token, word, Math.min(limit, bestDistance));
      if (d < bestDistance) { best = word; bestDistance = d; if (d === 1 && limit === 1) break; }
    }
    if (best) return [best];
    return splitCompound(token, data);
  }

  // The queries to run for what the resident typed, each with a weight.
  function plan(text, data) {
    var tokens = tokenize(text);
    var used = tokens.map(function () { return false; });
    var expansions = [], phrases = [];
    for (var n = Math.min(7, tokens.length); n >= 1; n--) {
      for (var i = 0; i + n <= tokens.length; i++) {
        var span = used.slice(i, i + n);
        if (span.indexOf(true) !== -1) continue;
        var phrase = tokens.slice(i, i + n).join(" ");
        var targets = data.synonyms[phrase];
        if (!targets) continue;
        expansions.push.apply(expansions, targets);
        if (n > 1) {
          for (var k = i; k < i + n; k++) used[k] = true;
          // The resident's own words still count: "praten met anderen" is also a page title.
          phrases.push(tokens.slice(i, i + n).filter(function (t) { return !data.stopSet.has(t); }).join(" "));
        }
      }
    }
    // "ik ben 15": a young carer. Young carers rarely use the word mantelzorger.
    tokens.forEach(function (token, index) {
      var age = /^\d{1,2}$/.test(token) ? parseInt(token, 10) : 0;
      if (age >= 8 && age <= 25 && (tokens[index - 1] === "ben" || tokens[index + 1] === "jaar")) {
        used[index] = true;
        expansions.push.apply(expansions, data.synonyms["jonge mantelzorger"] || ["jonge mantelzorgers"]);
      }
    });
    var words = [], corrected = [];
    tokens.forEach(function (token, index) {
      if (used[index] || data.stopSet.has(token)) return;
      var fixed = correct(token, data);
      if (fixed) { corrected.push(fixed.join(" ")); words.push.apply(words, fixed); }
      else words.push(token);
    });
    var queries = [], seen = new Set();
    function add(query, weight) {
      query = query.trim();
      if (query && !seen.has(query)) { seen.add(query); queries.push({ text: query, weight: weight }); }
    }
    if (words.length > 1) add(words.join(" "), 2);
    // Dutch writes compounds as one word: "mantelzorg ondersteuning" -> "mantelzorgondersteuning".
    for (var w = 0; w + 1 < words.length; w++) {
      var joined = words[w] + words[w + 1];
      if (data.wordSet.has(joined) || data.wordSet.has(words[w] + "s" + words[w + 1])) {
        add(data.wordSet.has(joined) ? joined : words[w] + "s" + words[w + 1], 2);
      }
    }
    words.forEach(function (word) { add(word, 1.2); });
    phrases.forEach(function (phrase) { add(phrase, 2); });
    // Synonyms count once (the best one), so an item that matches many of them does not win on that alone.
    // Each word of a synonym is its own query; the best one counts (Pagefind adds up the words of a query).
    expansions.forEach(function (term) {
      tokenize(term).forEach(function (word) {
        if (word.length < 3 || data.stopSet.has(word) || seen.has(word)) return;
        seen.add(word);
        queries.push({ text: word, weight: SYNONYM_WEIGHT, group: "synonym" });
      });
    });
    if (!queries.length && tokens.length) add(tokens.join(" "), 1);
    return { queries: queries, corrected: corrected, highlight: words.concat(expansions) };
  }

  // ------------------------------------------------------------------ backends

  function loadPagefind() {
    if (!pagefind) {
      var bundle = root.getAttribute("data-bundle") || "/pagefind/";
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module.options({ bundlePath: bundle, excerptLength: 24 }).then(function () {
          // Items not translated yet are found in Dutch, as the listings show them.
          if (lang !== defaultLang && module.mergeIndex) {
            // An absolute URL: Pagefind skips a merge whose path looks like its own bundle.
            return module.mergeIndex(new URL(bundle, window.location.href).href, { language: defaultLang }).catch(function () {}).then(function () { return module; });
          }
          return module;
        });
      });
    }
    return pagefind;
  }

  function pagefindSearch(text, data) {
    var queryPlan = plan(text, data);
    return loadPagefind().then(function (pf) {
      return Promise.all(queryPlan.queries.map(function (query) {
        return pf.search(query.text).then(function (response) { return { query: query, results: response ? response.results : [] }; });
      }));
    }).then(function (responses) {
      var merged = new Map();
      responses.forEach(function (response) {
        response.results.forEach(function (result) {
          var entry = merged.get(result.id);
          if (!entry) { entry = { result: result, score: 0, synonym: 0 }; merged.set(result.id, entry); }
          var score = response.query.weight * result.score;
          if (response.query.group === "synonym") entry.synonym = Math.max(entry.synonym, score);
          else entry.score += score;
        });
      });
      merged.forEach(function (entry) { entry.score += entry.synonym; });
      var top = Array.from(merged.values()).sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_RESULTS);
      return Promise.all(top.map(function (entry) {
        return entry.result.data().then(function (doc) { return fromPagefind(doc, entry.score); });
      }));
    }).then(function (items) {
      return { items: rank(dedupe(items)), corrected: queryPlan.corrected, highlight: queryPlan.highlight };
    });
  }

  function fromPagefind(doc, score) {
    var meta = doc.meta || {};
    var excerpt = doc.excerpt || "";
    // Hidden keywords are separated by "zzkw": keep only the text before them.
    var cut = excerpt.indexOf("zzkw");
    if (cut !== -1) excerpt = excerpt.slice(0, cut);
    if (excerpt.indexOf("<mark>") === -1 || excerpt.replace(/<[^>]+>/g, "").split(/\s+/).length < 6) excerpt = "";
    // The index text starts with title and summary, which the result shows already.
    var plainExcerpt = excerpt.replace(/<[^>]+>/g, "");
    [meta.title, meta.summary].forEach(function (shown) {
      if (shown && plainExcerpt.indexOf(shown.slice(0, 20)) !== -1) excerpt = "";
    });
    // Results from the merged Dutch index come with absolute URLs: keep the path.
    var url = new URL(doc.url, window.location.href).pathname;
    var translated = lang === defaultLang || url.indexOf("/" + lang + "/") === 0;
    var dates = meta.dates ? meta.dates.split(" ") : [];
    return {
      id: meta.id || url, kind: meta.type, url: url, title: meta.title || url, summary: meta.summary || "",
      excerptHtml: excerpt.trim(), organisation: meta.organisation || "", date: nextDate(dates, meta.date || ""),
      stale: meta.stale === "1", filters: doc.filters || {}, translated: translated, lang: meta.lang || "",
      // Prefer the page's language; an untranslated (Dutch) item still shows, a little lower.
      score: translated ? score : score * UNTRANSLATED_FACTOR,
      ended: ended(dates, meta.until || ""),
    };
  }

  // Between two daily builds a result can pass: an activity then shows its next date that has not
  // ended and drops out after the last one it carries; a vacancy drops out after its last day.
  function localToday() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }

  function upcoming(dates) {
    var now = Date.now();
    return dates.filter(function (interval) { return Date.parse(interval.split("/")[1]) > now; });
  }

  function ended(dates, until) {
    return (dates.length > 0 && upcoming(dates).length === 0) || (!!until && until < localToday());
  }

  function nextDate(dates, fallback) {
    var next = upcoming(dates)[0];
    return next ? next.split("/")[0].slice(0, 10) : fallback;
  }

  // The same item in the page's language and in Dutch: keep the translation.
  function dedupe(items) {
    var byId = new Map();
    items.forEach(function (item) {
      var other = byId.get(item.id);
      if (!other || (item.translated && !other.translated)) byId.set(item.id, item);
    });
    return Array.from(byId.values());
  }

  function rank(items) {
    items.forEach(function (item) {
      if (item.stale) item.score *= STALE_FACTOR;
      // Information pages explain a topic and point to every provider: first among near-equals.
      if (item.kind === "page") item.score *= PAGE_FACTOR;
    });
    return items.sort(function (a, b) { return b.score - a.score || a.title.localeCompare(b.title); });
  }

  function meiliSearch(text) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, MEILI_TIMEOUT_MS);
    var body = {
      q: text, limit: MAX_RESULTS, showRankingScore: true, matchingStrategy: "frequency",
      attributesToRetrieve: ["id", "url", "title", "summary", "organisation", "next_date", "dates", "valid_through", "stale", "content_lang"].concat(FACETS),
      attributesToCrop: ["text"], cropLength: 24, attributesToHighlight: ["text"],
      highlightPreTag: "\u0001", highlightPostTag: "\u0002",
    };
    return fetch(meili.url + "/indexes/" + encodeURIComponent(meili.index) + "/search", {
      method: "POST", signal: controller.signal, credentials: "omit", referrerPolicy: "no-referrer",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + meili.key },
      body: JSON.stringify(body),
    }).then(function (response) {
      clearTimeout(timer);
      if (!response.ok) throw new Error("meilisearch " + response.status);
      return response.json();
    }).then(function (result) {
      var items = result.hits.map(function (hit) {
        var filters = { type: [hit.type] };
        FACETS.slice(1).forEach(function (facet) { filters[facet] = hit[facet] || []; });
        var cropped = hit._formatted && hit._formatted.text || "";
        var excerpt = cropped.indexOf("\u0001") === -1 ? "" : escapeHtml(cropped).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
        return {
          id: hit.id, kind: hit.type, url: hit.url, title: hit.title, summary: hit.summary, excerptHtml: excerpt,
          organisation: hit.organisation || "", date: nextDate(hit.dates || [], (hit.next_date || "").slice(0, 10)),
          stale: !!hit.stale, filters: filters, lang: hit.content_lang || "", ended: ended(hit.dates || [], hit.valid_through || ""),
          score: hit._rankingScore || 0,
        };
      });
      return { items: items, corrected: [], highlight: tokenize(text) };
    }, function (error) { clearTimeout(timer); throw error; });
  }

  function runSearch(text) {
    return loadQueryData().then(function (data) {
      if (!meili) return pagefindSearch(text, data);
      return meiliSearch(text).catch(function () {
        note.textContent = texts.fallback;
        note.hidden = false;
        meili = null; // stay on the static search for the rest of this visit
        return pagefindSearch(text, data);
      });
    });
  }

  // ------------------------------------------------------------------ rendering

  function highlight(text, words) {
    var html = escapeHtml(text);
    var stems = words.filter(function (w) { return w.length >= 3; }).map(function (w) {
      return w.slice(0, Math.max(3, w.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    if (!stems.length) return html;
    return html.replace(new RegExp("(^|[^\\p{L}])((?:" + stems.join("|") + ")\\p{L}*)", "giu"), "$1<mark>$2</mark>");
  }

  function facetLabel(facet, value) {
    var data = labels || {};
    if (facet === "type") return (data.types && data.types[value]) || value;
    return (data.labels && data.labels[facet] && data.labels[facet][value]) || value;
  }

  function visibleItems() {
    return lastItems.filter(function (item) {
      return Object.keys(selected).every(function (facet) {
        var wanted = selected[facet];
        if (!wanted.size) return true;
        var values = item.filters[facet] || [];
        return values.some(function (value) { return wanted.has(value); });
      });
    });
  }

  function renderResults(words) {
    var items = visibleItems();
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "hw-result";
      // An item not translated yet: its texts are marked with their own language (and direction).
      var own = item.lang && item.lang !== lang ? " lang=\"" + escapeHtml(item.lang) + "\" dir=\"auto\"" : "";
      var metaParts = [escapeHtml(facetLabel("type", item.kind))];
      if (item.organisation) metaParts.push(escapeHtml(texts.by) + " <span" + own + ">" + escapeHtml(item.organisation) + "</span>");
      if (item.date) metaParts.push(escapeHtml(texts.date) + " <time datetime=\"" + escapeHtml(item.date) + "\">" + escapeHtml(item.date) + "</time>");
      if (item.stale) metaParts.push("<span class=\"hw-result__stale\">" + escapeHtml(texts.stale) + "</span>");
      li.innerHTML =
        "<h2 class=\"hw-result__title\"" + own + "><a href=\"" + escapeHtml(item.url) + "\">" + highlight(item.title, words) + "</a></h2>" +
        "<p class=\"hw-result__meta\">" + metaParts.join(" · ") + "</p>" +
        "<p class=\"hw-result__summary\"" + own + ">" + highlight(item.summary, words) + "</p>" +
        (item.excerptHtml ? "<p class=\"hw-result__excerpt\"" + own + ">…" + item.excerptHtml + "…</p>" : "");
      list.appendChild(li);
    });
    list.hidden = !items.length;
    return items.length;
  }

  function renderFacets(onChange) {
    facetBox.textContent = "";
    selected = {};
    var counts = {};
    lastItems.forEach(function (item) {
      FACETS.forEach(function (facet) {
        (item.filters[facet] || []).forEach(function (value) {
          counts[facet] = counts[facet] || new Map();
          counts[facet].set(value, (counts[facet].get(value) || 0) + 1);
        });
      });
    });
    var groups = FACETS.filter(function (facet) { return counts[facet] && (counts[facet].size > 1 || facet === "type"); });
    if (lastItems.length < 2 || !groups.length) { facetBox.hidden = true; return; }
    var heading = document.createElement("h2");
    heading.className = "hw-searchpage__facets-title";
    heading.textContent = texts.filters;
    facetBox.appendChild(heading);
    groups.forEach(function (facet, groupIndex) {
      var fieldset = document.createElement("fieldset");
      fieldset.className = "hw-facet";
      var legend = document.createElement("legend");
      legend.textContent = (texts.facets && texts.facets[facet]) || facet;
      fieldset.appendChild(legend);
      selected[facet] = new Set();
      Array.from(counts[facet].entries()).sort(function (a, b) { return b[1] - a[1] || facetLabel(facet, a[0]).localeCompare(facetLabel(facet, b[0])); }).forEach(function (entry, index) {
        var id = "facet-" + groupIndex + "-" + index;
        var wrapper = document.createElement("div");
        wrapper.className = "hw-facet__option";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = entry[0];
        box.addEventListener("change", function () {
          if (box.checked) selected[facet].add(entry[0]); else selected[facet].delete(entry[0]);
          onChange();
        });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = facetLabel(facet, entry[0]) + " (" + entry[1] + ")";
        wrapper.appendChild(box);
        wrapper.appendChild(label);
        fieldset.appendChild(wrapper);
      });
      facetBox.appendChild(fieldset);
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "hw-facet__clear";
    clear.textContent = texts.clear;
    clear.addEventListener("click", function () {
      facetBox.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = false; });
      Object.keys(selected).forEach(function (facet) { selected[facet].clear(); });
      onChange();
    });
    facetBox.appendChild(clear);
    facetBox.hidden = false;
  }

  function announce(message) {
    statusBox.textContent = message;
  }

  function search(text, fromHistory) {
    var counter = ++searchCounter;
    text = text.trim();
    if (!fromHistory) {
      var url = new URL(window.location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search);
    }
    root.setAttribute("data-state", "busy");
    if (!text) {
      lastItems = [];
      list.hidden = true;
      facetBox.hidden = true;
      announce(texts.empty);
      root.setAttribute("data-state", "idle");
      return Promise.resolve();
    }
    announce(texts.searching);
    return runSearch(text).then(function (outcome) {
      if (counter !== searchCounter) return;
      lastItems = outcome.items.filter(function (item) { return !item.ended; });
      var words = outcome.highlight;
      var total = lastItems.length;
      function summary(shown) {
        var message = total === 0 ? format(texts.none, { q: text }) : total === 1 ? format(texts.one, { q: text }) : format(texts.many, { n: total, q: text });
        if (shown !== total) message += " " + format(texts.filtered, { n: shown, total: total }) + ".";
        if (outcome.corrected.length) message += " " + texts.didYouMean + " " + outcome.corrected.join(", ") + ".";
        return message;
      }
      renderFacets(function () { announce(summary(renderResults(words))); });
      var shown = renderResults(words);
      announce(summary(shown) + (total === 0 ? " " + texts.failedHint : ""));
      root.classList.toggle("hw-searchpage--empty", total === 0);
      root.setAttribute("data-state", "done");
    }).catch(function () {
      if (counter !== searchCounter) return;
      lastItems = [];
      list.hidden = true;
      facetBox.hidden = true;
      announce(texts.failed);
      root.classList.add("hw-searchpage--empty");
      root.setAttribute("data-state", "error");
    });
  }

  texts.failedHint = texts.failedHint || "";
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(debounceTimer);
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(function () { search(input.value); }, 250);
  });
  input.addEventListener("focus", function () { loadQueryData().catch(function () {}); if (!meili) loadPagefind().catch(function () {}); }, { once: true });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  if (initial) {
    input.value = initial;
    search(initial, true);
  }
  // Tests and other scripts can run a query and wait for it.
  root.hwSearch = function (text) { input.value = text; return search(text); };
  root.hwPlan = function (text) { return loadQueryData().then(function (data) { return plan(text, data); }); };
})();
