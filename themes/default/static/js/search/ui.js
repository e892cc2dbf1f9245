// Rendering: results from the page's <template data-hw-result-template> (rendered by the build from
// the same card macro as the listings' cards, partials/card-frame.html) and the facet checkboxes.
// Only textContent, setAttribute and created elements: no HTML string is parsed, so escaping holds
// even where the Content-Security-Policy is missing.
import { isolate } from "./bidi.js";
import { highlight } from "./highlight.js";

// The text direction of each of the site's languages, as the build wrote it on the page (from
// CLDR: sitegen/languages.py), the same the server-side card uses.
let directions = null;
function direction(lang) {
  if (directions === null) {
    const root = document.querySelector("[data-hw-search]");
    directions = JSON.parse((root && root.getAttribute("data-directions")) || "{}");
  }
  return directions[lang] || "ltr";
}

/** Replaces el's content by segments [{text, marked}]: marked ones in <mark>; numbers and
 * addresses isolated on a right-to-left page (``rtl``). */
function fill(el, segments, rtl = false) {
  el.textContent = "";
  for (const segment of segments) {
    const text = rtl ? isolate(segment.text) : segment.text;
    if (segment.marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      el.appendChild(mark);
    } else el.appendChild(document.createTextNode(text));
  }
}

/** Labels in the page's language (zoekdata.json: types and facet values), falling back to the slug. */
export function labeller(data) {
  return (facet, value) => {
    if (facet === "type") return (data.types && data.types[value]) || value;
    return (data.labels && data.labels[facet] && data.labels[facet][value]) || value;
  };
}

/** One result: a clone of the template with its slots filled; optional slots left out when empty. */
function card(template, item, words, lang, label) {
  const li = template.content.firstElementChild.cloneNode(true);
  const slot = (name) => li.querySelector(`[data-hw-slot="${name}"]`);
  const link = slot("title");
  link.setAttribute("href", item.url);
  const rtl = direction(lang) === "rtl";
  fill(link, highlight(item.title, words), rtl);
  fill(slot("summary"), highlight(item.summary, words), rtl);
  slot("type").textContent = label("type", item.kind);
  if (item.organisation) slot("organisation-name").textContent = item.organisation;
  else slot("organisation").remove();
  if (item.date) {
    const time = slot("date-value");
    time.setAttribute("datetime", item.date);
    time.textContent = item.date;
  } else slot("date").remove();
  if (!item.stale) slot("stale").remove();
  if (item.excerpt.length) fill(slot("excerpt"), [{ text: "…" }, ...item.excerpt, { text: "…" }], rtl);
  else slot("excerpt").remove();
  // An item not translated yet: its texts are marked with their own language (and direction).
  if (item.lang && item.lang !== lang) {
    link.setAttribute("hreflang", item.lang);
    for (const el of li.querySelectorAll("[data-hw-own-lang]")) {
      el.setAttribute("lang", item.lang);
      el.setAttribute("dir", direction(item.lang));
    }
  }
  return li;
}

/** Shows `items` as results; `append` adds them after those shown (the next page). Returns the first new card. */
export function renderResults(list, template, items, words, lang, label, append = false) {
  const cards = items.map((item) => card(template, item, words, lang, label));
  if (append) list.append(...cards);
  else list.replaceChildren(...cards);
  list.hidden = !list.children.length;
  return cards[0] || null;
}

/**
 * Facet checkboxes in fieldsets (keyboard: Tab and Space) for `counts` (facet -> Map(value -> n) over
 * all results of the query), values by count; `selected` (facet -> Set) is what the checkboxes change,
 * onChange runs after each change. Facets with one value filter nothing and are left out, except type:
 * it still tells what kind the results are. Returns the number of facets shown.
 */
export function renderFacets(box, counts, texts, label, selected, onChange) {
  box.textContent = "";
  const facets = (texts.facetOrder || Object.keys(counts)).filter(
    (facet) => counts[facet] && (counts[facet].size > 1 || (facet === "type" && counts[facet].size) || (selected[facet] && selected[facet].size)),
  );
  facets.forEach((facet, groupIndex) => {
    const fieldset = document.createElement("fieldset");
    fieldset.className = "hw-facet";
    const legend = document.createElement("legend");
    legend.textContent = (texts.facets && texts.facets[facet]) || facet;
    fieldset.appendChild(legend);
    selected[facet] = selected[facet] || new Set();
    const values = Array.from(counts[facet].entries()).sort((a, b) => b[1] - a[1] || label(facet, a[0]).localeCompare(label(facet, b[0])));
    values.forEach(([value, count], index) => {
      const id = "facet-" + groupIndex + "-" + index;
      const wrapper = document.createElement("div");
      wrapper.className = "hw-facet__option";
      const checkbox = document.createElement("input");
      checkbox.type = "checkbox";
      checkbox.id = id;
      checkbox.value = value;
      checkbox.checked = selected[facet].has(value);
      checkbox.addEventListener("change", () => {
        if (checkbox.checked) selected[facet].add(value);
        else selected[facet].delete(value);
        onChange();
      });
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = label(facet, value) + " (" + count + ")";
      wrapper.append(checkbox, text);
      fieldset.appendChild(wrapper);
    });
    box.appendChild(fieldset);
  });
  if (!facets.length) return 0;
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "hw-facet__clear";
  clear.textContent = texts.clear;
  clear.addEventListener("click", () => {
    box.querySelectorAll("input[type=checkbox]").forEach((checkbox) => (checkbox.checked = false));
    Object.values(selected).forEach((values) => values.clear());
    onChange();
  });
  box.appendChild(clear);
  return facets.length;
}

/** Links to the hubs `hubs` ([{title, url}]) in `list`. */
export function renderHubs(list, hubs) {
  list.replaceChildren(
    ...hubs.map((hub) => {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = hub.url;
      link.textContent = hub.title;
      li.appendChild(link);
      return li;
    }),
  );
}
