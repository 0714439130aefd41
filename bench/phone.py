"""The estimator page on a 360×780 phone screen (Debian's chromium through Playwright), from the top.

Prints and writes bench/results/phone.json:
- the page's height in px and in screens, and the checklist's height (everything drawn first: off-screen
  categories, result blocks and profile fields are not laid out until they come near);
- where the first figure of the result is (the summary bar's hours when the page has a bar, else the
  result's first figure) and whether it is on the first screen without scrolling;
- the same with a starting set chosen, when the page offers starting sets;
- form fields and elements on the page.

Run after `make build`: `.venv/bin/python bench/phone.py` (make bench does). No timing here, only sizes.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from served_site import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
WIDTH, HEIGHT = 360, 780

SIZES = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  // Draw everything drawn only near the viewport once (content-visibility: auto), so sizes are real.
  for (const c of document.querySelectorAll('.est-category, .est-result > .est-block, .est-profile')) {
    c.scrollIntoView();
    await frame();
  }
  window.scrollTo(0, 0);
  await frame();
  const box = (el) => { if (!el) return null; const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY), height: Math.round(r.height) }; };
  const form = document.querySelector('[data-est=checklist]') || document.querySelector('[data-est=form]');
  const figure = document.querySelector('[data-est=bar-hours]') || document.querySelector('[data-est=hours] strong')
    || document.querySelector('[data-est=summary]');
  const result = document.querySelector('[data-est=result]');
  const visible = [...document.querySelectorAll('#estimator input, #estimator select, #estimator textarea')]
    .filter((el) => el.getClientRects().length > 0).length;
  return {
    page_px: document.documentElement.scrollHeight,
    checklist: box(form),
    result: box(result),
    first_figure: box(figure),
    first_figure_text: figure ? figure.textContent.trim() : null,
    fields_total: document.querySelectorAll('#estimator input, #estimator select, #estimator textarea').length,
    fields_visible: visible,
    elements: document.querySelectorAll('*').length,
  };
}"""


def measure(page) -> dict:
    page.wait_for_timeout(300)
    sizes = page.evaluate(SIZES)
    page.wait_for_timeout(100)
    # Measured again at the top: the first figure's position on the first screen, without scrolling.
    sizes["first_figure_on_first_screen"] = page.evaluate(
        "() => { const f = document.querySelector('[data-est=bar-hours]') || document.querySelector('[data-est=hours] strong');"
        " if (!f) return false; const r = f.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }")
    sizes["page_screens"] = round(sizes["page_px"] / HEIGHT, 1)
    if sizes["checklist"]:
        sizes["checklist_screens"] = round(sizes["checklist"]["height"] / HEIGHT, 1)
    return sizes


def main() -> int:
    if not (SITE / "estimate/index.html").is_file():
        print("site/ is not built: run `make build` first", file=sys.stderr)
        return 1
    scratch = tempfile.TemporaryDirectory()
    shutil.copytree(SITE, Path(scratch.name) / "site")
    server, url = serve(Path(scratch.name) / "site")
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(base_url=url, viewport={"width": WIDTH, "height": HEIGHT}, locale="ja-JP",
                                      timezone_id="Asia/Tokyo", is_mobile=True, has_touch=True, device_scale_factor=2)
            page = ctx.new_page()
            page.goto("estimate/")
            page.wait_for_selector("#estimator[data-source=python]", timeout=120_000)
            results["as_opened"] = measure(page)
            own = page.locator("[data-preset=own]")
            if own.count():
                own.click()
                page.wait_for_timeout(500)
                results["nothing_chosen"] = measure(page)
                first = page.locator("[data-preset]:not([data-preset=own])").first
                name = first.get_attribute("data-preset")
                first.click()
                page.wait_for_timeout(500)
                results[f"starting_set_{name}"] = measure(page)
            browser.close()
    finally:
        server.shutdown()
        scratch.cleanup()
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "phone.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    for name, r in results.items():
        figure = r["first_figure"]
        print(f"{name}: page {r['page_px']} px ({r['page_screens']} screens of {HEIGHT}); checklist "
              f"{r['checklist']['height'] if r['checklist'] else '-'} px ({r.get('checklist_screens', '-')} screens); "
              f"result starts at {r['result']['top'] if r['result'] else '-'} px; first figure "
              f"{figure['top'] if figure else '-'} px ({'on' if r['first_figure_on_first_screen'] else 'NOT on'} the first screen); "
              f"fields {r['fields_visible']} shown of {r['fields_total']}; {r['elements']} elements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
