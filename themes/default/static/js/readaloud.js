/*
 * Read-aloud with the browser's own speech synthesis (Web Speech API), not a third-party service:
 * nothing is requested and nothing leaves the device. The controls (partials/readaloud.html) stay
 * hidden unless the browser has a voice for the page's language.
 *
 * Reading wraps the sentences of the main text in spans, speaks one sentence per utterance and
 * marks the one being read; stopping or reaching the end puts back the original text nodes.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-hw-readaloud]");
  var synth = window.speechSynthesis;
  if (!box || !synth || typeof window.SpeechSynthesisUtterance === "undefined") {
    return;
  }
  var root = box.closest("article") || document.querySelector("main");
  var lang = (document.documentElement.lang || "nl").toLowerCase();
  var start = box.querySelector("[data-hw-read-start]");
  var pause = box.querySelector("[data-hw-read-pause]");
  var stop = box.querySelector("[data-hw-read-stop]");
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, summary, blockquote, td, th";
  var CURRENT = "hw-readaloud__sentence--current";
  var state = null; // {sentences: [[span…]], texts: [], saved: [[element, clone]], index, run}
  var runs = 0;

  function voice() {
    var base = lang.split("-")[0];
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (String(voices[i].lang).toLowerCase().replace("_", "-").split("-")[0] === base) {
        return voices[i];
      }
    }
    return null;
  }

  function offer() {
    box.hidden = !voice() && !state;
  }

  function blocks() {
    // The innermost text blocks of the main text that a reader can see, without these controls.
    return Array.prototype.filter.call(root.querySelectorAll(BLOCKS), function (element) {
      return !box.contains(element) && !element.querySelector(BLOCKS) && element.textContent.trim() &&
        !element.closest("[hidden], script, template, form, [data-hw-result][hidden]") &&
        (!element.checkVisibility || element.checkVisibility());
    });
  }

  function sentencesOf(text) {
    var found = [];
    if (window.Intl && Intl.Segmenter) {
      var segments = new Intl.Segmenter(lang, { granularity: "sentence" }).segment(text);
      for (var segment of segments) {
        found.push([segment.index, segment.index + segment.segment.length]);
      }
      return found;
    }
    var pattern = /[^.!?؟]+(?:[.!?؟]+|$)\s*/g, match;
    while ((match = pattern.exec(text))) {
      found.push([match.index, match.index + match[0].length]);
    }
    return found;
  }

  function wrap(element, sentences, texts) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [], node;
    while ((node = walker.nextNode())) {
      nodes.push(node);
    }
    var full = nodes.map(function (n) { return n.data; }).join("");
    var offset = 0, first = sentences.length;
    var ranges = sentencesOf(full).filter(function (range) { return full.slice(range[0], range[1]).trim(); });
    ranges.forEach(function (range) {
      sentences.push([]);
      texts.push(full.slice(range[0], range[1]).trim());
    });
    nodes.forEach(function (textNode) {
      var begin = offset, end = offset + textNode.data.length;
      offset = end;
      ranges.forEach(function (range, number) {
        var from = Math.max(range[0], begin), to = Math.min(range[1], end);
        if (from >= to || !full.slice(from, to).trim()) {
          return;
        }
        var span = document.createElement("span");
        span.className = "hw-readaloud__sentence";
        span.setAttribute("data-hw-sentence", String(first + number));
        span.textContent = full.slice(from, to);
        sentences[first + number].push([textNode, from - begin, span]);
      });
    });
    // Replace each text node by its pieces, last piece first so offsets stay right.
    nodes.forEach(function (textNode) {
      var pieces = [];
      sentences.slice(first).forEach(function (parts) {
        parts.forEach(function (part) {
          if (part[0] === textNode) { pieces.push(part); }
        });
      });
      pieces.sort(function (a, b) { return b[1] - a[1]; });
      pieces.forEach(function (part) {
        var rest = textNode.splitText(part[1]);
        rest.splitText(part[2].textContent.length);
        rest.replaceWith(part[2]);
      });
    });
    for (var i = first; i < sentences.length; i++) {
      sentences[i] = sentences[i].map(function (part) { return part[2]; });
    }
  }

  function highlight(index) {
    root.querySelectorAll("." + CURRENT).forEach(function (span) { span.classList.remove(CURRENT); });
    var spans = state.sentences[index] || [];
    spans.forEach(function (span) { span.classList.add(CURRENT); });
    if (spans[0] && spans[0].scrollIntoView) {
      spans[0].scrollIntoView({ block: "nearest" });
    }
  }

  function speak(index) {
    if (!state) {
      return;
    }
    if (index >= state.texts.length) {
      finish(false);
      return;
    }
    state.index = index;
    highlight(index);
    var run = state.run;
    var utterance = new SpeechSynthesisUtterance(state.texts[index]);
    utterance.lang = document.documentElement.lang;
    utterance.voice = voice();
    utterance.onend = function () {
      if (state && state.run === run && state.index === index) {
        speak(index + 1);
      }
    };
    utterance.onerror = utterance.onend;
    synth.speak(utterance);
  }

  function begin() {
    var sentences = [], texts = [], saved = [];
    blocks().forEach(function (element) {
      saved.push([element, element.cloneNode(true)]);
      wrap(element, sentences, texts);
    });
    runs += 1;
    state = { sentences: sentences, texts: texts, saved: saved, index: 0, run: runs };
    start.hidden = true;
    pause.hidden = false;
    stop.hidden = false;
    pause.textContent = box.getAttribute("data-pause");
    pause.removeAttribute("data-hw-paused");
    pause.focus();
    synth.cancel();
    speak(0);
  }

  function finish(cancel) {
    if (!state) {
      return;
    }
    var saved = state.saved;
    state = null; // first, so the "end" that cancel() fires starts nothing
    if (cancel) {
      synth.cancel();
    }
    saved.forEach(function (entry) {
      entry[0].replaceChildren.apply(entry[0], Array.prototype.slice.call(entry[1].childNodes));
    });
    var hadFocus = box.contains(document.activeElement);
    start.hidden = false;
    pause.hidden = true;
    stop.hidden = true;
    if (hadFocus) {
      start.focus();
    }
    offer();
  }

  start.addEventListener("click", begin);
  stop.addEventListener("click", function () { finish(true); });
  pause.addEventListener("click", function () {
    // The button says what it will do ("Pauzeer" or "Ga verder"), so it needs no pressed state.
    var paused = pause.hasAttribute("data-hw-paused");
    if (paused) {
      synth.resume();
    } else {
      synth.pause();
    }
    pause.toggleAttribute("data-hw-paused", !paused);
    pause.textContent = box.getAttribute(paused ? "data-pause" : "data-resume");
  });
  window.addEventListener("pagehide", function () { finish(true); });
  offer();
  // Voices load after the page in Chromium.
  if (synth.addEventListener) {
    synth.addEventListener("voiceschanged", offer);
  }
})();
