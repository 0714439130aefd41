"""The light/dark switch in the header (overrides/partials/javascripts/palette.html), which replaces
Material's palette component so that no page restyles itself as a whole after it is parsed."""

SWITCH = "[data-site-palette] label:not([hidden])"
# Every value <body> gets for data-md-color-switching while the page loads, and when.
RECORD_SWITCHING = """
window.__switching = [];
new MutationObserver(records => records.forEach(r => {
  if (r.attributeName === "data-md-color-switching") window.__switching.push(document.readyState);
})).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-md-color-switching"]});
"""


def switch_name(page) -> str:
    """What the visible switch says it does (its title, also the aria-label of the radio before it)."""
    return page.locator(SWITCH).get_attribute("title")


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_a_dark_system_gets_the_dark_scheme_without_materials_bundle(browser, site_url):
    context = browser.new_context(base_url=site_url, color_scheme="dark")
    try:
        page = context.new_page()
        page.route("**/bundle.*.min.js", lambda route: route.abort())
        page.goto("faq/")
        assert scheme(page) == "slate"
        assert switch_name(page) == "ライトモードに切り替える"
        assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    finally:
        context.close()


def test_no_page_load_restyles_the_whole_page(browser, site_url):
    context = browser.new_context(base_url=site_url, color_scheme="dark")
    try:
        page = context.new_page()
        page.add_init_script(RECORD_SWITCHING)
        for path in ("", "faq/", "estimate/"):
            page.goto(path, wait_until="networkidle")
            assert scheme(page) == "slate"
            assert page.evaluate("window.__switching") == [], path
    finally:
        context.close()


def test_the_switch_changes_the_scheme_and_every_page_remembers_it(page):
    page.emulate_media(color_scheme="light")
    page.goto("faq/")
    assert scheme(page) == "default"
    switch = page.locator(SWITCH)
    assert switch_name(page) == "ダークモードに切り替える"
    switch.click()
    assert scheme(page) == "slate"
    assert switch_name(page) == "ライトモードに切り替える"
    header_colour = page.evaluate("""() => '#' + getComputedStyle(document.querySelector('.md-header')).backgroundColor
        .match(/\\d+/g).slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('')""")
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == header_colour
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    page.locator(".md-sidebar--primary").get_by_role("link", name="料金・契約・支払い").click()  # instant navigation keeps it
    page.wait_for_url("**/guide/pricing/")
    assert scheme(page) == "slate"
    page.goto("glossary/")  # a full load keeps it, though the system is light
    assert scheme(page) == "slate"
    assert page.evaluate("__md_get('__palette')")["color"]["scheme"] == "slate"


def test_enter_on_the_focused_switch_changes_the_scheme(page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.focus("#__palette_0")  # the checked radio of the light scheme, as Tab reaches it
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    assert page.evaluate("document.activeElement.id") == "__palette_1"


def test_the_page_follows_the_system_until_the_visitor_chooses(page):
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.locator(SWITCH).click()
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)
    assert scheme(page) == "default"
