"""Phone numbers and other left-to-right runs read in their own order on right-to-left pages.

What counts is what a resident sees: the tests measure where Chromium draws each digit.
"""

from __future__ import annotations

import pytest
from support import VISUAL_ORDER as VISUAL

from sitegen.bidi import LRI, PDI, isolate_html, isolate_text

ARABIC = "اتصل مجاناً على {number} أو 113، ليلاً ونهاراً."


@pytest.mark.parametrize("number", ["0800-0113", "0123 456 700", "1234 AB", "2026-12-04", "9.00-16.30"])
def test_the_measure_sees_reversal_and_isolation_cures_it(page, number):
    """Without isolation Chromium draws these runs reordered after Arabic letters; with it, in order."""
    text = ARABIC.format(number=number)
    page.set_content(f'<html lang="ar" dir="rtl"><body><p>{text}</p><p>{isolate_html(text)}</p></body></html>')
    raw, isolated = page.evaluate(VISUAL, number)
    assert raw != number  # the measure can tell: the bare text reads wrong
    assert isolated == number


@pytest.mark.browser
def test_arabic_pages_show_numbers_in_order(demo_url, page):
    page.goto(f"{demo_url}/ar/")
    crisis = page.evaluate(VISUAL, "0800-0113")
    assert len(crisis) >= 2  # the link and the sentence about it in the footer
    assert set(crisis) == {"0800-0113"}
    assert set(page.evaluate(VISUAL, "0123 456 700")) == {"0123 456 700"}
    page.goto(f"{demo_url}/ar/zoeken/")
    loket = page.evaluate(VISUAL, "0123 456 700")
    assert loket and set(loket) == {"0123 456 700"}  # the footer and the search page's own loket line
    assert set(page.evaluate(VISUAL, "0800-0113")) == {"0800-0113"}


def test_markup_of_the_built_pages(demo_public):
    footer = (demo_public / "ar" / "index.html").read_text(encoding="utf-8")
    assert 'على <bdi dir="ltr">0800-0113</bdi> أو 113' in footer
    search = (demo_public / "ar" / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert '<bdi dir="ltr">0123 456 700</bdi></a>.' in search
    dutch = (demo_public / "index.html").read_text(encoding="utf-8")
    assert 'Bel gratis <bdi dir="ltr">0800-0113</bdi> of 113' in dutch  # every language


def test_what_is_isolated_and_what_is_left_alone():
    html = (
        "<title>Bel 0800-0113</title><p title=\"zie 0800 0113\" data-x='a>0800 0113'>"
        'Mail <a href="mailto:a@b.nl">a.b@example.org</a>, zie https://example.org/a?b=1&amp;c=2. '
        "Adres 1234 AB, van 9.00 tot 16.30 uur; in 2026 en &#39;12 gewoon.</p>"
        '<script type="application/ld+json">{"telephone": "0800 0113"}</script><textarea>0800 0113</textarea>'
        "<select><option>0800 0113</option></select><!-- 0800 0113 -->"
        "<pre><code>&lt;script src=&#34;https://example.org/w.js&#34;&gt; 0800 0113</code></pre>"
    )
    assert isolate_html(html) == (
        f"<title>Bel {LRI}0800-0113{PDI}</title><p title=\"zie 0800 0113\" data-x='a>0800 0113'>"
        'Mail <a href="mailto:a@b.nl"><bdi dir="ltr">a.b@example.org</bdi></a>, zie <bdi dir="ltr">https://example.org/a?b=1&amp;c=2</bdi>. '
        'Adres <bdi dir="ltr">1234 AB</bdi>, van 9.00 tot 16.30 uur; in 2026 en &#39;12 gewoon.</p>'
        '<script type="application/ld+json">{"telephone": "0800 0113"}</script><textarea>0800 0113</textarea>'
        f"<select><option>{LRI}0800 0113{PDI}</option></select><!-- 0800 0113 -->"
        "<pre><code>&lt;script src=&#34;https://example.org/w.js&#34;&gt; 0800 0113</code></pre>"
    )


def test_a_web_address_stops_before_an_entity():
    assert isolate_html("<p>zie https://x.org/a?b=1&amp;c=2&#34; of</p>") == '<p>zie <bdi dir="ltr">https://x.org/a?b=1&amp;c=2</bdi>&#34; of</p>'
    assert isolate_text("zie https://x.org/a?b=1&c=2 of") == f"zie {LRI}https://x.org/a?b=1&c=2{PDI} of"


@pytest.mark.parametrize(
    "text", ["(0575) 123 456", "+31 (0)6 1234 5678", "9.00 - 16.30", "0800 – 0113", "030 760 60 55", "2026-12-04", "(0575)123456", "+31612345678"]
)
def test_number_forms(text):
    assert isolate_text(f"على {text} أو") == f"على {LRI}{text}{PDI} أو"


def test_a_left_to_right_element_with_only_text_stays_as_it_is():
    link = '<a href="tel:0800-0113" class="x" dir="ltr">0800-0113</a>'
    assert isolate_html(f"<p>Bel {link}.</p>") == f"<p>Bel {link}.</p>"
    assert isolate_html('<p dir="ltr">Bel <b>0800-0113</b></p>') == '<p dir="ltr">Bel <b><bdi dir="ltr">0800-0113</bdi></b></p>'


def test_plain_text():
    assert isolate_text("بلغ 0800-0113 أو 113") == f"بلغ {LRI}0800-0113{PDI} أو 113"
    assert isolate_text("2026 en 12, om 14:30 of 9.00 op 4/12") == "2026 en 12, om 14:30 of 9.00 op 4/12"  # in order by themselves


def test_pages_without_a_quoted_angle_bracket_take_the_fast_cut_with_the_same_result():
    from sitegen import bidi

    html = (
        '<title>Bel 0800-0113</title><p title="zie 0800 0113">Bel <a href="tel:0800-0113" dir="ltr">0800-0113</a> of '
        "0575 123 456.</p><select><option>0800 0113</option></select><!-- 0800 0113 --><style>a{x:1 2}</style>"
    )
    assert not bidi._QUOTED_GT.search(html)
    assert bidi._MARKUP.split(html) == bidi._MARKUP_QUOTED.split(html)
    assert isolate_html(html) == (
        f'<title>Bel {LRI}0800-0113{PDI}</title><p title="zie 0800 0113">Bel <a href="tel:0800-0113" dir="ltr">0800-0113</a> of '
        f'<bdi dir="ltr">0575 123 456</bdi>.</p><select><option>{LRI}0800 0113{PDI}</option></select><!-- 0800 0113 --><style>a{{x:1 2}}</style>'
    )
