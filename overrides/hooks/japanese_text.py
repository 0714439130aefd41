"""MkDocs hook: Japanese text fixes that Markdown and browsers get wrong.

1. Lines of a paragraph are joined without a space. Guides are written one sentence per line; HTML
   turns each line break into a space, right between English words and wrong between Japanese
   characters (「です。 次に」). A break between two Japanese characters is removed, outside <pre>.
2. Glossary tooltips (abbreviations) also match inside Japanese text. Python-Markdown's `abbr`
   requires a word boundary on both sides, and Japanese letters count as word characters, so
   「記帳代行を」 never matched. Here only an adjacent ASCII letter or digit blocks a match.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor

_JAPANESE = r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
# A break between Japanese characters, also when inline tags (<abbr>, <a>, <strong>) stand next to it.
_BREAK = re.compile(rf"({_JAPANESE}(?:</[a-z]+>)*)\n((?:<[a-z][^>]*>)*{_JAPANESE})")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


class _JapaneseAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, terms))})(?![A-Za-z0-9])")
        self.iter_element(root)


class JapaneseAbbrExtension(Extension):
    """Replaces abbr's tree processor, sharing its table of abbreviations (load after `abbr`)."""

    def extendMarkdown(self, md):
        original = md.treeprocessors["abbr"]
        md.treeprocessors.register(_JapaneseAbbrTreeprocessor(md, original.abbrs), "abbr", 7)


def on_config(config):
    config.markdown_extensions.append(JapaneseAbbrExtension())
    return config


def on_page_content(html, page, config, files):
    parts = _PRE.split(html)
    return "".join(part if index % 2 else _BREAK.sub(r"\1\2", part) for index, part in enumerate(parts))
