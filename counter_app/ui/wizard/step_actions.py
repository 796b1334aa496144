"""What a business step offers beside its fields, when the flow calls for it: a supervisor
authorising a card that differs from the document, the formal loss a reissue needs, and the
application form, previewed then printed. Each is one button in the page's row of extras."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.printing.kinds import DocumentKind
from counter_app.ui.wizard.confirm import confirmed
from counter_app.ui.wizard.document_prints import DocumentPrints, RunForPage
from counter_app.ui.wizard.override_dialog import OverrideDialog
from counter_app.ui.wizard.texts import differing_items
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.runner import FlowRunner

# Called by this exact name so that lupdate finds every text; the page's context, whose
# translations these texts share.
translate = QCoreApplication.translate


class StepActions:
    def __init__(
        self,
        page: QWidget,
        row: QHBoxLayout,
        flow: Callable[[], Flow | None],
        runner: FlowRunner,
        run: RunForPage,
        prints: DocumentPrints,
        message: QLabel,
        back_to_page: Callable[[], None],
    ) -> None:
        """`flow` gives the flow shown now; `run` changes it while the page waits."""
        self._page, self._flow, self._runner, self._run = page, flow, runner, run
        self._prints, self._message, self._back_to_page = prints, message, back_to_page
        self.override_dialog: OverrideDialog | None = None
        self.override_button = self._button(row, "wizard_override", self._override)
        self.formal_loss_button = self._button(row, "wizard_formal_loss", self._formal_loss)
        self.print_form_button = self._button(row, "wizard_print_form", self._print_form)

    @staticmethod
    def _button(row: QHBoxLayout, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        button.hide()
        row.addWidget(button)
        return button

    def retranslate(self) -> None:
        self.override_button.setText(translate("BusinessWizard", "Supervisor &authorises…"))
        self.formal_loss_button.setText(translate("BusinessWizard", "Record the &formal loss now…"))
        self.print_form_button.setText(translate("BusinessWizard", "&Print the form…"))

    def show_for(self, step_id: StepId, problems: list[Problem]) -> None:
        """The buttons the step and its problems call for, and no other."""
        codes = {problem.code for problem in problems}
        self.override_button.setVisible(Code.CARD_DIFFERS in codes)
        self.formal_loss_button.setVisible(Code.LOSS_NOT_FORMAL in codes)
        self.print_form_button.setVisible(step_id == StepId.FORM)

    def _current(self) -> Flow:
        flow = self._flow()
        assert flow is not None, "a step's button is shown only with a business in progress"
        return flow

    # -- a card that differs: a supervisor signs in on this screen and gives a reason ----------
    def _override(self) -> None:
        problems = [p for p in self._current().problems() if p.code is Code.CARD_DIFFERS]
        self.override_dialog = OverrideDialog(
            differing_items(problems[0].detail) if problems else "", self._page
        )
        self.override_dialog.accepted.connect(self._override_given)
        self.override_dialog.finished.connect(lambda _result: self._back_to_page())
        self.override_dialog.open()

    def _override_given(self) -> None:
        flow, dialog, runner = self._current(), self.override_dialog, self._runner
        assert dialog is not None
        staff_no, password, reason = (
            dialog.staff_no.text(),
            dialog.password.text(),
            dialog.reason.text(),
        )
        self._run(
            lambda: runner.authorise_override(flow, staff_no, password, reason),
            lambda supervisor: self._message.setText(
                translate("BusinessWizard", "Authorised by %1.").replace(
                    "%1",
                    f"{supervisor.staff_no} {supervisor.name}",  # type: ignore[attr-defined]
                )
            ),
        )

    # -- a reissue's formal loss, recorded from its own page -------------------------------------
    def _formal_loss(self) -> None:
        flow, runner = self._current(), self._runner
        if confirmed(
            self._page,
            translate("BusinessWizard", "Formal loss report"),
            translate(
                "BusinessWizard",
                "The card will be reported lost formally, now. A formal loss cannot be "
                "withdrawn once the reissue is applied for. Record it?",
            ),
        ):
            self._run(lambda: runner.record_formal_loss(flow), lambda _: None)

    # -- the application form: previewed, printed, then the draft saved with it ----------------
    def _print_form(self) -> None:
        flow, runner = self._current(), self._runner
        self._run(
            lambda: runner.prepare_form(flow),
            lambda prepared: self._preview_form(flow, *prepared),  # type: ignore[misc]
        )

    def _preview_form(self, flow: Flow, document_id: int, pdf: bytes, reprint: int) -> None:
        runner = self._runner

        def printed(_count: object) -> None:
            runner.form_printed(flow, document_id)
            self._run(lambda: runner.save(flow), lambda _: None)

        self._prints.show(
            DocumentKind.APPLICATION_FORM,
            document_id,
            pdf,
            reprint,
            printed,
        )
