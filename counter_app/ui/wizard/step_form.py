"""One step's fields as widgets, each with its message underneath. Knows nothing of services:
it shows values and problems, and says what the clerk edited."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.card import CardStatus
from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.ui.wizard.texts import choice_text, field_label, problem_text
from counter_app.workflows.fields import TICKED, Field, Kind
from counter_app.workflows.problems import Problem

# Read from a card: shown masked, like everywhere else on screen.
MASKED = {"card_number": mask_card_number, "card_ssn": mask_id_number}


def signature(fields: tuple[Field, ...]) -> tuple[object, ...]:
    """What decides the widgets: when it changes, the form is built again."""
    return tuple((f.name, f.kind, f.required, f.choices) for f in fields)


class StepForm(QWidget):
    edited = Signal(str, str)  # field name, new value

    def __init__(
        self, fields: tuple[Field, ...], cards: dict[str, CardStatus], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.fields = fields
        self.signature = signature(fields)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._filling = False
        self._numbered = 0
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            widget = self._input(field, cards)
            widget.setObjectName(f"field_{field.name}")
            message = QLabel()
            message.setObjectName(f"problem_{field.name}")
            message.setWordWrap(True)
            message.setStyleSheet("color: #b00020;")
            message.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(message)
            if field.kind is Kind.FLAG:
                layout.addRow("", cell)
            else:
                label = QLabel(field_label(field) + ("" if field.required else " ○"))
                label.setBuddy(widget)
                layout.addRow(label, cell)
            self.inputs[field.name] = widget
            self.messages[field.name] = message

    def _input(self, field: Field, cards: dict[str, CardStatus]) -> QWidget:
        if field.kind is Kind.CHOICE:
            box = QComboBox()
            if not field.required:
                box.addItem("—", "")
            for choice in field.choices:
                box.addItem(choice_text(field, choice, cards), choice.value)
            box.currentIndexChanged.connect(
                lambda _=0, f=field, b=box: self._changed(f.name, str(b.currentData() or ""))
            )
            return box
        if field.kind is Kind.FLAG:
            text = field_label(field)
            if "&" not in text:
                # A rules label (a material) has no mnemonic of its own: number them 1, 2, 3 …
                self._numbered += 1
                text = f"&{self._numbered} {text}"
            check = QCheckBox(text)
            check.toggled.connect(lambda on, f=field: self._changed(f.name, TICKED if on else ""))
            return check
        if field.kind is Kind.SHOWN:
            shown = QLabel()
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return shown
        line = QLineEdit()
        if field.kind is Kind.DATE:
            line.setPlaceholderText("YYYY-MM-DD")
        line.textEdited.connect(lambda text, f=field: self._changed(f.name, text))
        return line

    def _changed(self, name: str, value: str) -> None:
        if not self._filling:
            self.edited.emit(name, value)

    # -- from the flow -------------------------------------------------------------------------
    def fill(self, values: dict[str, str]) -> None:
        """Show the flow's values without echoing them back as edits."""
        self._filling = True
        try:
            for field in self.fields:
                value = values.get(field.name, "")
                widget = self.inputs[field.name]
                if isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    widget.setCurrentIndex(max(index, 0) if value or not field.required else -1)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(value == TICKED)
                elif isinstance(widget, QLabel):
                    mask = MASKED.get(field.name)
                    widget.setText(mask(value) if mask and value else value or "—")
                elif isinstance(widget, QLineEdit) and widget.text() != value:
                    widget.setText(value)
        finally:
            self._filling = False

    def show_problems(self, problems: list[Problem], shown_for: set[str] | None) -> None:
        """Messages under the fields; `shown_for` limits them to the fields touched so far
        (None: all, as after Next was pressed)."""
        by_field = {problem.field: problem for problem in reversed(problems)}
        for name, message in self.messages.items():
            problem = by_field.get(name)
            visible = problem is not None and (shown_for is None or name in shown_for)
            message.setText(problem_text(problem) if visible and problem else "")
            message.setVisible(visible)

    def first_input(self) -> QWidget | None:
        for field in self.fields:
            if field.kind is not Kind.SHOWN:
                return self.inputs[field.name]
        return None

    def focus(self, name: str) -> None:
        widget = self.inputs.get(name)
        if widget is not None:
            widget.setFocus()
