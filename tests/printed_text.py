"""Text of printed pages, for comparing with what is on screen (tests/ is on sys.path: see conftest.py)."""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader


def flat(value: str) -> str:
    """Text without spaces or line breaks, NFKC-folded (PDF text uses CJK radical code points); pypdf
    reads the bullet 「・」 back as U+2027."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).replace("\u2027", "・")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, flat."""
    return flat("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
