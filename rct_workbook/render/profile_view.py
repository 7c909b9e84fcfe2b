"""The class profile as Markdown tables, or as one printable HTML page with SVG charts."""

from __future__ import annotations

import html
from collections.abc import Sequence

from rct_workbook.class_profile import MIN_CELL, MIN_EXPORTS, Cell, ClassProfile, Distribution, PracticeCounts
from rct_workbook.journal.reflection import human_date
from rct_workbook.model import commonmark as md
from rct_workbook.model.charts import SUPPRESSED_TEXT, counts
from rct_workbook.render.printable import page


def _day(profile: ClassProfile) -> str:
    return human_date(profile.day)


def _title(profile: ClassProfile) -> str:
    return f"Class profile, {_day(profile)}"


def _who(profile: ClassProfile) -> str:
    if profile.with_assessment == profile.participants:
        said = f"{profile.participants} people took part; each shared an assessment."
    else:
        said = (
            f"{profile.participants} people took part; {profile.with_assessment} shared an assessment, "
            "and the figures below come from those."
        )
    if profile.duplicates:
        said += (
            f" {profile.duplicates} of the exports given "
            f"{'was an export' if profile.duplicates == 1 else 'were exports'}"
            " of an entry already counted, so each person is counted once."
        )
    return said


def _privacy(profile: ClassProfile) -> str:
    said = (
        f"Anonymous: counts only, from at least {MIN_CELL if profile.small else MIN_EXPORTS} people, with no "
        "names, no words of anyone's own and no dates. Each person's latest assessment counts once."
    )
    rule = (
        f" Small-cell suppression, as in public statistics: no count of fewer than {MIN_CELL} people is shown. "
        "Ratings are merged with a neighbouring rating (shown as a range such as 1–2), and other categories "
        f'say "{SUPPRESSED_TEXT}" instead of a number. Where counts add up to a total (one culture type, '
        "strategy or practice each), further counts are hidden the same way, so a hidden count may be larger, "
        "or a practice is left out, until none can be worked out by subtraction."
    )
    applied = " Some counts below were merged or suppressed for this reason." if profile.suppressed_any else ""
    return said + rule + applied


def _count(cell: Cell) -> str:
    return SUPPRESSED_TEXT if cell.count is None else str(cell.count)


def _bins(d: Distribution) -> list[tuple[str, int | None]]:
    rows: list[tuple[str, int | None]] = [(f"Rated {b.label}", b.count) for b in d.bins]
    if d.not_rated is not None:
        rows.append((d.not_rated.label, d.not_rated.count))
    return rows


def _scale(d: Distribution) -> str:
    return f"1 = {d.low_label}; 5 = {d.high_label}."


def _about_bins(d: Distribution) -> str | None:
    if not d.bins:
        return f"Fewer than {MIN_CELL} people rated it, so the ratings are not shown."
    said = []
    if d.everyone_alike:
        said.append(
            "Everyone who rated it gave the same rating, so one row would have shown everyone's own rating: "
            "it is shown as a range with its neighbour."
        )
    if d.merged:
        said.append("Some ratings were merged so that no count is of fewer than three people.")
    return " ".join(said) or None


def _risk_rows(profile: ClassProfile) -> list[tuple[str, int | None]]:
    return [(c.label, c.count) for c in profile.risk_mix]


RISK_SECTION = ("The steps' risk", "The risk people gave the small steps they planned (counted in steps).")


def _small_lines(profile: ClassProfile) -> list[str]:
    """What a group of fewer than MIN_EXPORTS can be told without a count that picks anyone out."""
    lines = []
    for d in profile.good_things:
        lines.append(f"{d.name}: most rated {d.band}." if d.band else f"{d.name}: the ratings are too spread to band.")
    if profile.most_ticked_culture:
        lines.append(f"The culture type that stood out most: {profile.most_ticked_culture}.")
    else:
        lines.append(f"No one culture type stood out for {MIN_CELL} or more people.")
    return lines


