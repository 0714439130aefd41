"""How long a text field may be: in characters as a reader counts them, and in what the share link carries.

A field's limit in characters (grapheme clusters, `text.length`) is what a client understands and what the
message says. The share link carries bytes, though: a kanji takes three, a family emoji twenty-five, a
letter with a stack of combining marks as many as it has marks. So each field also has a limit in the
bytes it takes inside the link (`text.encoded_size`), three per character of its limit: any Japanese
text within the character limit fits, and text that is small to the eye but large in the link gets its
own message instead of a link that cannot be opened. The link as a whole is checked in `state.fit_link`.
"""

from __future__ import annotations

from . import text
from .errors import FieldError

# Longest text per profile field, in characters as a reader counts them. Longer text is reported on its
# field and clipped; text over ten times the limit is not read at all (the request's shape refuses it).
TEXT_LIMITS = {"name": 100, "industry": 100, "business": 400, "website": 300, "irregulars": 400, "notes": 1000}
BYTES_PER_CHARACTER = 3  # a kanji or kana in UTF-8
TEXT_BYTES = {field: limit * BYTES_PER_CHARACTER for field, limit in TEXT_LIMITS.items()}
# Fields that are one line in the inquiry (its subject, its ■ lines): line breaks are removed from them.
ONE_LINE = frozenset({"name", "industry", "website"})


def characters_for(size_bytes: int) -> int:
    """A size in the link as full-width characters, rounded up: what a message asks the client to remove."""
    return -(-size_bytes // BYTES_PER_CHARACTER)


def check_text(value: str, field: str, errors: list[FieldError]) -> str:
    """The field's text, cleaned, and clipped to its limits; one message on `profile.<field>` when clipped."""
    cleaned = text.clean(value, field not in ONE_LINE)
    limit, max_bytes = TEXT_LIMITS[field], TEXT_BYTES[field]
    problems = []
    count = text.length(cleaned)
    if count > limit:
        problems.append(f"{limit:,}文字以内で入力してください（いま{count:,}文字）")
        cleaned = text.clip(cleaned, limit)
    size = text.encoded_size(cleaned)
    if size > max_bytes:
        problems.append("絵文字や一部の漢字・記号は1文字でも多くの容量を使うため、共有リンクに入りきりません。"
                        f"あと全角で約{characters_for(size - max_bytes):,}文字分、短くしてください")
        cleaned = text.clip_encoded(cleaned, max_bytes)
    if problems:
        errors.append(FieldError(f"profile.{field}", "。".join(problems)))
    return cleaned
