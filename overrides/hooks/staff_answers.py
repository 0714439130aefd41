"""MkDocs hook: the staff page's list of client questions and the section to paste for each.

The list is data (estimator/data/staff_answers.toml, edited by the operator): each client question as
clients write it, and the section that answers it, as a search result names it ("faq/#contract-cancel").
`<!-- data:staff-answers -->` on docs/staff-links.md (filled by data_tables.py through `block`) draws it
as one table per topic, each link titled with its section's heading.

After the build, every linked section is looked up in the built pages: a section renamed or removed
fails the build, naming the question and the missing anchor. A broken data file fails it with the file,
the topic and the field named, as the estimator's data files do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from estimator.errors import DataError
from estimator.records import Record, read_toml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "estimator" / "data" / "staff_answers.toml"
DOCS = ROOT / "docs"
_LINK = re.compile(r"((?:[a-z0-9-]+/)*)#([a-z0-9-]+)")
_HEADING = re.compile(r"^#{1,6} +(.+?) +\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
_IDS = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True)
class Question:
    ask: str  # as the client writes it
    page: str  # site-relative page URL: "faq/", "guide/pricing/", "" for the home page
    anchor: str

    @property
    def link(self) -> str:
        return f"{self.page}#{self.anchor}"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    questions: tuple[Question, ...]


def read_topics(path: Path = DATA) -> tuple[Topic, ...]:
    """The topics and their questions; raises DataError naming the file, the topic and the field."""
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    topics, asked = [], set()
    for topic in root.tables("topics"):
        questions = []
        for question in topic.tables("questions", id_field=None):
            question.label = f"{topic.label} {question.label}"
            ask = question.text("ask").strip()
            if ask in asked:
                raise question.fail("ask", f"同じ問い合わせが2回あります（{ask}）")
            asked.add(ask)
            link = question.text("link")
            match = _LINK.fullmatch(link)
            if match is None:
                raise question.fail("link", f"「faq/#contract-cancel」の形で、ページと見出しのidが必要です（{link!r}）")
            questions.append(Question(ask, match.group(1), match.group(2)))
        topics.append(Topic(topic.text("id"), topic.text("name"), tuple(questions)))
    return tuple(topics)


def source_file(page: str) -> Path:
    """The Markdown file of a site-relative page URL."""
    if not page:
        return DOCS / "index.md"
    flat = DOCS / (page.rstrip("/") + ".md")
    return flat if flat.is_file() else DOCS / page / "index.md"


def headings(data) -> dict[str, dict[str, str]]:
    """Heading text by page and id, from the Markdown (and the task catalog the guide draws from data)."""
    found: dict[str, dict[str, str]] = {}
    for path in DOCS.rglob("*.md"):
        rel = path.relative_to(DOCS).with_suffix("").as_posix()
        page = "" if rel == "index" else (rel.removesuffix("/index").removesuffix("index") + "/")
        found[page] = {anchor: title for title, anchor in _HEADING.findall(path.read_text(encoding="utf-8"))}
    tasks = found.setdefault("guide/tasks/", {})
    tasks.update({f"catalog-{c.id}": c.name for c in data.catalog.categories})
    tasks.update({f"task-{t.id}": t.name for t in data.catalog.tasks})
    return found


def block(data) -> str:
    """`<!-- data:staff-answers -->`: one table per topic, each question with its section's link."""
    titles = headings(data)
    # A list of questions, not an answer: kept out of the search, which should find the answers themselves.
    parts = ['<div class="staff-answers" data-pagefind-ignore markdown>\n']
    for topic in read_topics():
        parts.append(f"### {topic.name} {{#staff-answers-{topic.id}}}\n")
        parts.append("| お客さまの問い合わせ | 貼るリンク |\n|---|---|")
        for q in topic.questions:
            title = titles.get(q.page, {}).get(q.anchor, q.link)
            target = source_file(q.page).relative_to(DOCS).as_posix()
            parts.append(f"| {q.ask.replace('|', '｜')} | [{title}]({target}#{q.anchor}) |")
        parts.append("")
    parts.append("</div>")
    return "\n".join(parts)


def missing(topics: tuple[Topic, ...], built: dict[str, set[str]]) -> list[str]:
    """Each question whose section is not on the built pages, with the page and anchor it links to."""
    problems = []
    for topic in topics:
        for q in topic.questions:
            if q.anchor not in built.get(q.page, set()):
                where = "ページがありません" if q.page not in built else "その見出しがありません"
                problems.append(f"「{q.ask}」（{topic.name}）: {q.link} — {where}")
    return problems


# --- MkDocs events -------------------------------------------------------------------------------------

_built: dict[str, set[str]] = {}


def on_config(config):
    try:
        read_topics()
    except DataError as error:
        raise PluginError(str(error)) from None
    return config


def on_pre_build(config):
    _built.clear()


def on_post_page(output, page, config):
    article = output.split("<article", 1)[-1].split("</article>", 1)[0]
    _built[page.url] = set(_IDS.findall(article))
    return output


def on_post_build(config):
    problems = missing(read_topics(), _built)
    if problems:
        raise PluginError(f"{DATA.name}: 貼るリンクの見出しが見つかりません。見出しのidを直すか、"
                          "anchor_aliases で前のidを残してください:\n" + "\n".join(problems))
