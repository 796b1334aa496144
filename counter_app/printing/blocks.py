"""Building blocks the documents share: bilingual labels, field grids, sections, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.domain.rules import Label
from counter_app.printing import styles
from counter_app.printing.data import StaffMember
from counter_app.printing.fonts import FONT_NAME
from counter_app.printing.ruled import Ruled
from counter_app.printing.text import Run, TextCell

CLERK_SIGNS = Label("经办柜员签章", "Clerk")  # the clerk's signature box on every document
EMPTY = "—"  # a field with nothing recorded, so a blank is never mistaken for one left out
Cell = Flowable | str
PAD = 2.5  # points of padding inside grid cells


def text(value: str | None, style: ParagraphStyle = styles.VALUE) -> TextCell:
    """Caller data as it is: a name with `&` or `<` is text, never markup."""
    return TextCell([[Run(value or EMPTY, style.fontSize)]], style)


def caption(label: Label, style: ParagraphStyle = styles.LABEL, stacked: bool = False) -> TextCell:
    """A field label: Chinese, the English subtitle beside it, or under it when `stacked` or
    when it does not fit beside."""
    under = [[Run(label.zh, style.fontSize)], [_subtitle(label.en)]]
    if stacked:
        return TextCell(under, style)
    return TextCell([_beside(label, style)], style, narrow=under)


def named(label: Label | None, style: ParagraphStyle = styles.VALUE) -> TextCell:
    """An enum value: 换卡 Replacement (the English under the Chinese where narrow)."""
    if label is None:
        return text(None, style)
    under = [[Run(label.zh, style.fontSize)], [_subtitle(label.en)]]
    return TextCell([_beside(label, style)], style, narrow=under)


def staff(member: StaffMember | None, missing: Label | None = None) -> TextCell:
    """王芳（工号 0101）; `missing` (e.g. 待复核) when nobody is named yet."""
    if member is None:
        return named(missing)
    return text(f"{member.name}（工号 {member.staff_no}）")


def items(labels: Sequence[Label], style: ParagraphStyle = styles.VALUE) -> TextCell:
    """A short bilingual list in one cell: 1. 居民身份证原件 Original ID …, one a line."""
    lines = [
        [Run(f"{number}. {label.zh} ", style.fontSize), _subtitle(label.en)]
        for number, label in enumerate(labels, start=1)
    ]
    return TextCell(lines or [[Run(EMPTY, style.fontSize)]], style)


@dataclass(frozen=True)
class Field:
    """A labelled value; a wide one (an address, a long name) takes a whole row."""

    label: Label
    value: Cell | None
    wide: bool = False


def grid(
    fields: Sequence[Field], width: float, pairs_per_row: int = 2, label_share: float = 0.4
) -> Flowable:
    """Fields in a ruled grid, in order, `pairs_per_row` side by side; shaded labels."""
    rows: list[list[Field]] = []
    for field in fields:
        last = rows[-1] if rows else None
        if field.wide or last is None or last[0].wide or len(last) == pairs_per_row:
            rows.append([field])
        else:
            last.append(field)
    pair = width / pairs_per_row
    label_width = pair * label_share
    # One layout for every label of the grid: a mix of one- and two-line labels looks ragged.
    room = label_width - 2 * PAD
    stacked = any(sum(r.width for r in _beside(f.label, styles.LABEL)) > room for f in fields)
    cells: list[list[Cell]] = []
    commands = [*_base_style(), ("GRID", (0, 0), (-1, -1), 0.5, styles.RULE)]
    for index, row in enumerate(rows):
        line: list[Cell] = []
        for field in row:
            commands.append(("BACKGROUND", (len(line), index), (len(line), index), styles.SHADE))
            line += [caption(field.label, stacked=stacked), _cell(field.value)]
        if row[0].wide:
            commands.append(("SPAN", (1, index), (-1, index)))
        cells.append(line + [""] * (2 * pairs_per_row - len(line)))
    widths = [label_width, pair - label_width] * pairs_per_row
    return Ruled(cells, widths, commands)


def columns(
    header: Sequence[Label],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    closing: Field | None = None,
) -> Table:
    """A table with a shaded bilingual header row, repeated on every page it runs over;
    `closing` is a labelled last row spanning the other columns."""
    cells = [[caption(label) for label in header]] + [[_cell(v) for v in row] for row in rows]
    commands = [
        *_base_style(),
        ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
        ("GRID", (0, 0), (-1, -1), 0.5, styles.RULE),
    ]
    if closing is not None:
        cells.append([caption(closing.label), _cell(closing.value), *[""] * (len(header) - 2)])
        commands += [
            ("SPAN", (1, -1), (-1, -1)),
            ("BACKGROUND", (0, -1), (0, -1), styles.SHADE),
        ]
    return Table(
        cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT", style=TableStyle(commands)
    )


def section(title: Label, width: float) -> Table:
    """A shaded bar that opens a part of a form."""
    bar = TextCell(
        [[Run(f"{title.zh}  ", styles.SECTION.fontSize), _subtitle(title.en)]], styles.SECTION
    )
    table = Table(
        [[bar]],
        colWidths=[width],
        hAlign="LEFT",
        style=TableStyle([*_base_style(), ("BACKGROUND", (0, 0), (-1, -1), styles.SHADE)]),
    )
    table.keepWithNext = True  # a heading never ends a page without its part under it
    return table


def signatures(signers: Sequence[Label], width: float, height: float = 36) -> Flowable:
    """Boxes to sign in, side by side, each with a line for the date."""
    date_line = TextCell(
        [[Run("日期 ", styles.SMALL.fontSize), _subtitle("Date"), Run("  ____________", 8)]],
        styles.SMALL,
    )
    cells = [[caption(label) for label in signers], [""] * len(signers), [date_line] * len(signers)]
    boxes = [("BOX", (i, 0), (i, -1), 0.5, styles.RULE) for i in range(len(signers))]
    widths = [width / len(signers)] * len(signers)
    return Ruled(cells, widths, [*_base_style(), *boxes], heights=[None, height, None])


def notice(paragraphs: Sequence[Label], width: float) -> Flowable:
    """A framed block of what the customer must know: each Chinese sentence with its English
    line under it (either wraps when the page is too narrow for it)."""
    size = styles.BODY.fontSize
    body = [TextCell([[Run(p.zh, size)], [_subtitle(p.en)]], styles.BODY) for p in paragraphs]
    return Ruled([[body]], [width], [*_base_style(), ("BOX", (0, 0), (-1, -1), 0.8, styles.INK)])


def borderless(cells: list[list[Cell]], widths: Sequence[float]) -> Flowable:
    """A table that only places things side by side: no rules, no padding."""
    return Ruled(
        cells,
        widths,
        [
            *_base_style(),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def stack(flowables: Sequence[Flowable]) -> Flowable:
    """Flowables kept together as one part of a form."""
    return KeepTogether(list(flowables))


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


def _cell(value: Cell | None) -> Cell:
    return text(value) if value is None or isinstance(value, str) else value


def _base_style() -> list[tuple]:
    # FONT too: ReportLab would draw any plain-string cell in Helvetica.
    return [
        ("FONT", (0, 0), (-1, -1), FONT_NAME, styles.BODY.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]


def _beside(label: Label, style: ParagraphStyle) -> list[Run]:
    return [Run(f"{label.zh} ", style.fontSize), _subtitle(label.en)]


def _subtitle(value: str) -> Run:
    return Run(value, styles.SUBTITLE_SIZE, styles.GREY)
