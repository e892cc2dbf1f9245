/* Vacancy listing: filter in place, several filters at once, without reloading.
   Without JavaScript every filter is a link to a static page, so nothing is lost. */
(function () {
  'use strict';
  var box = document.querySelector('.hw-vlist');
  if (!box || !window.fetch) return;
  var nav = box.querySelector('.hw-vfilters');
  var results = box.querySelector('.hw-vlist__results');
  var total = box.querySelector('.hw-vlist__total');
  var pagination = box.querySelector('.hw-pagination');
  var groups = nav.querySelectorAll('[data-facet]');
  var READ = {
    'sector': function (v) { return v.sectors.map(slug); },
    'kern': function (v) { return (v.place ? [v.place.slug] : []).concat(v.remote ? ['vanuit-huis'] : []); },
    'duur': function (v) { return [v.commitment.slug]; },
    'wanneer': function (v) { return v.times.map(slug); },
    'geschikt-voor': function (v) { return v.suitable_for.map(slug); },
    'wat-je-krijgt': function (v) { return v.benefits.map(slug); }
  };
  function slug(term) { return term.slug; }
  // '3 vacatures' in the page's language, with the plural forms that language has (Arabic has six).
  var forms = JSON.parse(total.dataset.forms);
  var plural = new Intl.PluralRules(document.documentElement.lang);
  function count(n) { return (forms[plural.select(n)] || forms.other).replace('{n}', n); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  fetch(box.dataset.feed, {credentials: 'same-origin'}).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(start, function () { /* keep the static filter links */ });

  function start(feed) {
    var form = el('form', 'hw-vfilters__form');
    form.setAttribute('aria-labelledby', 'hw-vfilters-title');
    var params = new URLSearchParams(location.search);
    var current = nav.querySelector('[aria-current="page"]');
    Array.prototype.forEach.call(groups, function (group) {
      var facet = group.dataset.facet;
      var id = 'hw-vf-' + facet;
      var field = el('p', 'hw-vfilters__field');
      var label = el('label', null, group.querySelector('summary').textContent);
      label.htmlFor = id;
      var select = el('select');
      select.id = id;
      select.name = facet;
      // The first choice says in words that every value is fine (a dash says nothing to a screen reader).
      select.appendChild(el('option', null, box.dataset.any)).value = '';
      Array.prototype.forEach.call(group.querySelectorAll('[data-term]'), function (item) {
        var option = select.appendChild(el('option', null, item.dataset.label));
        option.value = item.dataset.term;
        if (params.get(facet) === item.dataset.term || (current && item.contains(current))) option.selected = true;
      });
      field.append(label, select);
      form.appendChild(field);
    });
    var heading = nav.querySelector('h2');
    nav.replaceChildren(heading, form);
    form.addEventListener('change', function () { apply(feed, form, true); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    if (params.toString() || current) apply(feed, form, false);
  }

  function apply(feed, form, remember) {
    var chosen = {};
    var query = new URLSearchParams();
    Object.keys(READ).forEach(function (facet) {
      var value = form.elements[facet] && form.elements[facet].value;
      if (value) { chosen[facet] = value; query.set(facet, value); }
    });
    var list = feed.vacancies.filter(function (v) {
      return Object.keys(chosen).every(function (facet) { return READ[facet](v).indexOf(chosen[facet]) >= 0; });
    });
    var ul = el('ul', 'hw-cards');
    list.forEach(function (v) {
      var li = el('li', 'hw-card hw-vcard');
      var h3 = li.appendChild(el('h3', 'hw-card__title'));
      var a = h3.appendChild(el('a', null, v.title));
      a.href = v.path;
      var summary = li.appendChild(el('p', 'hw-card__summary', v.summary));
      if (v.language !== feed.language) {
        [a, summary].forEach(function (node) { node.lang = v.language; node.dir = 'auto'; });
      }
      var meta = [v.organisation.name, v.place && v.place.label, v.remote ? results.dataset.remote : '', v.commitment.label];
      li.appendChild(el('p', 'hw-card__meta', meta.filter(Boolean).join(' · ')));
      ul.appendChild(li);
    });
    results.replaceChildren();
    if (list.length) results.appendChild(ul);
    total.textContent = list.length ? count(list.length) : total.dataset.zero;
    if (pagination) pagination.hidden = true;
    if (remember) {
      var search = query.toString();
      history.replaceState(null, '', box.dataset.listing + (search ? '?' + search : ''));
    }
  }
})();
