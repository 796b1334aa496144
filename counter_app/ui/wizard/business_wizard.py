"""The business in progress, one step per page: the step list, the step's fields with their
messages, what the step offers (fill from the card; step_actions: a supervisor's authorisation,
the formal loss, the form), Back (Esc) and Next (Enter).

The flow decides; this widget shows it and sends every database or printer call through
Background. While a call runs the page waits (the rest of the window does not), so the flow is
never changed from two threads at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app.card.reader_state import Situation
from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.application import Business, normalised_receipt_no
from counter_app.domain.card import LossAction
from counter_app.domain.masking import mask_id_number
from counter_app.ui.busy import busy_indicator
from counter_app.ui.labels import business_label
from counter_app.ui.page_context import PageContext
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.wizard.confirm import ask_cancel_reason, confirmed
from counter_app.ui.wizard.document_prints import DocumentPrints
from counter_app.ui.wizard.errors import describe_business_error
from counter_app.ui.wizard.step_actions import StepActions
from counter_app.ui.wizard.step_form import StepForm, signature
from counter_app.ui.wizard.texts import problem_text, step_title
from counter_app.workflows import facts
from counter_app.workflows.checks import check_field
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from counter_app.workflows.steps.cards import take_card

CARD_STEPS = frozenset({StepId.OLD_CARD, StepId.NEW_CARD})
LOOKUP_DELAY_MS = 300  # a scanner types a whole number at once; a clerk pauses between digits


class BusinessWizard(QWidget):
    finished = Signal()  # the business ended (done, left or cancelled): counts may have changed

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self._background = FlowRunner(context.api), context.background
        self.flow: Flow | None = None
        self.form: StepForm | None = None
        self.touched: set[str] = set()
        self._jobs = 0
        self._focus_before: QWidget | None = None
        self._card: CardSnapshot | None = None  # what the reader holds now
        self._taken: dict[str, CardSnapshot] = {}  # the read each card step last took

        self.title = QLabel()
        self.title.setObjectName("wizard_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.step_list = QLabel()
        self.step_list.setObjectName("wizard_steps")
        self.step_list.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.extras = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("wizard_summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("wizard_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator("wizard_busy")
        self.busy_indicator.setMaximumWidth(120)

        self.back_button = QPushButton()
        self.back_button.setObjectName("wizard_back")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.leave_button = QPushButton()
        self.leave_button.setObjectName("wizard_leave")
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self.cancel_business)
        self.next_button = QPushButton()
        self.next_button.setObjectName("wizard_next")
        self.next_button.clicked.connect(self.go_next)

        # Extras every step may show; hidden unless the step calls for them.
        self.fill_from_card = QPushButton()
        self.fill_from_card.setObjectName("wizard_fill_from_card")
        self.fill_from_card.setAutoDefault(False)
        self.fill_from_card.clicked.connect(self._fill_from_card)
        self.fill_from_card.hide()
        self.extras.addWidget(self.fill_from_card)
        self.documents_row = QHBoxLayout()
        self.prints = DocumentPrints(
            self,
            self.documents_row,
            self._run,
            context,
            self._back_from_dialog,
        )
        self.actions = StepActions(
            self,
            self.extras,
            lambda: self.flow,
            self.runner,
            self._run,
            self.prints,
            self.message,
            self._back_from_dialog,
        )
        self.extras.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.busy_indicator)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.step_list)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(self.extras)
        layout.addLayout(self.documents_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, self.go_next).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._look_up)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.form = None  # labels and choices are built in the language of the moment
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← &Back (Esc)"))
        self.leave_button.setText(self.tr("&Cancel business"))
        self.fill_from_card.setText(self.tr("&Fill from the card in the reader"))
        self.actions.retranslate()
        if self.flow is not None:
            self.render()

    # -- starting ------------------------------------------------------------------------------
    def start(self, business: Business) -> None:
        self._begin(self.runner.start(business))

    def resume(self, application_id: int) -> None:
        self._run(lambda: self.runner.resume(application_id), self._resumed)

    def follow_up(self, correction_id: int) -> None:
        """The replacement an approved correction leads to."""
        self._run(lambda: self.runner.start_follow_up(correction_id), self._followed_up)

    def _followed_up(self, flow: object) -> None:
        assert isinstance(flow, Flow)
        self._begin(flow)
        self.message.setText(self.tr("The holder's record is corrected; now the card is replaced."))

    def _resumed(self, flow: object) -> None:
        assert isinstance(flow, Flow)
        self._begin(flow)
        self.message.setText(self.tr("Draft resumed where it stopped."))

    def _begin(self, flow: Flow) -> None:
        self.flow, self.form, self.touched = flow, None, set()
        self.message.clear()
        self.prints.clear()
        self._taken = {}
        self._sync_card()
        self.render()
        self.focus_first()

    @property
    def in_progress(self) -> bool:
        """A business started and not finished: leaving it needs the clerk's word."""
        return self.flow is not None and not self.flow.finished

    # -- showing the flow ----------------------------------------------------------------------
    def render(self) -> None:
        flow = self.flow
        assert flow is not None
        step = flow.current
        visible = flow.visible_steps()
        number = visible.index(step) + 1 if step in visible else 1
        self.title.setText(
            self.tr("%1 · step %2 of %3: %4")
            .replace("%1", business_label(flow.business))
            .replace("%2", str(number))
            .replace("%3", str(len(visible)))
            .replace("%4", step_title(step.id))
        )
        marks = []
        for shown in visible:
            mark = "✓" if shown.id in flow.completed else ("▸" if shown is step else "·")
            marks.append(f"{mark} {step_title(shown.id)}")
        self.step_list.setText("   ".join(marks))

        fields = step.fields(flow)
        if self.form is None or self.form.signature != signature(fields):
            focused = self._focused_field()
            cards = {card.card_number: card.status for card in flow.context.cards}
            self.form = StepForm(fields, cards)
            self.form.edited.connect(self._edited)
            self.scroll.setWidget(self.form)
            if focused:
                self.form.focus(focused)
        self.form.fill({**flow.values[step.id], **step.shown(flow)})
        problems = flow.problems()
        self.form.show_problems(problems, self.touched)
        self.fill_from_card.setVisible(step.id == StepId.HOLDER and flow.context.card is not None)
        self.actions.show_for(step.id, problems)
        self.summary.setText(self._summary() if step.acts_once and not flow.finished else "")
        self.back_button.setEnabled(not flow.finished and flow.visible_steps()[0] is not step)
        self.leave_button.setVisible(not flow.finished)
        self.next_button.setText(self._next_text())
        self.next_button.setEnabled(True)

    def _focused_field(self) -> str | None:
        if self.form is None:
            return None
        for name, widget in self.form.inputs.items():
            if widget.hasFocus():
                return name
        return None

    def _next_text(self) -> str:
        assert self.flow is not None
        if self.flow.finished:
            return self.tr("&New business")
        if self.flow.current.id == StepId.SUBMIT:
            return self.tr("&Submit (Enter)")
        if self.flow.current.id == StepId.ISSUE:
            return self.tr("&Hand over the card (Enter)")
        if self.flow.current.id == StepId.LOSS_ACTION:
            return self.tr("&Record (Enter)")
        return self.tr("&Next (Enter) →")

    def _summary(self) -> str:
        """What is about to be recorded, read back before the last step."""
        flow = self.flow
        assert flow is not None
        if flow.business is Business.PICKUP:
            found = flow.context.collectable
            if found is None:
                return ""
            return (
                self.tr("Hand the new card to %1 (%2), receipt %3?")
                .replace("%1", found.holder_name)
                .replace("%2", mask_id_number(found.document_number))
                .replace("%3", found.receipt_no)
            )
        person = facts.holder(flow)
        assert person is not None  # every business but pickup starts with the holder
        lines = [
            self.tr("Holder: %1, %2")
            .replace("%1", person.name)
            .replace("%2", mask_id_number(person.document_number))
        ]
        if facts.reason(flow) is not None and flow.business is not Business.LOSS_REPORT:
            lines.append(self.tr("Fee: ¥%1").replace("%1", f"{facts.fee_due(flow):.2f}"))
        return "\n".join(lines)

    def focus_first(self) -> None:
        if self.form is not None and (first := self.form.first_input()) is not None:
            first.setFocus()
        else:
            self.next_button.setFocus()

    # -- the clerk's input ---------------------------------------------------------------------
    def _edited(self, name: str, value: str) -> None:
        flow = self.flow
        if flow is None or self._jobs:
            return
        flow.set(name, value)
        self.touched.add(name)
        step_id = flow.current.id
        if step_id == StepId.HOLDER and name in {"document_type", "document_number"}:
            self._derive_from_number()
            self._lookup_timer.start()
        elif step_id == StepId.RECEIPT and name == "receipt_no":
            self._lookup_timer.start()
        self.render()

    def _derive_from_number(self) -> None:
        """Sex and birth date as the ID number states them: typed once, never twice."""
        flow = self.flow
        assert flow is not None
        person = facts.holder(flow)
        assert person is not None  # on the holder step
        derived = facts.derived_from_number(person.document_type, person.document_number)
        for name, value in derived.items():
            if flow.get(StepId.HOLDER, name) != value:
                flow.set(name, value)

    def _look_up(self) -> None:
        flow = self.flow
        if flow is None:
            return
        if self._jobs:  # the flow is being changed: ask again once it is not
            self._lookup_timer.start()
            return
        runner = self.runner
        if flow.current.id == StepId.HOLDER:
            field = next(f for f in flow.current.fields(flow) if f.name == "document_number")
            person = facts.holder(flow)
            assert person is not None  # on the holder step
            number, document = person.document_number, person.document_type
            if not number or check_field(field, number, flow.context.today) is not None:
                return
            self._run_quietly(
                lambda: runner.find_holder(document, number),
                lambda recall: self._recalled(runner.apply_holder(flow, recall)),  # type: ignore[arg-type]
            )
        elif flow.current.id == StepId.RECEIPT:
            typed = flow.get(StepId.RECEIPT, "receipt_no")
            if typed.strip():
                self._run_quietly(
                    lambda: runner.find_collectable(typed),
                    lambda found: runner.apply_collectable(flow, typed, found) and self.render(),
                )

    def _recalled(self, known: bool) -> None:
        if known:
            self.message.setText(self.tr("A returning customer: their record filled the form."))
        self.render()

    def follow(self, situation: Situation | None) -> None:
        """The reader's news: kept, and given to the flow as soon as the page is not busy."""
        self._card = situation.snapshot if situation is not None else None
        if not self._jobs:
            self._sync_card()
            if self.flow is not None:
                self.render()

    def _sync_card(self) -> None:
        """The card in the reader now: a card step waiting for one takes a card it has not
        taken yet (a new read, not the same read reported again)."""
        flow = self.flow
        if flow is None or flow.finished:
            return
        flow.context.card = card = self._card
        step_id = flow.current.id
        if card is None or step_id not in CARD_STEPS or self._taken.get(step_id) == card:
            return
        take_card(flow, step_id, card)
        self._taken[step_id] = card
        self.touched.add("card_number")

    def _fill_from_card(self) -> None:
        flow = self.flow
        if flow is None or flow.context.card is None:
            return
        card = flow.context.card
        if card.ssn:
            flow.set("document_type", "resident_id")
            flow.set("document_number", card.ssn)
        for name, value in (
            ("name", card.name),
            ("sex", card.sex),
            ("birth_date", card.birth_date.isoformat() if card.birth_date else ""),
        ):
            if value:
                flow.set(name, value)
        self.touched.update({"document_number", "name", "sex", "birth_date"})
        self._lookup_timer.start()
        self.render()

    # -- moving --------------------------------------------------------------------------------
    def go_next(self) -> None:
        flow = self.flow
        if flow is None or self._jobs:
            return
        if flow.finished:
            self.flow = None
            self.finished.emit()
            return
        if flow.current.id == StepId.RECEIPT and not self._receipt_looked_up():
            # A scanner types the number and Enter at once: look it up, then go on.
            self._lookup_timer.stop()
            typed, runner = flow.get(StepId.RECEIPT, "receipt_no"), self.runner
            self._run(
                lambda: runner.find_collectable(typed),
                lambda found: runner.apply_collectable(flow, typed, found) and self.go_next(),  # type: ignore[arg-type]
            )
            return
        problems = flow.problems()
        if problems:
            self.touched.update(problem.field for problem in problems)
            self.render()
            self.message.setText(self.tr("Not yet: %1").replace("%1", problem_text(problems[0])))
            if self.form is not None:
                self.form.focus(problems[0].field)
            return
        if flow.current.id == StepId.LOSS_ACTION and not self._loss_confirmed():
            return
        runner = self.runner
        self._run(lambda: runner.complete(flow), self._completed)

    def _receipt_looked_up(self) -> bool:
        flow = self.flow
        assert flow is not None
        typed = normalised_receipt_no(flow.get(StepId.RECEIPT, "receipt_no"))
        return not typed or flow.context.looked_up_receipt == typed

    def _loss_confirmed(self) -> bool:
        flow = self.flow
        assert flow is not None
        action = flow.get(StepId.LOSS_ACTION, "action")
        question = {
            LossAction.REPORT_FORMAL: self.tr(
                "A formal loss report cannot be withdrawn once a reissue is applied for. Record it?"
            ),
            LossAction.CANCEL: self.tr(
                "The card will be usable again as soon as the loss report is cancelled. Cancel it?"
            ),
        }.get(LossAction(action))
        return question is None or confirmed(self, self.tr("Loss report"), question)

    def _completed(self, _moved: object) -> None:
        flow = self.flow
        assert flow is not None
        self.touched = set()
        self.message.clear()
        self.render()
        if flow.finished:
            self._show_documents()
            self.finished.emit()
        else:
            self.focus_first()

    def go_back(self) -> None:
        flow = self.flow
        if flow is None or self._jobs or flow.finished:
            return
        if flow.visible_steps()[0] is flow.current:
            return
        if not confirmed(
            self,
            self.tr("Back"),
            self.tr("Go back one step? What you entered on this page is kept."),
        ):
            return
        flow.back()
        self.touched = set()
        self.message.clear()
        self.render()
        self.focus_first()

    def cancel_business(self) -> None:
        """Leave the business: a draft is kept for later unless the clerk cancels it here."""
        flow = self.flow
        if flow is None or self._jobs:
            return
        if flow.application_id is None:
            if confirmed(
                self,
                self.tr("Cancel business"),
                self.tr("Leave this business? Nothing was saved yet."),
            ):
                self.flow = None
                self.finished.emit()
            return
        reason = ask_cancel_reason(self)
        if reason is None:
            return
        runner = self.runner
        self._run(lambda: runner.cancel(flow, reason), lambda _: self._left())

    def _left(self) -> None:
        self.flow = None
        self.finished.emit()

    # -- the documents of a finished business --------------------------------------------------
    def _show_documents(self) -> None:
        flow = self.flow
        assert flow is not None
        if flow.receipt_no:
            self.message.setText(self.tr("Done. Receipt number: %1").replace("%1", flow.receipt_no))
        else:
            self.message.setText(self.tr("Done."))
        self.prints.offer(self.runner.documents_of(flow))

    @property
    def preview(self) -> PrintPreview | None:
        return self.prints.preview

    def _back_from_dialog(self) -> None:
        """The keyboard returns to the page the dialog came from."""
        self.window().activateWindow()
        self.focus_first()

    # -- background ----------------------------------------------------------------------------
    def _run(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """A call that changes the flow: the page waits for it; a failure is told, and what
        was entered stays."""
        self._jobs += 1
        self._set_waiting(True)

        def succeeded(result: object) -> None:
            if isValid(self):
                self._job_done()
                done(result)
                self._sync_card()  # a card read while the page waited
                if self.flow is not None:
                    self.render()

        def failed(error: Exception) -> None:
            if isValid(self):
                self._job_done()
                if self.flow is not None:
                    self.render()
                self.message.setText(describe_business_error(error))

        self._background.run(work, succeeded, failed)

    def _run_quietly(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        """A look-up while the clerk types: nothing waits for it, and a failure says nothing
        (the step's own checks still stand). An answer arriving while the flow is being
        changed (Next was pressed meanwhile) is dropped."""
        self._background.run(
            work,
            lambda result: isValid(self) and not self._jobs and done(result),
            lambda _error: None,
        )

    def _job_done(self) -> None:
        self._jobs -= 1
        self._set_waiting(self._jobs > 0)

    def _set_waiting(self, waiting: bool) -> None:
        if waiting:
            # Disabled widgets give their focus away: it comes back when the page does.
            focused = QApplication.focusWidget()
            self._focus_before = (
                focused if focused is not None and self.isAncestorOf(focused) else None
            )
        self.busy_indicator.setVisible(waiting)
        self.scroll.setEnabled(not waiting)
        for button in (self.next_button, self.back_button, self.leave_button):
            button.setEnabled(not waiting)
        if not waiting:
            before = self._focus_before
            if before is not None and isValid(before) and before.isEnabled():
                before.setFocus()
            elif not self.isAncestorOf(QApplication.focusWidget()):
                self.focus_first()

    @property
    def busy(self) -> bool:
        return self._jobs > 0