SMALL_NOTE = (
    f"Fewer than {MIN_EXPORTS} people: only bands, the culture type that stood out most and the steps' risk are "
    "shown, never a count of fewer than three."
)


CLOSING = "A reflective exercise, not a measure: the figures start a conversation (Hartling & Sparks, 2002)."

SECTIONS = (
    ("Culture types", "For how many people each culture type stood out in their reading (a person can have several)."),
    ("Practices observed", "Practices people ticked as present in their setting (Name it)."),
    ("Practices that already promote connection", "What people named as working already."),
    ("Fletcher's strategies chosen", "Which of naming, norming, negotiating and networking people chose (Oppose it)."),
)


# --- Markdown ---------------------------------------------------------------------------------


def _md_table(header: tuple[str, str], rows: Sequence[tuple[str, str]]) -> list[str]:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | ---: |"]
    lines += [f"| {md.escape_line(a)} | {md.escape_line(b)} |" for a, b in rows]
    return [*lines, ""]


def _md_practices(counts: PracticeCounts) -> list[str]:
    lines: list[str] = []
    if counts.most:
        lines += [md.heading(3, "Most ticked"), ""]
        lines += _md_table(("Practice", "People"), [(c.label, _count(c)) for c in counts.most])
    if counts.least:
        lines += [md.heading(3, "Least ticked"), ""]
        lines += _md_table(("Practice", "People"), [(c.label, _count(c)) for c in counts.least])
    if counts.few:
        lines += [
            md.heading(3, f"Ticked by fewer than {MIN_CELL} people (not counted)"),
            "",
            md.bullet_list(counts.few),
            "",
        ]
    if counts.nobody:
        lines += [md.heading(3, "Ticked by nobody"), "", md.bullet_list(counts.nobody), ""]
    return lines or [md.escape_line("Nobody ticked any of these."), ""]


def profile_markdown(profile: ClassProfile) -> str:
    lines = [md.heading(1, _title(profile)), "", md.escape_line(_who(profile)), "", md.escape_line(_privacy(profile))]
    if profile.small:
        lines += [
            "",
            md.escape_line(SMALL_NOTE),
            "",
            md.heading(2, "In brief"),
            "",
            md.bullet_list(_small_lines(profile)),
        ]
        lines += ["", md.heading(2, RISK_SECTION[0]), "", md.escape_line(RISK_SECTION[1]), ""]
        lines += _md_table(
            ("Risk", "Steps"), [(a, SUPPRESSED_TEXT if b is None else str(b)) for a, b in _risk_rows(profile)]
        )
        lines += [md.escape_line(CLOSING)]
        return "\n".join(lines).rstrip("\n") + "\n"
    lines += ["", md.heading(2, "The five good things"), ""]
    lines += [md.escape_line("How the group rated each good thing in their setting (Miller, 1986)."), ""]
    for d in profile.good_things:
        lines += [md.heading(3, d.name), "", md.escape_line(_scale(d)), ""]
        if d.bins:
            lines += _md_table(("Rating", "People"), [(label, _count(Cell(label, n))) for label, n in _bins(d)])
        about = _about_bins(d)
        if about:
            lines += [md.escape_line(about), ""]
    (t1, a1), (t2, a2), (t3, a3), (t4, a4) = SECTIONS
    lines += [md.heading(2, t1), "", md.escape_line(a1), ""]
    lines += _md_table(("Culture type", "People"), [(c.label, _count(c)) for c in profile.cultures])
    lines += [md.heading(2, t2), "", md.escape_line(a2), "", *_md_practices(profile.observed)]
    lines += [md.heading(2, t3), "", md.escape_line(a3), "", *_md_practices(profile.connecting)]
    lines += [md.heading(2, t4), "", md.escape_line(a4), ""]
    lines += _md_table(("Strategy", "People"), [(c.label, _count(c)) for c in profile.strategies])
    lines += [md.heading(2, RISK_SECTION[0]), "", md.escape_line(RISK_SECTION[1]), ""]
    lines += _md_table(("Risk", "Steps"), [(c.label, _count(c)) for c in profile.risk_mix])
    lines += [md.escape_line(CLOSING)]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- HTML -------------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()))


