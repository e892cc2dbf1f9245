/* Hulpwijzer vacancy iframe page: ?max=N shows only the first N vacancies.
   Without this script the page shows them all, which is fine too. */
(function () {
  'use strict';
  var max = parseInt(new URLSearchParams(location.search).get('max'), 10);
  if (!(max > 0)) return;
  var items = document.querySelectorAll('.hw-frame__item');
  for (var i = max; i < items.length; i++) items[i].hidden = true;
})();
