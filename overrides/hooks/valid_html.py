"""MkDocs hook: the one change Material's page frame needs to pass the Nu Html Checker.

Material's base.html (outside any block) gives its two hidden checkbox toggles, #__drawer and #__search,
`autocomplete="off"`, so that a browser does not restore them checked after a reload (the menu or the
search would reopen). `autocomplete` is not valid on a checkbox. The attribute is dropped from the page
here, and assets/javascripts/site/search.js unchecks both toggles when a page loads instead.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
                     r' autocomplete="off">')


def _drop_autocomplete(html: str) -> str:
    return _TOGGLE.sub(r"\1>", html)


def on_post_page(output: str, page, config) -> str:
    return _drop_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The same for pages rendered from a template alone, such as 404.html."""
    return _drop_autocomplete(output_content)
