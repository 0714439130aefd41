"""MkDocs hook: join the lines of a Japanese paragraph without the stray space a browser adds.

Guides are written one sentence per line. HTML turns each line break into a space, which is
right between English words and wrong between Japanese characters (「です。 次に」). This removes a
line break that stands between two Japanese characters, outside <pre> blocks.
"""

from __future__ import annotations

import re

_JAPANESE = r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
_BREAK = re.compile(rf"(?<={_JAPANESE})\n(?={_JAPANESE})")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def on_page_content(html, page, config, files):
    parts = _PRE.split(html)
    return "".join(part if index % 2 else _BREAK.sub("", part) for index, part in enumerate(parts))
