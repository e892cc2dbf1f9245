/* The leaflet's "Folder printen" button: only shown when there is a script to run it. Without
   JavaScript the page says to use the browser's print button, which prints the same. */
(function () {
  'use strict';
  var button = document.querySelector('[data-hw-print]');
  if (!button || !window.print) return;
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
