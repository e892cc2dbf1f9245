/* Listing filters that combine (several forms, a cost and an age at once) on a listing whose
   items are all on one page. Without JavaScript each term is a link to its own static page,
   so nothing is lost; this only turns those links into checkboxes.
   Within one facet the choices are "or" (logeeropvang or dagopvang), between facets "and".
   The terms of each card come from the build (the same matching as the static pages), in a
   JSON block in the page, so the counts here and on the static pages agree. */
(function () {
  'use strict';
  var box = document.querySelector('.hw-listing[data-hw-filterable]');
  if (!box) return;
  var nav = box.querySelector('.hw-filters');
  var data = box.querySelector('.hw-listing__terms');
  var list = box.querySelector('.hw-cards');
  if (!nav || !data || !list) return;
  var terms = JSON.parse(data.textContent);
  var cards = Array.prototype.filter.call(list.children, function (child) { return child.tagName === 'LI'; });
  if (cards.length !== terms.length) return;  // not the list the build described: keep the links
  // Cards js/expiry.js has hidden (a date passed since the build) stay hidden and are not counted.
  terms = terms.filter(function (_t, i) { return !cards[i].hidden; });
  cards = cards.filter(function (card) { return !card.hidden; });
  var total = box.querySelector('.hw-listing__total');
  var status = box.querySelector('.hw-listing__status');
  var forms = JSON.parse(box.dataset.forms);
  var plural = new Intl.PluralRules(document.documentElement.lang);
  function count(n) { return (forms[plural.select(n)] || forms.other).replace('{n}', n); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  var facets = [];  // [{segment, boxes: [{term, input, count}]}]
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
      row.append(input, label);
      fieldset.appendChild(row);
      facet.boxes.push({term: item.dataset.term, input: input, count: number});
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

  function chosenOf(facet) {
    return facet.boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.term; });
  }
  // Does card i pass every facet's choice, leaving out one facet (to count that facet's terms)?
  function passes(i, choice, except) {
    return facets.every(function (facet) {
      var wanted = choice[facet.segment];
      if (facet === except || !wanted.length) return true;
      var own = terms[i][facet.segment] || [];
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
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = passes(i, choice, null);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    // A term's count: the items it would show together with the choices in the other facets.
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (b) {
        var n = 0;
        cards.forEach(function (card, i) {
          if (passes(i, choice, facet) && (terms[i][facet.segment] || []).indexOf(b.term) >= 0) n += 1;
        });
        b.count.textContent = '(' + n + ')';
        b.input.closest('.hw-lfilter__option').classList.toggle('hw-lfilter__option--none', n === 0 && !b.input.checked);
      });
    });
    total.textContent = count(shown);
    empty.hidden = shown > 0;
    if (announce) status.textContent = count(shown);
    var search = query.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
  }

  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  reset.addEventListener('click', function () {
    facets.forEach(function (facet) { facet.boxes.forEach(function (b) { b.input.checked = false; }); });
    apply(true);
  });
  apply(false);
})();
