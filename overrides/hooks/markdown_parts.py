"""Small Markdown pieces shared by the hooks that write blocks into the guides."""

from __future__ import annotations


def table(header, rows) -> str:
    """A Markdown table; a `|` inside a cell becomes the full-width ｜ so it cannot split the cell."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "｜") for cell in row) + " |" for row in rows]
    return "\n".join(lines)
