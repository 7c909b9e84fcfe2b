"""A workshop plan as Markdown, or as one printable HTML page (one printed page per part,
handouts at the end). Content text is escaped for the format; nothing is fetched."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from rct_workbook.model import commonmark as md
from rct_workbook.model import schema as s
from rct_workbook.model.answers import plural
from rct_workbook.model.content import Content
from rct_workbook.render.printable import page
from rct_workbook.workshop import AgendaItem, CasePart, Plan, RehearsalPlan

SMALL_STEP_LINES = 4


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _groups_line(plan: Plan) -> str:
    sizes = plan.group_sizes
    if len(sizes) == 1:
        return f"{plan.participants} participants work as one group of {sizes[0]}."
    counts = ", ".join(f"{sizes.count(n)} of {n}" for n in sorted(set(sizes), reverse=True))
    return f"{plan.participants} participants in {len(sizes)} small groups ({counts})."


def _intro(plan: Plan) -> str:
    if plan.case_source != "built-in":
        source = "The case and its notes come from a content pack, not from the paper."
    elif plan.from_paper:
        source = "The case is the paper's, and where the paper is silent the notes say so."
    else:
        cited = f": it comes from {plan.case.cite[0]}" if plan.case.cite else ""
        source = f"The case is not the paper's{cited}."
    return (
        f"A facilitator's plan for {plan.minutes} minutes with {plan.participants} participants, "
        f"after Hartling and Sparks (2002). It is a reflective exercise, not a diagnostic one. {source}"
    )


RESOURCES_INTRO = (
    "The personal resources the workbook's care note names, to have at hand "
    "(a trainer's content pack can give the local names and numbers):"
)


def _resource(r: s.Resource) -> str:
    return f"{r.name}: {r.detail}" + (f" Contact: {r.contact}." if r.contact else "")


def _sources(content: Content, cites: Iterable[str]) -> list[str]:
    by_cite = {r.cite: r for r in content.references.values()}
    out = []
    for cite in cites:
        ref = by_cite.get(cite)
        if ref is None:
            out.append(cite)
            continue
        if ref.year is None and not ref.title:  # not a publication: named for what it is
            out.append(f"{ref.cite}: {ref.authors}.")
            continue
        title = f", {ref.title}" if ref.title else ""
        year = f" ({ref.year})" if ref.year is not None else ""
        out.append(f"{ref.authors}{year}{title}.")
    return out


def _rehearsal_roles(plan: Plan, rehearsal: s.Rehearsal) -> str:
    need = len(rehearsal.roles)
    smallest, largest = min(plan.group_sizes), max(plan.group_sizes)
    if smallest >= need and largest == need:
        return f"Each group plays all {need} roles."
    parts = []
    if smallest < need:
        left = need - smallest
        parts.append(f"a group of {smallest} leaves out the last {'role' if left == 1 else f'{left} roles'} listed")
    if largest > need:
        parts.append(f"a group of {largest} adds {plural(largest - need, 'observer')}")
    return "The roles are listed in order of need: " + "; ".join(parts) + "."


# --- Markdown ---------------------------------------------------------------------------------


def _md_stage(title: str, notes: Sequence[str], questions: Sequence[str], cites: Sequence[str]) -> list[str]:
    lines = [md.heading(3, title), "", md.bullet_list(notes), ""]
    if questions:
        lines += [md.heading(4, "Questions to ask"), "", md.numbered_list(questions), ""]
    lines += [md.escape_line(f"Sources: {'; '.join(cites)}."), ""]
    return lines


def _md_part(part: CasePart) -> list[str]:
    lines = [md.heading(3, f"Part {part.number}: {part.title} ({part.minutes} minutes)"), ""]
    if part.care:
        lines += [md.escape_line(f"Care: {part.care}"), ""]
    if part.shows:
        shows = f"What it shows ({', '.join(part.steps)}): " if part.steps else "What it shows: "
        lines += [md.escape_line(shows + part.shows), ""]
    lines += [md.escape_line("Ask:"), "", md.bullet_list(part.ask), ""]
    return lines


def _md_rehearsal(plan: Plan, rp: RehearsalPlan) -> list[str]:
    r = rp.rehearsal
    lines = [md.escape_line(r.summary), "", md.escape_line(r.background), ""]
    lines += [md.heading(3, "The scene"), "", md.escape_line(r.scene), ""]
    lines += [md.heading(3, "Roles"), "", md.bullet_list([f"{x.name}: {x.brief}" for x in r.roles]), ""]
    lines += [md.escape_line(_rehearsal_roles(plan, r)), ""]
    lines += [md.heading(3, "A script to start from"), ""]
    lines += [md.bullet_list([f"{x.role}: {x.says}" for x in r.script]), ""]
    phases = [f"{name}: {mins} minutes" for name, mins in rp.phases]
    lines += [md.heading(3, "Running it"), "", md.numbered_list(phases), "", md.bullet_list(r.steps), ""]
    lines += [md.heading(3, "Debrief questions"), "", md.numbered_list(r.debrief), ""]
    lines += [md.escape_line(f"Sources: {'; '.join(r.cite)}."), ""]
    step_out = plan.facilitation.step_out
    if step_out is not None:
        lines += _md_stage("After the role-play: step out of role", step_out.notes, (), step_out.cite)
    return lines


def plan_markdown(plan: Plan, content: Content) -> str:
    f = plan.facilitation
    lines = [md.heading(1, f"Workshop plan: {plan.case.title}"), "", md.escape_line(_intro(plan)), ""]
    lines += [md.heading(2, "Agenda"), "", "| Start | Minutes | Part |", "| --- | --- | --- |"]
    lines += [f"| {clock(a.start)} | {a.minutes} | {md.escape_line(a.title)} |" for a in plan.agenda]
    lines += [f"| {clock(plan.minutes)} | | End ({plan.minutes} minutes in all) |", ""]
    lines += [md.escape_line(_groups_line(plan)), ""]
    lines += [md.heading(2, "Care for the room"), ""]
    for paragraph in plan.care:
        lines += [md.escape_line(paragraph), ""]
    if plan.resources:
        lines += [md.escape_line(RESOURCES_INTRO), "", md.bullet_list([_resource(r) for r in plan.resources]), ""]
    for item in plan.agenda:
        lines += [md.heading(2, f"{clock(item.start)} {item.title} ({item.minutes} minutes)"), ""]
        lines += _md_item(plan, item, f)
    lines += [md.heading(2, "Sources"), "", md.bullet_list(_sources(content, plan.cites)), ""]
    lines += [md.heading(2, "Handouts"), ""]
    lines += [md.heading(3, f"Handout: {plan.case.title}"), ""]
    if plan.case.care_note:
        lines += [md.escape_line(plan.case.care_note), ""]
    for part in plan.parts:
        lines += [md.heading(4, f"Part {part.number}: {part.title}"), ""]
        lines += [p for text in part.text for p in (md.escape_line(text), "")]
    for rp in plan.rehearsals:
        lines += _md_role_cards(rp.rehearsal)
    lines += [md.heading(3, "Handout: my one small step"), ""]
    for prompt in f.small_step.questions:
        lines += [md.escape_line(prompt), "", *_md_write_lines(SMALL_STEP_LINES), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_write_lines(count: int) -> list[str]:
    line = ". " * 36
    return ["\\\n".join([line.strip()] * count)]


def _md_role_cards(r: s.Rehearsal) -> list[str]:
    lines = [md.heading(3, f"Handout: {r.title}"), "", md.escape_line(r.scene), ""]
    for role in r.roles:
        lines += [md.heading(4, role.name), "", md.escape_line(role.brief), ""]
        said = [x.says for x in r.script if x.role == role.name]
        if said:
            lines += [md.escape_line("You start with: " + " / ".join(said)), ""]
    return lines


def _md_item(plan: Plan, item: AgendaItem, f: s.Facilitation) -> list[str]:
    if item.key == "opening":
        return _md_stage("Notes", f.opening.notes, f.opening.questions, f.opening.cite)
    if item.key == "reading":
        lines = _md_stage("Notes", f.reading.notes, (), f.reading.cite)
        if not plan.has_guide:
            lines += [md.escape_line("There is no facilitator's guide for this case: ask the general question."), ""]
        for part in plan.parts:
            lines += _md_part(part)
        return lines
    if item.key == "groups":
        lines = [md.escape_line(_groups_line(plan)), ""]
        lines += _md_stage("Notes", f.groups.notes, (), f.groups.cite)
        lines += [md.heading(3, "What the case shows of each step"), ""]
        lines += [md.bullet_list([f"{name}: {text}" for name, text in plan.case_steps]), ""]
        questions = (*f.groups.questions, *plan.case.discussion_questions)
        lines += [md.heading(3, "Questions to ask"), "", md.numbered_list(questions), ""]
        return lines
    if item.key == "break":
        return [md.escape_line("A break. Say when the next part starts."), ""]
    if item.key == "rehearsal":
        return _md_rehearsal(plan, plan.rehearsals[item.index])
    if item.key == "plenary":
        return _md_stage("Notes", f.plenary.notes, f.plenary.questions, f.plenary.cite)
    return _md_stage("Notes", f.small_step.notes, f.small_step.questions, f.small_step.cite)


# --- HTML -------------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()))


def _ul(items: Iterable[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_e(i)}</li>" for i in items) + f"</{tag}>\n"


def _h_stage(notes: Sequence[str], questions: Sequence[str], cites: Sequence[str]) -> str:
    out = "<h3>Notes</h3>\n" + _ul(notes)
    if questions:
        out += "<h3>Questions to ask</h3>\n" + _ul(questions, ordered=True)
    return out + f'<p class="cite">Sources: {_e("; ".join(cites))}.</p>\n'


def _h_item(plan: Plan, item: AgendaItem, f: s.Facilitation) -> str:
    if item.key == "opening":
        return _h_stage(f.opening.notes, f.opening.questions, f.opening.cite)
    if item.key == "reading":
        out = _h_stage(f.reading.notes, (), f.reading.cite)
        if not plan.has_guide:
            out += "<p>There is no facilitator's guide for this case: ask the general question.</p>\n"
        for part in plan.parts:
            out += f"<h3>Part {part.number}: {_e(part.title)} <small>({part.minutes} minutes)</small></h3>\n"
            if part.care:
                out += f'<p class="care">{_e(part.care)}</p>\n'
            if part.shows:
                label = f"What it shows ({', '.join(part.steps)})" if part.steps else "What it shows"
                out += f"<p><strong>{_e(label)}:</strong> {_e(part.shows)}</p>\n"
            out += "<p><strong>Ask:</strong></p>\n" + _ul(part.ask)
        return out
    if item.key == "groups":
        out = f"<p>{_e(_groups_line(plan))}</p>\n" + _h_stage(f.groups.notes, (), f.groups.cite)
        out += "<h3>What the case shows of each step</h3>\n<dl>"
        out += "".join(f"<dt>{_e(name)}</dt><dd>{_e(text)}</dd>" for name, text in plan.case_steps) + "</dl>\n"
        questions = (*f.groups.questions, *plan.case.discussion_questions)
        return out + "<h3>Questions to ask</h3>\n" + _ul(questions, ordered=True)
    if item.key == "break":
        return "<p>A break. Say when the next part starts.</p>\n"
    if item.key == "rehearsal":
        rp = plan.rehearsals[item.index]
        r = rp.rehearsal
        out = f"<p>{_e(r.summary)}</p>\n<p>{_e(r.background)}</p>\n<h3>The scene</h3>\n<p>{_e(r.scene)}</p>\n"
        out += "<h3>Roles</h3>\n<dl>" + "".join(f"<dt>{_e(x.name)}</dt><dd>{_e(x.brief)}</dd>" for x in r.roles)
        out += f"</dl>\n<p>{_e(_rehearsal_roles(plan, r))}</p>\n<h3>A script to start from</h3>\n"
        out += '<dl class="script">' + "".join(f"<dt>{_e(x.role)}</dt><dd>{_e(x.says)}</dd>" for x in r.script)
        out += "</dl>\n<h3>Running it</h3>\n" + _ul([f"{n}: {m} minutes" for n, m in rp.phases], ordered=True)
        out += _ul(r.steps) + "<h3>Debrief questions</h3>\n" + _ul(r.debrief, ordered=True)
        out += f'<p class="cite">Sources: {_e("; ".join(r.cite))}.</p>\n'
        step_out = f.step_out
        if step_out is not None:
            out += "<h3>After the role-play: step out of role</h3>\n" + _ul(step_out.notes)
            out += f'<p class="cite">Sources: {_e("; ".join(step_out.cite))}.</p>\n'
        return out
    if item.key == "plenary":
        return _h_stage(f.plenary.notes, f.plenary.questions, f.plenary.cite)
    return _h_stage(f.small_step.notes, f.small_step.questions, f.small_step.cite)


def plan_html(plan: Plan, content: Content) -> str:
    f = plan.facilitation
    title = f"Workshop plan: {plan.case.title}"
    rows = "".join(f"<tr><td>{clock(a.start)}</td><td>{a.minutes}</td><td>{_e(a.title)}</td></tr>" for a in plan.agenda)
    first = (
        f"<h1>{_e(title)}</h1>\n<p>{_e(_intro(plan))}</p>\n<h2>Agenda</h2>\n"
        f'<table class="agenda"><thead><tr><th>Start</th><th>Minutes</th><th>Part</th></tr></thead>'
        f"<tbody>{rows}<tr><td>{clock(plan.minutes)}</td><td></td>"
        f"<td>End ({plan.minutes} minutes in all)</td></tr></tbody></table>\n"
        f"<p>{_e(_groups_line(plan))}</p>\n<h2>Care for the room</h2>\n"
        + "".join(f'<p class="care">{_e(c)}</p>' for c in plan.care)
        + (f"<p>{_e(RESOURCES_INTRO)}</p>\n" + _ul(_resource(r) for r in plan.resources) if plan.resources else "")
    )
    # The facilitator's notes run on from part to part (a page each left short parts, such as
    # the break, nearly empty); each handout starts a sheet of its own, to be handed out.
    # The last part and the sources are kept together, so no sheet holds only the sources.
    notes = first
    for number, item in enumerate(plan.agenda, 1):
        when = f"{item.minutes} minutes, {clock(item.start)} to {clock(item.start + item.minutes)}"
        head = f'<h2>{_e(item.title)}</h2>\n<p class="when">{when}</p>\n'
        if number == len(plan.agenda):
            notes += '<div class="keep">'
        notes += f'<div class="part">{head}{_h_item(plan, item, f)}</div>\n'
    sources = "".join(f"<li>{_e(s)}</li>" for s in _sources(content, plan.cites))
    pages = [notes + f'<h2>Sources</h2>\n<ul class="sources">{sources}</ul></div>\n']
    case = f'<h2 class="handout">Handout: {_e(plan.case.title)}</h2>\n'
    if plan.case.care_note:
        case += f'<p class="care">{_e(plan.case.care_note)}</p>\n'
    for part in plan.parts:
        case += f"<h3>Part {part.number}: {_e(part.title)}</h3>\n" + "".join(f"<p>{_e(t)}</p>" for t in part.text)
    pages.append(case)
    for rp in plan.rehearsals:
        r = rp.rehearsal
        cards = f'<h2 class="handout">Handout: {_e(r.title)}</h2>\n<p>{_e(r.scene)}</p>\n'
        for role in r.roles:
            said = [x.says for x in r.script if x.role == role.name]
            start = f"<p><em>You start with:</em> {_e(' / '.join(said))}</p>" if said else ""
            cards += f'<div class="card"><h3>{_e(role.name)}</h3><p>{_e(role.brief)}</p>{start}</div>\n'
        pages.append(cards)
    step = '<h2 class="handout">Handout: my one small step</h2>\n'
    for prompt in f.small_step.questions:
        # Room to write by hand: the sheet is filled, not a few lines at its top.
        step += f"<p>{_e(prompt)}</p>\n" + '<div class="line"></div>' * (2 * SMALL_STEP_LINES) + "\n"
    pages.append(step)
    return page(title, pages)
