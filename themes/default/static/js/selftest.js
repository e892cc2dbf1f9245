/*
 * The self-test "Hoe gaat het met u?" (detail/selftest.html): adds up the points in the browser,
 * shows the level the content gives for that score and lists the local offer that fits the
 * situation the resident chose. The data (levels, the mapping from a choice to needs and target
 * groups, the current items) is embedded in the page by the build (sitegen/parts/selftest.py),
 * so nothing is requested after the page has loaded and no answer leaves the device. Nothing is
 * stored: no cookies, no localStorage. Without JavaScript the page shows a scoring key instead.
 */
(function () {
  "use strict";
  var MAX_OFFERS = 8;

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return String(values[name]); });
  }

  function overlaps(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (b.indexOf(a[i]) !== -1) { return true; }
    }
    return false;
  }

  function unique(list) {
    return list.filter(function (value, index) { return list.indexOf(value) === index; });
  }

  // The rule of docs/selftest.md: a need in common; a target group the resident chose, one for
  // everyone, or none; and the chosen kern, or no kern at all (the whole municipality).
  function match(data, level, choices, kern) {
    var needs = level.needs.slice(), audiences = [];
    choices.forEach(function (option) {
      needs = needs.concat(option.needs);
      audiences = audiences.concat(option.audiences);
    });
    needs = unique(needs);
    audiences = unique(audiences);
    var open = audiences.concat(data.general);
    var found = [];
    data.items.forEach(function (item) {
      var shared = item.needs.filter(function (need) { return needs.indexOf(need) !== -1; }).length;
      if (!shared) { return; }
      if (audiences.length && item.audiences.length && !overlaps(item.audiences, open)) { return; }
      if (kern && item.places.length && item.places.indexOf(kern) === -1) { return; }
      var score = shared + (overlaps(item.audiences, audiences) ? 2 : 0) + (kern && item.places.indexOf(kern) !== -1 ? 1 : 0);
      found.push({ item: item, score: score });
    });
    var lang = document.documentElement.lang;
    found.sort(function (a, b) { return b.score - a.score || a.item.title.localeCompare(b.item.title, lang); });
    return found.slice(0, MAX_OFFERS).map(function (entry) { return entry.item; });
  }

  function offerList(items, texts) {
    var list = document.createElement("ul");
    list.className = "hw-selftest__offers";
    items.forEach(function (item) {
      var entry = document.createElement("li");
      entry.className = "hw-selftest__offer";
      var title = document.createElement("a");
      title.href = item.url;
      title.textContent = item.title;
      title.className = "hw-selftest__offer-title";
      var kind = document.createElement("span");
      kind.className = "hw-selftest__offer-type";
      kind.textContent = item.type;
      var summary = document.createElement("p");
      summary.textContent = item.summary;
      if (item.lang) { // not translated yet: its own language and direction
        [title, summary].forEach(function (element) {
          element.lang = item.lang;
          element.dir = item.dir;
        });
        title.hreflang = item.lang;
      }
      entry.append(title, " ", kind, summary);
      if (item.phone) {
        var call = document.createElement("p");
        var link = document.createElement("a");
        link.href = "tel:" + item.phone.replace(/[^\d+]/g, "");
        link.dir = "ltr";
        link.textContent = item.phone;
        call.append(texts.call + " ", link);
        entry.append(call);
      }
      list.append(entry);
    });
    return list;
  }

  function setUp(form) {
    var data = JSON.parse(document.getElementById("hw-selftest-data").textContent);
    var texts = JSON.parse(form.getAttribute("data-texts"));
    var result = document.querySelector("[data-hw-result]");
    var error = form.querySelector("[data-hw-error]");
    var statements = form.querySelectorAll(".hw-selftest__list > li > fieldset");
    form.querySelectorAll("[data-hw-js-only]").forEach(function (element) { element.hidden = false; });

    var submit = document.createElement("button");
    submit.type = "submit";
    submit.className = "hw-button";
    submit.textContent = texts.submit;
    form.querySelector("[data-hw-actions]").append(submit);

    var print = document.createElement("button");
    print.type = "button";
    print.className = "hw-button";
    print.textContent = texts.print;
    print.addEventListener("click", function () { window.print(); });
    result.querySelector("[data-hw-print]").append(print);

    form.addEventListener("submit", function (event) {
      event.preventDefault(); // nothing is sent anywhere
      var score = 0, missing = [];
      statements.forEach(function (fieldset) {
        var chosen = fieldset.querySelector("input:checked");
        if (chosen) { score += Number(chosen.value); } else { missing.push(fieldset); }
      });
      error.replaceChildren();
      if (missing.length) {
        var message = document.createElement("p");
        message.textContent = format(texts.missing, { num: missing.length }) + " ";
        var jump = document.createElement("a");
        jump.href = "#" + missing[0].id;
        jump.textContent = texts.first_missing;
        message.append(jump);
        error.append(message);
        result.hidden = true;
        return;
      }
      var level = data.levels.filter(function (lv) { return lv.min <= score && score <= lv.max; })[0];
      var choices = [];
      data.questions.forEach(function (options, index) {
        var chosen = form.querySelector('input[name="situatie-' + (index + 1) + '"]:checked');
        if (chosen) { choices.push(options[Number(chosen.value)]); }
      });
      var kernField = form.querySelector('select[name="kern"]');
      var kern = kernField ? kernField.value : "";

      result.querySelector("[data-hw-score]").textContent = format(texts.score, { score: score, max: data.max });
      result.querySelectorAll("[data-hw-level]").forEach(function (block) {
        block.hidden = block.getAttribute("data-hw-level") !== level.slug;
      });
      var loket = result.querySelector("[data-hw-loket]");
      var offers = result.querySelector("[data-hw-offers]");
      // High load: the loket's phone number comes first, before anything to read.
      if (level.loket_first) {
        result.querySelector("[data-hw-level='" + level.slug + "']").after(loket);
      } else {
        offers.after(loket);
      }
      var fitting = match(data, level, choices, kern);
      var heading = document.createElement("h3");
      heading.textContent = texts.offers;
      var body;
      if (fitting.length) {
        body = offerList(fitting, texts);
      } else {
        body = document.createElement("p");
        body.textContent = texts.none;
      }
      offers.replaceChildren(heading, body);
      result.setAttribute("data-hw-level-shown", level.slug);
      result.hidden = false;
      result.focus();
    });
  }

  var form = document.querySelector("form[data-hw-selftest]");
  if (form && document.getElementById("hw-selftest-data")) {
    setUp(form);
  }
})();
