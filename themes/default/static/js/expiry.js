/*
 * Hide items whose date passed after the last build (progressive enhancement).
 * The site is rebuilt daily; this only covers the hours in between. Without
 * JavaScript everything is still shown, with its date, so nothing breaks.
 *   data-hw-valid-through="2026-12-01"   hidden from 2 December (local date)
 *   data-hw-ends="2026-12-01T16:00:00+01:00"   hidden after that moment
 *   data-hw-next-dates   a card's next dates: only the first that has not ended is shown
 */
(function () {
  "use strict";
  var now = new Date();
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");

  function expired(element) {
    var through = element.getAttribute("data-hw-valid-through");
    if (through) {
      return through < today;
    }
    var ends = Date.parse(element.getAttribute("data-hw-ends") || "");
    return !isNaN(ends) && ends < now.getTime();
  }

  function run() {
    var elements = document.querySelectorAll("[data-hw-valid-through], [data-hw-ends]");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      if (!expired(element)) {
        continue;
      }
      if (element.tagName === "ARTICLE") {
        // A detail page stays readable; it only says that it is out of date.
        var notice = element.querySelector("[data-hw-expired-notice]");
        if (notice) {
          notice.hidden = false;
        }
      } else {
        element.hidden = true;
      }
    }
    showNextDates(document);
  }

  // In every list of next dates under root, only the first date that has not ended is shown.
  function showNextDates(root) {
    var lists = root.querySelectorAll("[data-hw-next-dates]");
    for (var j = 0; j < lists.length; j++) {
      var shown = false;
      var dates = lists[j].querySelectorAll("[data-hw-ends]");
      for (var k = 0; k < dates.length; k++) {
        var show = !shown && !expired(dates[k]);
        dates[k].hidden = !show;
        shown = shown || show;
      }
    }
  }

  // For scripts that add cards after this ran (js/listing-filter.js): the same rule, one place.
  window.hwExpiry = { expired: expired, showNextDates: showNextDates };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
