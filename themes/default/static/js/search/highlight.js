// Text with marked words as segments [{text, marked}], which ui.js turns into text nodes and
// <mark> elements: no HTML string is ever parsed, so a title or an excerpt cannot inject markup.

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** Mark the words that start with a search word's stem (the word less up to two letters: zorg~zorgen). */
export function highlight(text, words) {
  text = String(text == null ? "" : text);
  const stems = words.filter((w) => w.length >= 3).map((w) => w.slice(0, Math.max(3, w.length - 2)).replace(REGEX_SPECIAL, "\\$&"));
  if (!stems.length) return text ? [{ text, marked: false }] : [];
  const pattern = new RegExp("(^|[^\\p{L}])((?:" + stems.join("|") + ")\\p{L}*)", "giu");
  const segments = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[1].length;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: match[2], marked: true });
    at = start + match[2].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

// Pagefind's excerpts are HTML: escaped text with <mark> around matches. Only those two things
// are read back; any other tag is dropped and an unknown entity stays as typed.
function decode(html) {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** A Pagefind excerpt ("a <mark>b</mark> c") as segments. */
export function excerptSegments(html) {
  return html.split(/(<mark>.*?<\/mark>)/s).filter(Boolean).map((part) =>
    part.startsWith("<mark>") ? { text: decode(part.slice(6, -7)), marked: true } : { text: decode(part), marked: false },
  );
}

/** Meilisearch's cropped text with the marks it was asked for (\u0001 … \u0002) as segments. */
export function markedSegments(text) {
  // eslint-disable-next-line no-control-regex -- the marks are control characters on purpose (meili.js)
  return text.split(/(\u0001.*?\u0002)/s).filter(Boolean).map((part) =>
    part[0] === "\u0001" ? { text: part.slice(1, -1), marked: true } : { text: part, marked: false },
  );
}
