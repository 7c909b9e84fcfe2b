"""`rct progress --html FILE`: one printable page with SVG charts per setting."""

from __future__ import annotations

from html import escape

from rct_workbook.dates import as_date, human
from rct_workbook.journal.progress import Progress, SettingProgress
from rct_workbook.model.charts import movement
from rct_workbook.model.good_things import GOOD_THINGS

#: Each line of a chart, in px: tall enough to read a movement of one point on paper.
ROW_HEIGHT = 48

STYLE = """
body { font-family: sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h2 { break-after: avoid; page-break-after: avoid; }
svg { max-width: 100%; height: auto; display: block; margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; break-inside: avoid; page-break-inside: avoid; }
td, th { padding: 0.2rem 0.6rem; border: 1px solid #ccc; text-align: left; }
caption { text-align: left; font-weight: bold; padding: 0.4rem 0; }
table.steps td { text-align: right; min-width: 3rem; }
.note { color: #555; }
"""


def _setting_html(data: SettingProgress, culture_names: dict[str, str]) -> list[str]:
    points = data.points
    out = [f"<h2>{escape(data.setting)}</h2>"]
    out.append(f'<p class="note">{data.assessments} assessment{"s" if data.assessments != 1 else ""}.</p>')
    dates = [p.date for p in points]
    if len(points) >= 2:
        out.append(
            movement(
                dates,
                [(name, [p.ratings.get(g) for p in points]) for g, name in GOOD_THINGS.items()],
                title=f"The five good things over time, 1 to 5 ({data.setting})",
                row_h=ROW_HEIGHT,
            )
        )
        names = sorted({n for p in points for n in p.profile})
        if names:
            # Each culture type's share of its practices ticked, in percent.
            out.append(
                movement(
                    dates,
                    [(culture_names.get(n, n), [round(100 * p.profile.get(n, 0.0)) for p in points]) for n in names],
                    scale=100,
                    percent=True,
                    row_h=ROW_HEIGHT,
                    title=f"Culture mix over time: each type's share of the practices ticked, in % ({data.setting})",
                )
            )
    else:
        out.append("<p>Movement shows from the second assessment with ratings in this setting.</p>")
    s = data.steps
    counted = [
        ("Planned", s.planned),
        ("Done", s.done),
        ("Tried", s.tried),
        ("Carried forward", s.carried),
        ("Dropped", s.dropped),
        ("Open", s.open),
    ]
    out.append('<table class="steps"><caption>Small steps</caption>')
    out.append("".join(f'<tr><th scope="row">{name}</th><td>{count}</td></tr>' for name, count in counted))
    out.append("</table>")
    if data.next_check_in:
        day = as_date(data.next_check_in)
        out.append(f"<p><strong>Next check-in: {escape(human(day) if day else data.next_check_in)}.</strong></p>")
    return out


def progress_html(data: Progress, *, culture_names: dict[str, str], disclaimer: str) -> str:
    """The whole page. Everything typed by a person is escaped; there are no scripts or links out."""
    body = [
        "<h1>Your progress</h1>",
        '<p class="note">Movement is read only between assessments of the same setting, in order of time. '
        "A reflective record, not a measure.</p>",
    ]
    for setting in data.settings:
        body += _setting_html(setting, culture_names)
    body.append(f'<p class="note">{escape(disclaimer)}</p>')
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="referrer" content="no-referrer">\n'
        "<title>Your progress (rct-workbook)</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
