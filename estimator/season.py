"""When in the year a task's work comes (catalog.toml's `season`): the months of yearly work, or the months
that carry more of a monthly task (a peak, in percent of a usual month)."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Record


@dataclass(frozen=True)
class Peak:
    """A month that carries more of a monthly task: a calendar `month`, or `fiscal_offset` months from the
    client's business-year end (0 = the 決算月). `percent` of a usual month."""

    month: int | None
    fiscal_offset: int | None
    percent: int


@dataclass(frozen=True)
class Season:
    """When in the year a task's work comes (see catalog.toml's header)."""

    months: tuple[int, ...] = ()
    fiscal_offsets: tuple[int, ...] = ()
    peaks: tuple[Peak, ...] = ()
    note: str = ""


NO_SEASON = Season()


def read_season(r: Record) -> Season:
    """A task's `season` table, checked against its default period (errors name the task and the field)."""
    if "season" not in r.data:
        if r.data.get("default_period") == "year":
            raise r.fail("season", "1年あたりの業務には、時期（months か fiscal_offsets）が必要です")
        return NO_SEASON
    season = r.table("season")
    months = _integers(season, "months", 1, 12)
    offsets = _integers(season, "fiscal_offsets", -11, 11)
    if months and offsets:
        raise season.fail("months", "months と fiscal_offsets はどちらか一方にしてください")
    if r.data.get("default_period") == "year" and not (months or offsets):
        raise season.fail("months", "1年あたりの業務には、months か fiscal_offsets が必要です")
    peaks = []
    for index, item in enumerate(season.data.get("peaks", [])):
        peak = Record(season.file, season.label, item, prefix=f"{season.prefix}peaks[{index}].")
        month = peak.integer("month", minimum=1, maximum=12) if "month" in peak.data else None
        offset = peak.integer("fiscal_offset", minimum=-11, maximum=11) if "fiscal_offset" in peak.data else None
        if (month is None) == (offset is None):
            raise peak.fail("month", "month か fiscal_offset のどちらか一方が必要です")
        peaks.append(Peak(month, offset, peak.integer("percent", maximum=1000)))
    return Season(months, offsets, tuple(peaks), season.text("note"))


def _integers(r: Record, field: str, minimum: int, maximum: int) -> tuple[int, ...]:
    value = r.data.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) and minimum <= v <= maximum
                                              for v in value) or len(set(value)) != len(value):
        raise r.fail(field, f"{minimum}〜{maximum} の整数の配列（重複なし）が必要です")
    return tuple(value)
