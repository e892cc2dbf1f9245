/* Hulpwijzer vacancy widget v1: <hulpwijzer-vacatures organisatie sector kern max lang kop>.
   Reads the static JSON feeds of the Hulpwijzer that serves this script (and Meilisearch when
   the site configures it). Builds DOM with createElement/textContent only, never from HTML strings.
   Sets no cookies and stores nothing. */
(() => {
  'use strict';
  const C = /*@config*/null;
  const NAME = 'hulpwijzer-vacatures';
  const me = document.currentScript;
  const ORIGIN = me && me.src ? new URL(me.src, location.href).origin : location.origin;
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const PREFIX = 'Hulpwijzer-widget: ';
  if (!C || !window.customElements || customElements.get(NAME)) return;

  const CSS = ':host{display:block}:host([hidden]){display:none}' +
    '.w{all:initial;display:block;box-sizing:border-box;font-family:var(--hw-widget-font-family,system-ui,sans-serif);' +
    'font-size:var(--hw-widget-font-size,16px);line-height:1.5;color:var(--hw-widget-color-text,#1a1a1a);' +
    'background:var(--hw-widget-color-bg,#fff);border:var(--hw-widget-border,1px solid #767676);' +
    'border-radius:var(--hw-widget-radius,4px);padding:var(--hw-widget-padding,1em);text-align:start}' +
    '.w *{box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal;text-transform:none}' +
    '.h{display:block;margin:0 0 .75em;font-size:1.25em;font-weight:700;line-height:1.3}' +
    '.l{display:block;list-style:none;margin:0;padding:0}' +
    '.i{display:block;margin:0 0 .75em;padding:0 0 .75em;border-block-end:1px solid var(--hw-widget-color-line,#c4c4c4)}' +
    '.w a{color:var(--hw-widget-color-link,#0b4f9c);text-decoration:underline;font-weight:700}' +
    '.w a:focus-visible{outline:3px solid var(--hw-widget-color-focus,#c05a00);outline-offset:2px}' +
    '.s,.m,.e,.a{display:block;margin:.25em 0 0}.m{font-size:.875em;color:var(--hw-widget-color-muted,#4d4d4d)}';
  let sheet = null;
  try { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); } catch { sheet = null; }

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = String(text);
    return node;
  };
  // Links only ever point at this Hulpwijzer: a path from the feed, never a full URL.
  const here = (path) => ORIGIN + (typeof path === 'string' && /^\/(?!\/)/.test(path) ? path : '/');
  const fmt = (text, value) => text.replace('%s', value);
  // Phone numbers, postcodes, dates, times and addresses read left to right in right-to-left text
  // (the same runs as sitegen/bidi.py; no lookbehind, which older browsers cannot parse).
  const RUN = /(^|[^\w&#])((?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[1-9][0-9]{3}[ \u00a0]?[A-Z]{2}(?!\w)|\+?(?:\(\d+\)\s?)?\d+(?:(?:[ \u00a0./:]|\s?[-\u2010\u2011\u2013]\s?)(?:\(\d+\)\s?)?\d+)*(?!\w))/g;
  const IN_ORDER = /^\d+(?:[./:]\d+)*$/;  // 9.00, 14:30: in order by themselves
  // Only in right-to-left boxes: elsewhere the isolates would change nothing but a copied number.
  const isolate = (text, dir) => (dir === 'rtl' && text != null ?
    String(text).replace(RUN, (all, before, run) => before + (IN_ORDER.test(run) ? run : '\u2066' + run + '\u2069')) : text);
  const today = () => { const d = new Date(); return new Date(d.getTime() - d.getTimezoneOffset() * 6e4).toISOString().slice(0, 10); };
  const failure = (status) => { const e = new Error('HTTP ' + status); e.status = status; return e; };

  // A host that accepts the connection and never answers must not leave "Vacatures laden…" on a
  // partner's page: every request (and the reading of its answer) gives up after WAIT ms.
  const WAIT = 8000;
  const getJson = (url, options) => {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), WAIT);
    return fetch(url, Object.assign({signal: stop.signal}, options))
      .then((r) => { if (!r.ok) throw failure(r.status); return r.json(); })
      .catch((e) => { throw stop.signal.aborted ? new Error('geen antwoord binnen ' + WAIT / 1000 + ' seconden') : e; })
      .finally(() => clearTimeout(timer));
  };

  const getFeed = (lang, kind, slug) => getJson(ORIGIN + '/feeds/vacatures/v1/' + (lang === C.def ? '' : lang + '/') +
      (kind === 'alle' ? 'alle' : kind + '/' + slug) + '.json', {credentials: 'omit', referrerPolicy: 'no-referrer'});

  // Live search in the indexes of search/meili.py; the feeds have already checked the codes
  // and give the slugs that the index filters on (facet values are term slugs).
  const searchMeili = (o, feeds) => {
    const ms = C.ms;
    const q = (v) => JSON.stringify(String(v));
    const filter = ['type = "vacancy"', 'current = true'];
    for (const f of feeds) {
      const s = f.selection;
      if (s.kind === 'organisatie') filter.push('organisation_id = ' + q('organisation-' + s.slug));
      if (s.kind === 'sector') filter.push('sector = ' + q(s.slug));
      if (s.kind === 'kern') filter.push(s.slug === 'vanuit-huis' ? 'remote = true' : 'place = ' + q(s.slug));
    }
    return getJson(ms.url + '/indexes/' + encodeURIComponent(ms.prefix + '-' + o.lang) + '/search', {
      method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer',
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + ms.key},
      body: JSON.stringify({q: '', filter: filter, limit: o.max, sort: ['posted:desc']}),
    }).then((data) => {
        const places = {};  // slug -> label, from the feeds
        for (const f of feeds) for (const v of f.vacancies) if (v.place) places[v.place.slug] = v.place.label;
        return (data.hits || []).map((h) => ({
          title: h.title, summary: h.summary, path: h.url, remote: h.remote, valid_through: h.valid_through,
          language: h.content_lang, organisation: {name: h.organisation},
          place: h.place && h.place.length ? {label: places[h.place[0]] || h.place[0]} : null,
        }));
      });
  };

  class Vacatures extends HTMLElement {
    static get observedAttributes() { return ['organisatie', 'sector', 'kern', 'max', 'lang', 'kop']; }

    connectedCallback() { this.schedule(); }

    attributeChangedCallback() { if (this.isConnected) this.schedule(); }

    schedule() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => { this.pending = false; this.load(); });
    }

    options() {
      const a = (name) => (this.getAttribute(name) || '').trim();
      const problems = [];
      const o = {lang: a('lang') || C.def, max: a('max') === '' ? 5 : Number(a('max')), kop: a('kop') === '' ? 2 : Number(a('kop'))};
      if (C.langs.indexOf(o.lang) < 0) {
        problems.push('lang="' + o.lang + '" kan niet. Kies uit: ' + C.langs.join(', ') + '.');
        o.lang = C.def;
      }
      if (!Number.isInteger(o.max) || o.max < 1 || o.max > 50) problems.push('max="' + a('max') + '" kan niet. Gebruik een heel getal van 1 tot 50.');
      if (!Number.isInteger(o.kop) || o.kop < 1 || o.kop > 6) problems.push('kop="' + a('kop') + '" kan niet. Gebruik een getal van 1 tot 6.');
      for (const name of ['organisatie', 'sector', 'kern']) {
        const value = a(name);
        if (value && !SLUG.test(value)) problems.push(name + '="' + value + '" kan niet. Gebruik de korte code uit ' + ORIGIN + '/vacatures/widget/.');
        else if (value) o[name] = value;
      }
      return {o, problems};
    }

    root() {
      if (!this.shadow) {
        this.shadow = this.attachShadow({mode: 'open'});
        if (sheet) this.shadow.adoptedStyleSheets = [sheet];
        else this.shadow.appendChild(el('style', null, CSS));
      }
      return this.shadow;
    }

    box(o) {
      const t = C.t[o.lang];
      const box = el('div', 'w');
      box.setAttribute('part', 'box');
      box.lang = o.lang;
      box.dir = t.dir;
      const root = this.root();
      root.replaceChildren(box);
      return box;
    }

    async load() {
      const run = (this.run = (this.run || 0) + 1);
      const {o, problems} = this.options();
      const t = C.t[o.lang];
      if (problems.length) return this.fallback(o, problems);
      this.box(o).appendChild(el('p', 'e', t.loading));
      let feeds;
      try {
        const wanted = ['organisatie', 'sector', 'kern'].filter((k) => o[k]);
        feeds = await Promise.all((wanted.length ? wanted : ['alle']).map((kind) =>
          getFeed(o.lang, kind, o[kind]).catch((e) => {
            if (e.status === 404) throw new Error(kind + '="' + o[kind] + '" bestaat niet. Kijk op ' + ORIGIN + '/vacatures/widget/ welke codes er zijn.');
            throw new Error('de vacatures konden niet worden geladen van ' + ORIGIN + ' (' + e.message + ').');
          })));
      } catch (e) {
        if (run === this.run) this.fallback(o, [e.message]);
        return;
      }
      if (run !== this.run) return;
      let hits = null;
      if (C.ms) {
        try { hits = await searchMeili(o, feeds); } catch { hits = null; }
        if (run !== this.run) return;
      }
      try {
        const now = today();
        let list = hits && hits.length ? hits : feeds[0].vacancies.filter((v) => feeds.every((f) => f.vacancies.some((w) => w.id === v.id)));
        list = list.filter((v) => v.valid_through >= now).slice(0, o.max);
        this.show(o, feeds, list);
      } catch (e) {
        this.fallback(o, ['de feed van ' + ORIGIN + ' heeft een onbekende vorm (' + e.message + ').']);
      }
    }

    show(o, feeds, list) {
      const t = C.t[o.lang];
      const box = this.box(o);
      const org = feeds.find((f) => f.selection.kind === 'organisatie');
      const labels = feeds.filter((f) => f.selection.kind !== 'alle' && f !== org).map((f) => f.selection.label);
      let title = org ? fmt(t.headingOf, org.selection.label) : t.heading;
      if (labels.length) title += ': ' + labels.join(', ');
      box.appendChild(el('h' + o.kop, 'h', title));
      if (list.length) {
        const ul = el('ul', 'l');
        for (const v of list) {
          const li = el('li', 'i');
          const a = el('a', 't', isolate(v.title, t.dir));
          a.href = here(v.path);
          const meta = [v.organisation && v.organisation.name, v.place && v.place.label, v.remote ? t.remote : '',
            v.commitment && v.commitment.label].filter(Boolean).join(' · ');
          const summary = el('p', 's', isolate(v.summary, t.dir));
          if (v.language && v.language !== o.lang) {
            // Not translated: the vacancy's own language, and its own direction.
            for (const node of [a, summary]) { node.lang = v.language; node.dir = 'auto'; }
          }
          li.append(a, summary, el('p', 'm', isolate(meta, t.dir)));
          ul.appendChild(li);
        }
        box.appendChild(ul);
      } else {
        box.appendChild(el('p', 'e', t.none));
      }
      const all = el('a', null, t.all);
      all.href = here((org || feeds[0]).listing_path);
      box.appendChild(el('p', 'a')).appendChild(all);
    }

    fallback(o, problems) {
      for (const problem of problems) console.error(PREFIX + problem);
      const t = C.t[o.lang];
      const box = this.box(o);
      box.appendChild(el('p', 'e', t.failed));
      const a = el('a', null, fmt(t.fallback, t.site));
      a.href = here((o.lang === C.def ? '' : '/' + o.lang) + '/vacatures/');
      box.appendChild(el('p', 'a')).appendChild(a);
    }
  }

  customElements.define(NAME, Vacatures);
})();
