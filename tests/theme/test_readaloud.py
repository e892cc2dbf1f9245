"""Read-aloud on content pages, in real Chromium. Headless Chromium has no voices of its own, so the
reading itself is tested with a stand-in for the browser's speechSynthesis (a test double of the
Web Speech API, injected before the page loads; our script is the real one): it records each
utterance and ends it when the test says so."""

from __future__ import annotations

import pytest
from support import run_axe

pytestmark = pytest.mark.browser

PAGE = "/informatie/ben-ik-mantelzorger/"
PAGE_AR = "/ar/informatie/ben-ik-mantelzorger/"

FAKE_SPEECH = """
(voiceLangs) => {
  const log = window.__speech = {spoken: [], calls: [], current: null};
  const voices = voiceLangs.map((lang) => ({lang, name: "Test " + lang, voiceURI: "test-" + lang, localService: true, default: false}));
  // Utterances carry a voice; a real one only accepts real voices, so the utterance is a stand-in too.
  class Utterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ""; this.voice = null; this.rate = 1; this.pitch = 1; this.volume = 1; }
  }
  const fire = (utterance, type) => {
    const event = new Event(type);
    utterance.dispatchEvent(event);
    if (typeof utterance["on" + type] === "function") utterance["on" + type](event);
  };
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
  const fake = new EventTarget();
  Object.assign(fake, {
    speaking: false, paused: false, pending: false,
    getVoices: () => voices,
    speak(utterance) {
      log.spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name});
      log.current = utterance;
      fire(utterance, "start");
    },
    pause() { log.calls.push("pause"); },
    resume() { log.calls.push("resume"); },
    cancel() {
      log.calls.push("cancel");
      const utterance = log.current;
      log.current = null;
      if (utterance) fire(utterance, "end");
    },
  });
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
  window.__fire = fire;
  // Ends the sentence being read, as the engine does: a word boundary, then "end".
  window.__finishSentence = () => {
    const utterance = log.current;
    log.current = null;
    fire(utterance, "boundary");
    fire(utterance, "end");
  };
}
"""


def _page_with_voices(browser, voices: list[str], **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.add_init_script(f"({FAKE_SPEECH})({voices!r})")
    return context, page


def _current(page) -> str:
    return page.evaluate("[...document.querySelectorAll('.hw-readaloud__sentence--current')].map(s => s.textContent).join('')")


def test_hidden_without_javascript(demo_url, page_without_js):
    page_without_js.goto(demo_url + PAGE)
    assert page_without_js.locator("[data-hw-readaloud]").is_hidden()


def test_hidden_when_the_browser_has_no_voice_for_the_language(demo_url, browser):
    # Headless Chromium as it is: shown only if it really has a Dutch voice.
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_url + PAGE)
    page.wait_for_timeout(300)
    has_dutch = page.evaluate("speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith('nl'))")
    assert page.locator("[data-hw-readaloud]").is_visible() == has_dutch
    context.close()
    # A browser with English and Arabic voices only: nothing offered on a Dutch page, offered on Arabic.
    context, page = _page_with_voices(browser, ["en-GB", "ar-SA"])
    page.goto(demo_url + PAGE)
    assert page.locator("[data-hw-readaloud]").is_hidden()
    page.goto(demo_url + PAGE_AR)
    assert page.locator("[data-hw-readaloud]").is_visible()
    context.close()


def test_reads_the_main_text_sentence_by_sentence_with_highlight_pause_and_stop(demo_url, browser):
    context, page = _page_with_voices(browser, ["nl-NL"])
    page.goto(demo_url + PAGE)
    page.wait_for_load_state("networkidle")
    before = page.locator("article").inner_html()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    start = page.get_by_role("button", name="Lees voor")
    assert start.is_visible()
    start.click()
    spoken = page.evaluate("window.__speech.spoken")
    assert spoken[0] == {"text": "Ben ik mantelzorger?", "lang": "nl", "voice": "Test nl-NL"}
    assert _current(page) == "Ben ik mantelzorger?"
    page.evaluate("window.__finishSentence()")
    # The summary has two sentences: each is its own utterance and is highlighted in turn.
    assert page.evaluate("window.__speech.spoken[1].text") == "Zorgt u voor iemand die ziek is, oud is of een beperking heeft?"
    assert _current(page).strip() == "Zorgt u voor iemand die ziek is, oud is of een beperking heeft?"
    page.evaluate("window.__finishSentence()")
    assert page.evaluate("window.__speech.spoken[2].text") == "Dan bent u mantelzorger, en dan is er hulp voor u."
    # The controls are never read, nor the navigation around the article.
    texts = page.evaluate("window.__speech.spoken.map(s => s.text)")
    assert not any("Lees voor" in text or "Naar de inhoud" in text for text in texts)

    pause = page.get_by_role("button", name="Pauzeer")
    assert page.evaluate("document.activeElement.textContent") == "Pauzeer"  # focus moved to the controls
    pause.click()
    assert page.evaluate("window.__speech.calls").count("pause") == 1
    page.get_by_role("button", name="Ga verder").click()
    assert page.evaluate("window.__speech.calls").count("resume") == 1

    page.get_by_role("button", name="Stoppen").click()
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"
    assert page.locator(".hw-readaloud__sentence").count() == 0
    assert page.locator("article").inner_html() == before  # the text is as it was
    assert page.evaluate("window.__speech.spoken.length") == 3  # the "end" of cancel starts nothing
    assert page.get_by_role("button", name="Lees voor").is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Lees voor"
    assert requests == []
    context.close()


def test_reads_to_the_end_and_restores_the_page(demo_url, browser):
    context, page = _page_with_voices(browser, ["nl-NL"])
    page.goto(demo_url + "/respijtzorg/oppas-aan-huis/")
    before = page.locator("article").inner_html()
    page.get_by_role("button", name="Lees voor").click()
    for _ in range(400):
        if not page.evaluate("window.__speech.current"):
            break
        page.evaluate("window.__finishSentence()")
    spoken = page.evaluate("window.__speech.spoken.map(s => s.text)")
    assert len(spoken) > 5
    assert all(text.strip() for text in spoken)
    assert page.locator("article").inner_html() == before
    context.close()


def test_by_keyboard_in_arabic_right_to_left_at_320_px(demo_url, browser):
    context, page = _page_with_voices(browser, ["ar-SA"], bypass_csp=True)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo_url + PAGE_AR)
    button = page.locator("[data-hw-read-start]")
    assert page.evaluate("getComputedStyle(document.querySelector('[data-hw-readaloud]')).direction") == "rtl"
    button.focus()
    page.keyboard.press("Enter")
    first = page.evaluate("window.__speech.spoken[0]")
    assert first["lang"] == "ar" and first["voice"] == "Test ar-SA"
    assert first["text"] == page.locator("h1").inner_text()
    page.keyboard.press("Space")  # pause, the focused button
    assert "pause" in page.evaluate("window.__speech.calls")
    assert run_axe(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # stop
    assert page.locator(".hw-readaloud__sentence").count() == 0
    context.close()
