"""The search's synonyms and spelling variants, from estimator/data/search.toml (edited by the operator).

Each group lists words that a visitor may type for the same thing (繰り越し / 繰越 / 持ち越し, or a
reading such as せいきゅうしょ for 請求書). When the index is built, a section that uses one word of a
group is also found by the others (overrides/hooks/pagefind_index.py). A mistake stops the build with
the file, the group and the field named, as the estimator's data files do:
`search.toml: synonyms[3]: words: 2つ以上の言葉が必要です`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from estimator.errors import DataError
from estimator.records import Record, read_toml
from mkdocs.exceptions import PluginError

MAX_WORD_LENGTH = 30


def read_synonyms(path: Path) -> list[list[str]]:
    """The groups of words, each word as written; raises DataError naming the file, group and field."""
    data = Record(path.name, "-", read_toml(path))
    groups: list[list[str]] = []
    seen: dict[str, str] = {}
    for group in data.tables("synonyms", id_field=None):
        words = group.texts("words")
        if len(words) < 2:
            raise group.fail("words", "2つ以上の言葉が必要です")
        cleaned = []
        for word in words:
            word = word.strip()
            if not re.search(r"\w", word):
                raise group.fail("words", f"文字や数字を含む言葉が必要です（{word!r}）")
            if len(word) > MAX_WORD_LENGTH:
                raise group.fail("words", f"言葉は{MAX_WORD_LENGTH}文字以内にしてください（{word[:MAX_WORD_LENGTH]}…）")
            key = unicodedata.normalize("NFKC", word).lower()
            if key in seen:
                where = "このグループ" if seen[key] == group.label else seen[key]
                raise group.fail("words", f"「{word}」は{where}にもあります。1か所にまとめてください")
            seen[key] = group.label
            cleaned.append(word)
        groups.append(cleaned)
    return groups


def load_synonyms(path: Path) -> list[list[str]]:
    """read_synonyms for the build: a mistake in the file stops the build with its located message."""
    try:
        return read_synonyms(path)
    except DataError as error:
        raise PluginError(str(error)) from None
