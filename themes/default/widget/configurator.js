/* Widget configurator: shows the form, a live preview and fills in the snippet.
   Without JavaScript the page offers a list of ready-made snippet pages instead. */
(function () {
  'use strict';
  var form = document.getElementById('hw-vconf');
  if (!form || !window.customElements) return;
  var preview = document.getElementById('hw-vconf-preview');
  var code = document.getElementById('hw-vconf-code');
  var copy = document.getElementById('hw-vconf-copy');
  var status = document.getElementById('hw-vconf-status');
  var widget = document.createElement('hulpwijzer-vacatures');
  var CHOICES = ['organisatie', 'sector', 'kern'];
  form.hidden = false;
  preview.appendChild(widget);

  function escape(text) {
    return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function update() {
    var attrs = [];
    CHOICES.forEach(function (name) {
      var value = form.elements[name].value;
      if (value) attrs.push([name, value]);
      else widget.removeAttribute(name);
    });
    var max = parseInt(form.elements.max.value, 10);
    if (!(max >= 1 && max <= 50)) max = 5;
    attrs.push(['max', max], ['lang', form.elements.lang.value], ['kop', form.elements.kop.value]);
    attrs.forEach(function (pair) { widget.setAttribute(pair[0], pair[1]); });
    var lang = form.elements.lang.value;
    var listing = form.dataset.base + (lang === form.elements.lang.options[0].value ? '' : '/' + lang) + '/vacatures/';
    code.value = '<script src="' + form.dataset.script + '" defer></' + 'script>\n' +
      '<hulpwijzer-vacatures' + attrs.map(function (pair) { return ' ' + pair[0] + '="' + escape(pair[1]) + '"'; }).join('') + '>\n' +
      '  <a href="' + listing + '">' + escape(form.dataset.fallback) + '</a>\n</hulpwijzer-vacatures>';
    status.textContent = '';
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  copy.addEventListener('click', function () {
    function failed() {
      code.focus();
      code.select();
      status.textContent = copy.dataset.failed;
    }
    if (!navigator.clipboard) return failed();
    navigator.clipboard.writeText(code.value).then(function () { status.textContent = copy.dataset.done; }, failed);
  });
  update();
})();
