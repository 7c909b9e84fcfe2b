"""Terminal views of the model: the `rct learn` topics, vignettes, and content listings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text

from rct_workbook.model.content import Content
from rct_workbook.model.schema import Concept, Vignette
from rct_workbook.render.safe import text
from rct_workbook.render.terminal import Ui

Views = list[RenderableType]


def _cites(cite: tuple[str, ...]) -> str:
    return f"({'; '.join(cite)})" if cite else ""


def _concept(ui: Ui, concept: Concept | None) -> Views:
    if concept is None:
        return []
    out: Views = [ui.heading(concept.title)]
    out.extend(ui.para(p) for p in concept.body)
    if concept.quote:
        out.append(ui.para(f"Key phrase: “{concept.quote}”", "italic"))
    out.append(ui.para(_cites(concept.cite), "dim"))
    return out


def framework(ui: Ui, content: Content) -> Views:
    out: Views = [
        ui.title(
            "The framework: four steps (after the paper's Figure 1)",
            "Adapted from Ward (2000) by Hartling & Sparks (2002)",
        )
    ]
    out.extend(_concept(ui, content.concepts.get("support-first")))
    out.append(ui.heading("The four steps"))
    out.append(
        ui.table(
            ["", "Step", "What it asks of you"],
            ((str(s.number), s.name, s.summary) for s in content.steps.values()),
            ratios=[0, 2, 7],
        )
    )
    for step in content.steps.values():
        out.append(ui.heading(f"Step {step.number}: {step.name}"))
        out.append(ui.para(step.purpose))
        out.extend(ui.para(d) for d in step.details)
        out.append(text("Questions to reflect on", "bold"))
        out.append(ui.bullets(step.questions))
        out.append(ui.para(_cites(step.cite), "dim"))
    for key in (
        "visionary-pragmatist",
        "power-and-position",
        "courage",
        "several-settings",
        "sustaining-oneself",
        "ongoing-conversation",
    ):
        out.extend(_concept(ui, content.concepts.get(key)))
    return out


def good_things(ui: Ui, content: Content) -> Views:
    out: Views = [ui.title("The five good things and their opposites", "Miller (1986); read as Step 1 of the model")]
    out.append(
        ui.table(["Good thing", "Its opposite"], ((g.name, g.opposite_name) for g in content.good_things.values()))
    )
    for g in content.good_things.values():
        out.append(ui.heading(g.name))
        out.append(ui.para(g.description))
        out.append(ui.para(f"Opposite — {g.opposite_name}: {g.opposite}"))
        out.append(ui.para(_cites(g.cite), "dim"))
    return out


def continuum(ui: Ui, content: Content) -> Views:
    c = content.the_continuum
    out: Views = [ui.title(c.title, "After the paper's Figure 2: movement, not a verdict")]
    out.extend(ui.para(p) for p in c.body)
    out.append(
        text(
            f"{c.toward_disconnection}  ◄──────────►  {c.toward_connection}"
            if not ui.plain
            else f"{c.toward_disconnection} <----> {c.toward_connection}",
            "bold",
        )
    )
    out.append(Text(""))
    out.append(
        ui.table(
            ["Mean rating", "Reading"],
            ((f"{b.min:.1f} to {b.max:.1f}", f"{b.label}: {b.description}") for b in c.bands),
            ratios=[0, 1],
        )
    )
    out.append(ui.para(_cites(c.cite), "dim"))
    for key in ("binary-thinking", "strategies-of-survival", "central-relational-paradox"):
        out.extend(_concept(ui, content.concepts.get(key)))
    return out


def cultures(ui: Ui, content: Content) -> Views:
    out: Views = [
        ui.title(
            "Three nonrelational culture types (Figures 3–5)",
            "Over-generalisations to start a conversation; real settings mix them",
        )
    ]
    out.extend(_concept(ui, content.concepts.get("nonrelational-settings")))
    items = list(content.cultures.values())
    out.append(ui.heading("Challenges and opportunities side by side"))
    table = ui.table([c.name for c in items], [])
    table.add_row(*(text("Challenges", "bold") for _ in items))
    table.add_row(*(text("\n".join(f"- {' '.join(x.split())}" for x in c.challenges)) for c in items))
    table.add_row(*(Text("") for _ in items))
    table.add_row(*(text("Opportunities", "bold") for _ in items))
    table.add_row(*(text("\n".join(f"- {' '.join(x.split())}" for x in c.opportunities)) for c in items))
    out.append(table)
    for culture in items:
        out.append(ui.heading(f"{culture.name}{' (' + culture.figure + ')' if culture.figure else ''}"))
        out.append(ui.para(culture.summary, "bold"))
        out.extend(ui.para(p) for p in culture.description)
        out.append(text("Often found in", "bold"))
        out.append(ui.bullets(culture.found_in))
        out.append(text("What you might notice", "bold"))
        out.append(ui.bullets(p.text for p in culture.indicators))
        out.append(text("Risks to weigh", "bold"))
        out.append(ui.bullets(culture.risks))
        out.append(ui.para(_cites(culture.cite), "dim"))
    return out


def opposition(ui: Ui, content: Content) -> Views:
    out: Views = [
        ui.title("Healthy and unhealthy opposition (after the paper's Figure 6)", "Step 3, after Ward (2000)")
    ]
    healthy = [o for o in content.opposition.values() if o.quality == "healthy"]
    unhealthy = [o for o in content.opposition.values() if o.quality == "unhealthy"]
    rows = []
    for i in range(max(len(healthy), len(unhealthy))):
        rows.append((healthy[i].name if i < len(healthy) else "", unhealthy[i].name if i < len(unhealthy) else ""))
    out.append(ui.table(["Healthy: toward connection", "Unhealthy: toward disconnection"], rows))
    for option in [*healthy, *unhealthy]:
        out.append(ui.heading(f"{option.name} ({option.quality})"))
        out.append(ui.para(option.description))
        out.append(ui.para(_cites(option.cite), "dim"))
    out.extend(_concept(ui, content.concepts.get("good-conflict")))
    return out


_FAMILY = {
    "fletcher": "Fletcher's four strategies",
    "practice": "Practices from the paper",
    "ward": "After Ward",
    "jordan": "Jordan's recommendations",
}


def strategies(ui: Ui, content: Content) -> Views:
    out: Views = [
        ui.title(
            "Strategies for opposing and replacing",
            "Fletcher (1999), Jordan (2002), Meyerson & Fletcher (2000), and more",
        )
    ]
    for family, heading in _FAMILY.items():
        group = [x for x in content.strategies.values() if x.family == family]
        if not group:
            continue
        out.append(ui.heading(heading))
        out.append(ui.table(["Strategy", "In short"], ((x.name, x.summary) for x in group), ratios=[1, 3]))
        for x in group:
            out.append(text(x.name, "bold"))
            out.append(ui.para(x.description))
            if x.quote:
                out.append(ui.para(f"Key phrase: “{x.quote}”", "italic"))
            if x.example:
                out.append(ui.para(f"In the paper: {x.example}"))
            out.append(ui.para(_cites(x.cite), "dim"))
    return out


def glossary(ui: Ui, content: Content) -> Views:
    out: Views = [ui.title("Glossary", "The RCT terms the paper uses")]
    for term in sorted(content.glossary.values(), key=lambda t: t.term.lower()):
        out.append(text(term.term, "bold"))
        out.append(ui.para(f"{term.definition} {_cites(term.cite)}"))
    return out


def references(ui: Ui, content: Content) -> Views:
    m = content.meta.source
    out: Views = [ui.title("References", f"Source: {m.authors} ({m.year}). {m.title}.")]
    out.append(
        ui.para("The works below are cited in the source paper; details are given as the paper gives them.", "italic")
    )
    for ref in sorted(content.references.values(), key=lambda r: (r.cite.lower(), r.year or 0)):
        title = f" {ref.title}." if ref.title else ""
        out.append(text(f"{ref.cite}", "bold"))
        year = f" ({ref.year})" if ref.year is not None else ""
        out.append(ui.para(f"{ref.authors}{year}.{title} {ref.used_for}"))
    return out


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    view: Callable[[Ui, Content], Views]


TOPICS: dict[str, Topic] = {
    t.name: t
    for t in (
        Topic("framework", "Support first, then the four steps: Read it, Name it, Oppose it, Replace it", framework),
        Topic("good-things", "The five good things and their opposites (Miller, 1986)", good_things),
        Topic(
            "continuum", "The continuum of connection; survival strategies; the central relational paradox", continuum
        ),
        Topic("cultures", "Hierarchical, pseudo-relational and survival cultures", cultures),
        Topic("opposition", "Healthy and unhealthy options for opposition; waging good conflict", opposition),
        Topic("strategies", "Naming, norming, negotiating, networking, and other strategies", strategies),
        Topic("glossary", "The RCT terms used", glossary),
        Topic("references", "The works the paper cites", references),
    )
}


def topic_list(ui: Ui) -> Views:
    return [
        ui.title(
            "rct learn: the model in the paper",
            "Hartling & Sparks (2002), Relational-Cultural Practice: Working in a Nonrelational World",
        ),
        ui.table(["Topic", "What it covers"], ((t.name, t.title) for t in TOPICS.values()), ratios=[1, 3]),
        Text(""),
        text("Show one with: rct learn TOPIC   (for example: rct learn framework)"),
    ]


# --- vignettes -----------------------------------------------------------------------------


def vignette_list(ui: Ui, content: Content) -> Views:
    rows = []
    for v in content.vignettes.values():
        culture = content.cultures[v.culture].name if v.culture in content.cultures else "—"
        rows.append((v.id, v.protagonist, culture, v.setting))
    papers = sum(content.from_the_paper(v) for v in content.vignettes.values())
    others = len(content.vignettes) - papers
    about = "Cases from Hartling & Sparks (2002) to study and reflect on"
    if others:  # a pack's own case, or one shipped from elsewhere
        elsewhere = "1 from another source" if others == 1 else f"{others} from other sources"
        about = f"Cases to study and reflect on: {papers} from Hartling & Sparks (2002) and {elsewhere}"
    return [
        ui.title("Vignettes", about),
        ui.table(["Name", "Protagonist", "Culture", "Setting"], rows, ratios=[2, 3, 4, 7]),
        Text(""),
        text("Study one with: rct vignette NAME   (for example: rct vignette paula)"),
    ]


def vignette_pages(ui: Ui, content: Content, v: Vignette) -> list[Views]:
    """The case as pages, in reading order: the setting, each part, then how it turned out.

    Facts marked ``reveals`` wait for the last page, so nothing before the parts gives the
    outcome away; the reading step by step, which names what happened, follows the outcome.
    """
    culture = content.cultures.get(v.culture) if v.culture else None
    first: Views = [ui.title(v.title, f"Culture: {culture.name}" if culture else None)]
    if v.care_note:
        first.append(ui.note(v.care_note))
    first.append(ui.heading("The setting"))
    first.append(ui.facts((f.label, f.value) for f in v.facts if not f.reveals))
    people = [(p.name, p.role) for p in v.people if not p.reveals]
    if people:
        first.append(text("People", "bold"))
        first.append(ui.facts(people))
    pages = [first]
    for i, part in enumerate(v.parts, 1):
        page: Views = [ui.heading(f"Part {i} of {len(v.parts)}: {part.title}")]
        page.extend(ui.para(p) for p in part.text)
        pages.append(page)
    last: Views = [ui.heading("Outcome")]
    revealed = [(f.label, f.value) for f in v.facts if f.reveals]
    if revealed:
        last.append(ui.facts(revealed))
    later = [(p.name, p.role) for p in v.people if p.reveals]
    if later:
        last.append(text("Who else took part", "bold"))
        last.append(ui.facts(later))
    last.append(ui.para(v.outcome))
    last.append(ui.heading("Reading the case step by step"))
    rows = [
        (content.steps[sid].name if sid in content.steps else sid, v.steps[sid])
        for sid in content.steps
        if sid in v.steps
    ]
    last.append(ui.table(["Step", "In this case"], rows, ratios=[1, 4]))
    if v.strategies:
        last.append(ui.heading("Strategies"))
        rows = [(content.strategies[u.strategy].name, u.how) for u in v.strategies]
        last.append(ui.table(["Strategy", "How it shows"], rows, ratios=[1, 4]))
    last.append(ui.heading("For discussion in peer supervision"))
    last.append(ui.numbered(v.discussion_questions))
    last.append(ui.para(f"Source: {'; '.join(v.cite)}", "dim"))
    pages.append(last)
    return pages


def vignette(ui: Ui, content: Content, v: Vignette) -> Views:
    """The whole case on one page (piped output, --no-reflect)."""
    return [item for page in vignette_pages(ui, content, v) for item in page]
