// Phone numbers, postcodes, dates, time ranges and web and e-mail addresses read left to right
// inside right-to-left text: each run is wrapped in Unicode isolates (U+2066 … U+2069), as the
// build does for pages (sitegen/bidi.py) and the widget does for its boxes (widget/vacatures.js).
const RUN =
  /(^|[^\w&#])((?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[1-9][0-9]{3}[ \u00a0]?[A-Z]{2}(?!\w)|\+?(?:\(\d+\)\s?)?\d+(?:(?:[ \u00a0./:]|\s?[-\u2010\u2011\u2013]\s?)(?:\(\d+\)\s?)?\d+)*(?!\w))/g;
const IN_ORDER = /^\d+(?:[./:]\d+)*$/; // 9.00, 14:30: in order by themselves

/** ``text`` with its left-to-right runs isolated (for right-to-left pages only). */
export function isolate(text) {
  return String(text).replace(RUN, (all, before, run) => before + (IN_ORDER.test(run) ? run : "\u2066" + run + "\u2069"));
}
