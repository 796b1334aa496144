"""Training: put a simulated card into the virtual reader, or take it out.

Shown only while every reader is the built-in simulator's, so a counter with a real reader never
sees it. Inserting and removing take about a second, so they run in the background.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.card.reader import is_virtual
from counter_app.card.reader_state import Situation
from counter_app.resources.simulated_cards import load_profiles
from counter_app.ui.background import Background


class SimulatorControl(Protocol):
    """What the training panel asks of `counter_app.simulator.control`."""

    def insert(self, profile_key: str, slot: int = 0) -> int: ...

    def remove(self, slot: int = 0) -> bool: ...

    def inserted(self) -> dict[int, str]: ...


def simulator_control() -> SimulatorControl:
    # Imported when first used: a counter that never trains never loads the simulator.
    from counter_app.simulator import control

    return control  # type: ignore[return-value]


def only_simulated_readers(situation: Situation | None) -> bool:
    return (
        situation is not None
        and bool(situation.readers)
        and all(is_virtual(reader) for reader in situation.readers)
    )


class TrainingPanel(QGroupBox):
    def __init__(
        self,
        background: Background,
        control: SimulatorControl | None = None,
        profiles: Mapping[str, Any] | None = None,
        slot: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("training_panel")
        self._background, self._control, self._slot = background, control, slot
        self._profiles = dict(load_profiles() if profiles is None else profiles)
        self._pending = False
        self._in_slot: str | None = None  # the profile key in our slot, once known
        self._last_state: object = None  # the reader state the last follow() saw
        self._known = False

        self.profile = QComboBox()
        self.profile.setObjectName("training_profile")
        # Long card labels must not widen the narrow right column (it would clip the text below).
        self.profile.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile.setMinimumContentsLength(12)
        for key in self._profiles:
            self.profile.addItem(self._describe(key), key)
        self.insert_button = QPushButton()
        self.insert_button.setObjectName("training_insert")
        self.insert_button.clicked.connect(self.insert)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("training_remove")
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setObjectName("training_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addWidget(self.profile)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.setVisible(False)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Training: simulated card"))
        self.insert_button.setText(self.tr("Insert card"))
        self.remove_button.setText(self.tr("Take card out"))
        self._show_slot()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- when to show ----------------------------------------------------------------------------
    def follow(self, situation: Situation | None) -> None:
        """Shown only while every attached reader is virtual (the built-in simulator)."""
        wanted = only_simulated_readers(situation)
        # Ask again when it appears and whenever the reader's state moves: a card may have been
        # put in or taken out from the command line meanwhile.
        state = situation.state if situation is not None else None
        moved = state != self._last_state
        self._last_state = state
        ask = wanted and (self.isHidden() or not self._known or moved) and not self._pending
        self.setVisible(wanted)
        if ask:
            self.refresh()

    # -- work ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask the simulator which card is in our slot (in the background: it reads files)."""
        slot = self._slot
        self._run(lambda: self._simulator().inserted().get(slot), self._slot_known)

    def insert(self) -> None:
        key = self.profile.currentData()
        if key is None:
            return
        slot = self._slot

        def work() -> str:
            self._simulator().insert(key, slot)
            return key

        self._run(work, self._slot_known)

    def remove(self) -> None:
        slot = self._slot

        def work() -> None:
            self._simulator().remove(slot)

        self._run(work, self._slot_known)

    def _simulator(self) -> SimulatorControl:
        return self._control if self._control is not None else simulator_control()

    def _run(self, work: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self._set_pending(True)
        self._background.run(work, on_success, self._failed)

    def _slot_known(self, key: str | None) -> None:
        self._set_pending(False)
        self._in_slot, self._known = key, True
        self._show_slot()

    def _failed(self, error: Exception) -> None:
        self._set_pending(False)
        self.message.setText(
            self.tr("The simulator could not do that: %1").replace("%1", str(error))
        )

    def _set_pending(self, pending: bool) -> None:
        self._pending = pending
        for widget in (self.profile, self.insert_button, self.remove_button):
            widget.setEnabled(not pending)
        if pending:
            self.message.setText(self.tr("Working on the simulated reader…"))

    def _show_slot(self) -> None:
        if self._pending:
            return
        if not self._known:
            self.message.setText("")
        elif self._in_slot is None:
            self.message.setText(self.tr("The simulated reader is empty."))
        else:
            self.message.setText(
                self.tr("In the simulated reader: %1").replace("%1", self._describe(self._in_slot))
            )

    def _describe(self, key: str) -> str:
        """The holder's name and the card's label (a bank card has no holder name)."""
        profile = self._profiles.get(key)
        if profile is None:
            return key
        name = getattr(profile, "name", "")
        return f"{name} · {profile.label}" if name else profile.label
