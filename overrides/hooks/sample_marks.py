"""The 「見本」 mark: while the provider's terms are samples, each value a page fills from them says so
where it stands, so a client who opens a section from a staff link (below the page-top notice) still
sees on screen that the price or rule in front of them is a sample.

Imported by data_tables.py (not a hook of its own): `tag` is applied to the text of every provider
marker as it is filled, and `place` once to the filled page, which settles where the marks go:
- a value or a term: at the end of its sentence, so 「60分単位」 is not cut in two;
- one mark per paragraph (the last one), so an answer of three sentences carries one mark, not three;
- a table: in the header of each column that holds a value (a block's own table: its first column);
- a list or an HTML block: a small caption line above it (and the paragraph that introduces it, right
  above, loses its own mark: two marks three lines apart say nothing more);
- never in a heading (a heading's text is what 「見出し + URL」 copies).
The mark is a visible 「見本」 with 「（サンプルの値）」 for screen readers. The search index leaves it out
(search_records.SKIPPED has `.sample-mark`), so a query for 「見本」 does not find every section.
"""

from __future__ import annotations

import re

PENDING = "\ue000"  # where a mark will go, while the page is being filled
CAPTION = "\ue001"  # a block's caption line
MARK = ('<span class="sample-mark">見本<span class="sample-mark__sr">（サンプルの値）</span></span>')
CAPTION_HTML = f'<p class="sample-caption">{MARK}</p>'

_LIST_OR_HTML = re.compile(r"(?:[-*+] |\d+\. |<)")
# From a pending mark to the end of its sentence: up to 。！？ (kept before the mark), or else to the end
# of the line, a table cell or the next HTML tag, whichever comes first.
_TO_SENTENCE_END = re.compile(PENDING + r"([^。！？\n|<" + PENDING + r"]*[。！？]|[^。！？\n|<" + PENDING + r"]*?(?=\s*(?:\n|\||<|$)))")
_BLOCKS = re.compile(r"(\n[ \t]*\n)")


def tag(text: str) -> str:
    """`text` (one marker's filling) with its mark pending, placed by the shape of what it is."""
    if text.startswith("|"):  # a Markdown table: the first header cell
        end = text.index(" |", 1)
        return text[:end] + PENDING + text[end:]
    if _LIST_OR_HTML.match(text):
        return f"{CAPTION}\n\n{text}"
    head, gap, rest = text.partition("\n\n")  # several paragraphs: the first one says the rule
    return head + PENDING + gap + rest


def place(markdown: str) -> str:
    """The filled page with each pending mark settled (see the module docstring) and drawn as HTML."""
    if PENDING not in markdown and CAPTION not in markdown:
        return markdown
    markdown = _TO_SENTENCE_END.sub(lambda m: m.group(1) + PENDING, markdown)
    parts = _BLOCKS.split(markdown)
    for index in range(0, len(parts), 2):  # blocks; the odd parts are the blank lines between them
        parts[index] = _settle(parts[index])
        if index >= 2 and parts[index].startswith(CAPTION):  # the paragraph that introduces a marked
            parts[index - 2] = parts[index - 2].replace(PENDING, "")  # list or table: the caption is enough
    return "".join(parts).replace(PENDING, MARK).replace(CAPTION, CAPTION_HTML)


def _settle(block: str) -> str:
    if PENDING not in block:
        return block
    lines = block.split("\n")
    if all(line.lstrip().startswith("|") for line in lines if line.strip()):
        return _table_marks(lines)
    # Headings carry no mark; in the rest of the paragraph only the last mark stays.
    lines = [line.replace(PENDING, "") if line.lstrip().startswith("#") else line for line in lines]
    block = "\n".join(lines)
    last = block.rfind(PENDING)
    return block[:last].replace(PENDING, "") + block[last:] if last >= 0 else block


def _table_marks(lines: list[str]) -> str:
    """Marks in a table's cells move to the header cell of their column: one mark per column."""
    columns: set[int] = set()
    for line in lines:
        for column, cell in enumerate(line.strip().strip("|").split("|")):
            if PENDING in cell:
                columns.add(column)
    lines = [line.replace(PENDING, "") for line in lines]
    header = lines[0].strip().strip("|").split("|")
    header = [cell.rstrip() + PENDING + " " if column in columns else cell for column, cell in enumerate(header)]
    lines[0] = "|" + "|".join(header) + "|"
    return "\n".join(lines)
