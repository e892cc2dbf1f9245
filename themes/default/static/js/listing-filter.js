/* Listing filters that combine (several forms, a cost and an age at once). Without JavaScript each
   term is a link to its own static page, so nothing is lost; this only turns those links into
   checkboxes. Within one facet the choices are "or" (logeeropvang or dagopvang), between facets "and".
   The terms of each item come from the build (the same matching as the static pages), so the
   counts here and on the static pages agree:
   - a listing whose items fit on one page has them in a JSON block in the page;
   - a longer listing names its items file (data-items, same origin): every item's terms and its
     card as the build rendered it. It is fetched only when the person first changes a filter (or
     opens an address with a choice), and the filtered list is shown a page at a time. */
(function () {
  'use strict';
  var box = document.querySelector('.hw-listing[data-hw-filterable]');
  if (!box) return;
  var nav = box.querySelector('.hw-filters');
  var list = box.querySelector('.hw-cards');
  if (!nav || !list) return;
  var PAGE_SIZE = 20;  // as the build's listings (ContentType.page_size)
  // Cards js/expiry.js hid, or would hide (a date passed since the build; its rule, for the cards
  // fetched after it ran), stay hidden and are not counted.
  var expired = window.hwExpiry.expired;
  var nextDates = window.hwExpiry.showNextDates;
  var itemsUrl = box.dataset.items || null;
  var items = null;  // [{terms, card}] once known; null while a long listing's file is not loaded
  if (!itemsUrl) {
    var data = box.querySelector('.hw-listing__terms');
    if (!data) return;
    var terms = JSON.parse(data.textContent);
    var cards = Array.prototype.filter.call(list.children, function (child) { return child.tagName === 'LI'; });
    if (cards.length !== terms.length) return;  // not the list the build described: keep the links
    items = withoutExpired(terms.map(function (t, i) { return {terms: t, card: cards[i]}; }));
  }
  var total = box.querySelector('.hw-listing__total');
  var status = box.querySelector('.hw-listing__status');
  var staticPager = box.querySelector('.hw-pagination');
  var forms = JSON.parse(box.dataset.forms);
  var plural = new Intl.PluralRules(document.documentElement.lang);
  function count(n) { return (forms[plural.select(n)] || forms.other).replace('{n}', n); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function withoutExpired(all) {
    return all.filter(function (item) { return !item.card.hidden && !expired(item.card); });
  }

  var links = Array.prototype.slice.call(nav.childNodes);  // put back if the items file fails
  var facets = [];  // [{segment, boxes: [{term, input, count, initial}]}]
  var form = el('form', 'hw-lfilter');
  form.setAttribute('aria-labelledby', 'filters-titel');
  form.appendChild(el('p', 'hw-lfilter__hint', box.dataset.hint));
  var params = new URLSearchParams(location.search);
  Array.prototype.forEach.call(nav.querySelectorAll('[data-facet]'), function (group) {
    var segment = group.dataset.facet;
    var fieldset = el('fieldset', 'hw-lfilter__group');
    fieldset.appendChild(el('legend', 'hw-lfilter__legend', group.querySelector('summary').textContent));
    var chosen = params.getAll(segment);
    var facet = {segment: segment, boxes: []};
    Array.prototype.forEach.call(group.querySelectorAll('[data-term]'), function (item) {
      var id = 'hw-lf-' + segment + '-' + item.dataset.term;
      var row = el('p', 'hw-lfilter__option');
      var input = el('input');
      input.type = 'checkbox';
      input.id = id;
      input.name = segment;
      input.value = item.dataset.term;
      input.checked = chosen.indexOf(item.dataset.term) >= 0;
      var label = el('label', null, item.dataset.label + ' ');
      label.htmlFor = id;
      var number = label.appendChild(el('span', 'hw-filters__count'));
      var initial = item.querySelector('.hw-filters__count');
      row.append(input, label);
      fieldset.appendChild(row);
      facet.boxes.push({term: item.dataset.term, input: input, count: number, initial: initial ? initial.textContent : ''});
    });
    facets.push(facet);
    form.appendChild(fieldset);
  });
  var reset = el('button', 'hw-lfilter__reset', box.dataset.reset);
  reset.type = 'button';
  form.appendChild(reset);
  nav.replaceChildren(nav.querySelector('h2'), form);
  var empty = el('p', 'hw-listing__empty', box.dataset.none);
  empty.hidden = true;
  list.after(empty);

  // The pager of a filtered long listing: buttons, since the pages are not addresses of their own.
  var pager = null;
  var page = Math.max(1, parseInt(params.get('pagina'), 10) || 1);
  if (itemsUrl) {
    pager = el('nav', 'hw-pagination hw-lfilter__pager');
    pager.setAttribute('aria-label', box.dataset.paging);
    pager.hidden = true;
    var previous = el('button', 'hw-pagination__link', box.dataset.previous);
    var pageOf = el('span', 'hw-pagination__status');
    var next = el('button', 'hw-pagination__link', box.dataset.next);
    previous.type = next.type = 'button';
    pager.append(previous, pageOf, next);
    empty.after(pager);
    previous.addEventListener('click', function () { turn(-1); });
    next.addEventListener('click', function () { turn(1); });
  }
  function turn(step) {
    page += step;
    apply(false);
    total.focus();  // the new page starts at its heading, as a new page would (the button may be gone)
    status.textContent = pager.querySelector('.hw-pagination__status').textContent;
  }

  function chosenOf(facet) {
    return facet.boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.term; });
  }
  // Does an item pass every facet's choice, leaving out one facet (to count that facet's terms)?
  function passes(item, choice, except) {
    return facets.every(function (facet) {
      var wanted = choice[facet.segment];
      if (facet === except || !wanted.length) return true;
      var own = item.terms[facet.segment] || [];
      return wanted.some(function (term) { return own.indexOf(term) >= 0; });
    });
  }

  function apply(announce) {
    var choice = {};
    var query = new URLSearchParams();
    facets.forEach(function (facet) {
      choice[facet.segment] = chosenOf(facet);
      choice[facet.segment].forEach(function (term) { query.append(facet.segment, term); });
    });
    var shown = items.filter(function (item) { return passes(item, choice, null); });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);
    if (itemsUrl) {
      list.replaceChildren.apply(list, shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(function (item) { return item.card; }));
      if (staticPager) staticPager.hidden = true;
      pager.hidden = pages < 2;
      pager.querySelector('.hw-pagination__status').textContent = box.dataset.pageOf.replace('{number}', page).replace('{count}', pages);
      pager.firstChild.hidden = page === 1;  // as the static pager: no "previous" on the first page
      pager.lastChild.hidden = page === pages;
      if (page > 1) query.append('pagina', page);
    } else {
      items.forEach(function (item) { item.card.hidden = shown.indexOf(item) < 0; });
    }
    // A term's count: the items it would show together with the choices in the other facets.
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (b) {
        var n = items.filter(function (item) {
          return passes(item, choice, facet) && (item.terms[facet.segment] || []).indexOf(b.term) >= 0;
        }).length;
        b.count.textContent = '(' + n + ')';
        b.input.closest('.hw-lfilter__option').classList.toggle('hw-lfilter__option--none', n === 0 && !b.input.checked);
      });
    });
    total.textContent = count(shown.length);
    empty.hidden = shown.length > 0;
    if (announce) status.textContent = count(shown.length);
    var search = query.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
  }

  // A long listing's items, fetched once from the same site; its cards are the build's own markup.
  var loading = null;
  function load() {
    if (items) return Promise.resolve();
    if (!loading) {
      loading = fetch(itemsUrl, {credentials: 'same-origin'}).then(function (response) {
        if (!response.ok) throw new Error(itemsUrl + ': ' + response.status);
        return response.json();
      }).then(function (found) {
        items = withoutExpired(found.map(function (item) {
          var holder = document.createElement('template');
          holder.innerHTML = item.card.trim();
          var card = holder.content.firstElementChild;
          nextDates(card);
          return {terms: item.terms, card: card};
        }));
      });
    }
    return loading;
  }
  function changed(announce) {
    load().then(function () { apply(announce); }, function () {
      // Without the items file the static links still work: show them again.
      nav.replaceChildren.apply(nav, links);
      empty.remove();
      if (pager) pager.remove();
      status.textContent = box.dataset.failed;
    });
  }

  form.addEventListener('change', function () { page = 1; changed(true); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  reset.addEventListener('click', function () {
    facets.forEach(function (facet) { facet.boxes.forEach(function (b) { b.input.checked = false; }); });
    page = 1;
    changed(true);
  });
  if (items || params.toString() && facets.some(function (facet) { return chosenOf(facet).length; })) {
    changed(false);
  } else {
    // A long listing before any choice: the page as built, with the static pages' counts.
    facets.forEach(function (facet) { facet.boxes.forEach(function (b) { b.count.textContent = b.initial; }); });
  }
})();
