"""Cleaning and clipping what people type, without breaking a character they see as one.

A family emoji is seven code points held together by zero-width joiners, a flag is two regional
indicators, and 「か」 with a combining dakuten is two: cutting or filtering between them leaves a
broken symbol. `graphemes` splits text into user-perceived characters (a simplified form of Unicode's
extended grapheme clusters, enough for Japanese text and emoji), and every cut in this package goes
through it. A zero-width joiner joins two pictographs only (as Unicode's rule GB11 says): between two
kanji it is an invisible extra, not glue, so 「漢‍字」 is two characters, not one. Where the split is
simplified it errs towards more characters, never fewer. One-line fields (a name, an industry) lose
their line breaks here, on every input path, so a mail subject or a header-like line in the inquiry can
never be split by what was typed.
"""

from __future__ import annotations

import json
import unicodedata

ZWJ = "\u200d"
# Bidirectional embedding, override and isolate controls: invisible, and able to reorder the text around them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _extends(ch: str) -> bool:
    """Whether `ch` belongs to the character before it (marks, joiners, variation selectors, skin tones, tags)."""
    code = ord(ch)
    return (
        ch == ZWJ
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences (subdivision flags)
    )


# Extended_Pictographic (Unicode emoji-data), in ranges wide enough for emoji and narrow enough to leave
# out every letter, kana and kanji: a ZWJ sequence joins only characters from here.
_PICTOGRAPHIC = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122), (0x2139, 0x2139),
    (0x2194, 0x21AA), (0x231A, 0x23FF), (0x24C2, 0x24C2), (0x25AA, 0x25FE), (0x2600, 0x27BF), (0x2934, 0x2935),
    (0x2B05, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
    (0x1F000, 0x1F0FF), (0x1F10D, 0x1F1E5), (0x1F201, 0x1F3FA), (0x1F400, 0x1FAFF), (0x1FC00, 0x1FFFD),
)


def _pictographic(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _PICTOGRAPHIC)


def _regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def graphemes(text: str) -> list[str]:
    clusters: list[str] = []
    for ch in text:
        if clusters:
            last = clusters[-1]
            joined = last.endswith(ZWJ) and _pictographic(last[0]) and _pictographic(ch)
            pair = (_regional_indicator(ch) and _regional_indicator(last[-1])
                    and sum(map(_regional_indicator, last)) % 2 == 1)
            if _extends(ch) or joined or pair or (last == "\r" and ch == "\n"):
                clusters[-1] = last + ch
                continue
        clusters.append(ch)
    return clusters


def length(text: str) -> int:
    """Characters as a reader counts them."""
    return len(graphemes(text))


def encoded_size(text: str) -> int:
    """The bytes `text` takes inside a share link's JSON (UTF-8, with JSON's escapes), before compression."""
    return len(json.dumps(text, ensure_ascii=False).encode()) - 2


def clip_encoded(text: str, max_bytes: int) -> str:
    """The longest start of `text`, cut between whole characters, that takes at most `max_bytes` in a link."""
    kept, used = [], 0
    for cluster in graphemes(text):
        size = encoded_size(cluster)
        if used + size > max_bytes:
            break
        kept.append(cluster)
        used += size
    return "".join(kept)


def clip(text: str, limit: int, ellipsis: str = "") -> str:
    """At most `limit` characters (as a reader counts them), cut between whole characters."""
    clusters = graphemes(text)
    if len(clusters) <= limit:
        return text
    return "".join(clusters[: max(0, limit - len(ellipsis))]) + ellipsis


def _printable(ch: str, keep: str) -> bool:
    if ch in keep:
        return True
    if ch in _BIDI_CONTROLS:
        return False
    category = unicodedata.category(ch)
    # Cf (format) characters such as the zero-width joiner hold emoji together: keep them.
    return category[0] != "C" or category == "Cf"


def clean(text: str, multiline: bool) -> str:
    """Text without control characters, lone surrogates or bidi overrides; one line unless `multiline`.

    Line breaks become a space in a one-line field (they were probably pasted), and stay in a
    multi-line one, normalised to "\\n".
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = " ".join(part.strip() for part in text.split("\n") if part.strip())
    keep = "\n" if multiline else ""
    return "".join(ch for ch in text if _printable(ch, keep)).strip()