def _figure(
    title: str, rows: Sequence[tuple[str, int | None]], caption: str, max_value: int, label_width: int = 250
) -> str:
    chart = counts(rows, title=title, max_value=max_value, label_width=label_width)
    # The caption carries the same figures in words, for screen readers and for copying.
    figures = "; ".join(f"{label}: {SUPPRESSED_TEXT if n is None else n}" for label, n in rows)
    return f"<figure>{chart}<figcaption>{_e(caption)} {_e(figures)}.</figcaption></figure>\n"


def _h_practices(title: str, counts: PracticeCounts, n: int) -> str:
    out = ""
    if counts.most:
        out += "<h3>Most ticked</h3>\n" + _figure(
            f"{title}: most ticked", [(c.label, c.count) for c in counts.most], "People who ticked each.", n
        )
    if counts.least:
        out += "<h3>Least ticked</h3>\n" + _figure(
            f"{title}: least ticked", [(c.label, c.count) for c in counts.least], "People who ticked each.", n
        )
    if counts.few:
        out += f"<h3>Ticked by fewer than {MIN_CELL} people (not counted)</h3>\n<ul>"
        out += "".join(f"<li>{_e(x)}</li>" for x in counts.few) + "</ul>\n"
    if counts.nobody:
        out += "<h3>Ticked by nobody</h3>\n<ul>" + "".join(f"<li>{_e(x)}</li>" for x in counts.nobody) + "</ul>\n"
    return out or "<p>Nobody ticked any of these.</p>\n"


def profile_html(profile: ClassProfile) -> str:
    n = profile.with_assessment
    first = f'<h1>{_e(_title(profile))}</h1>\n<p>{_e(_who(profile))}</p>\n<p class="note">{_e(_privacy(profile))}</p>\n'
    steps = max((c.count or 0 for c in profile.risk_mix), default=0) or 1
    risk = f"<h2>{_e(RISK_SECTION[0])}</h2>\n<p>{_e(RISK_SECTION[1])}</p>\n" + _figure(
        RISK_SECTION[0], _risk_rows(profile), "Steps at each risk.", steps
    )
    if profile.small:
        brief = f'<p class="note">{_e(SMALL_NOTE)}</p>\n<h2>In brief</h2>\n<ul>'
        brief += "".join(f"<li>{_e(x)}</li>" for x in _small_lines(profile)) + "</ul>\n"
        return page(_title(profile), [first + brief + risk + f'<p class="note">{_e(CLOSING)}</p>\n'])
    good = (
        "<h2>The five good things</h2>\n<p>How the group rated each good thing in their setting (Miller, 1986).</p>\n"
    )
    for d in profile.good_things:
        good += f"<h3>{_e(d.name)}</h3>\n"
        if d.bins:
            good += _figure(d.name, _bins(d), _scale(d), n, label_width=110)
        about = _about_bins(d)
        if about:
            good += f'<p class="note">{_e(about)}</p>\n'
    (t1, a1), (t2, a2), (t3, a3), (t4, a4) = SECTIONS
    cultures = f"<h2>{_e(t1)}</h2>\n<p>{_e(a1)}</p>\n" + _figure(
        t1, [(c.label, c.count) for c in profile.cultures], "People for whom each type stood out.", n
    )
    observed = f"<h2>{_e(t2)}</h2>\n<p>{_e(a2)}</p>\n" + _h_practices(t2, profile.observed, n)
    connecting = f"<h2>{_e(t3)}</h2>\n<p>{_e(a3)}</p>\n" + _h_practices(t3, profile.connecting, n)
    strategies = f"<h2>{_e(t4)}</h2>\n<p>{_e(a4)}</p>\n" + _figure(
        t4, [(c.label, c.count) for c in profile.strategies], "People who chose each strategy.", n
    )
    strategies += risk + f'<p class="note">{_e(CLOSING)}</p>\n'
    return page(_title(profile), [first + good, cultures + strategies, observed, connecting])
