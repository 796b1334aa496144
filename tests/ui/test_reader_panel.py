"""The reader panel, the training panel and the window's reader label, in Chinese."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter_app.card.apdu import ApduChannel
from counter_app.card.errors import (
    AuthenticationRejected,
    CardLocked,
    CardNotGenuine,
    CardRemoved,
    CommunicationError,
    NotSocialSecurityCard,
    PsamRemoved,
    ReaderBusy,
    ReadKeyBlocked,
)
from counter_app.card.psam import PsamAuthenticator, forget_psams
from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import (
    CardInserted,
    CardWithdrawn,
    Event,
    ReaderAdded,
    ReadFailed,
    ReadFinished,
    ReadStarted,
    ServiceDown,
    ServiceUp,
)
from counter_app.card.snapshot import CardSnapshot
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator.control import build_card
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.i18n import Language
from counter_app.ui.reader_panel import ReaderPanel
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings
from counter_app.ui.training_panel import TrainingPanel
from tests.card import samples
from tests.card.chips import Chip, FakeContext
from tests.card.fake_pcsc import FakeService
from tests.pcsc_env import CardSlots
from tests.ui.conftest import PASSWORD, no_card_read, sign_in

READER = "Counter Reader 0"
VIRTUAL = "Virtual PCD 00 00"
PSAM_READER = "Counter Reader 1"
TODAY = date(2026, 11, 21)
PROFILES = load_profiles()


def shown_texts(root: QWidget) -> str:
    """Every label the clerk can see, as one text."""
    return "\n".join(label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root))


@pytest.fixture
def watcher(qapp) -> Iterator[CardWatcher]:  # type: ignore[no-untyped-def]
    """Never started: each test plays the monitor and the reads itself."""
    card_watcher = CardWatcher(no_card_read, FakeService().context)
    yield card_watcher
    card_watcher.stop()


@pytest.fixture
def panel(qtbot: QtBot, watcher: CardWatcher, language: Language) -> ReaderPanel:
    reader_panel = ReaderPanel(watcher, today=lambda: TODAY)
    qtbot.addWidget(reader_panel)
    reader_panel.show()
    return reader_panel


def feed(qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, *events: Event) -> None:
    """Feeds the events and waits until the panel shows where they led."""
    last = None
    for event in events:
        last = watcher.feed(event) or last
    qtbot.waitUntil(lambda: panel.situation == last, timeout=2000)


def card_in(qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, reader: str = READER) -> None:
    feed(qtbot, watcher, panel, ServiceUp(), ReaderAdded(reader), CardInserted(reader))


def read(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, outcome: CardSnapshot | Exception
) -> None:
    card_in(qtbot, watcher, panel)
    feed(qtbot, watcher, panel, ReadStarted(READER))
    if isinstance(outcome, Exception):
        feed(qtbot, watcher, panel, ReadFailed(READER, outcome))
    else:
        feed(qtbot, watcher, panel, ReadFinished(READER, outcome))


# -- the reader panel --------------------------------------------------------------------------


def test_before_the_first_report_the_panel_says_it_is_looking(panel: ReaderPanel) -> None:
    assert panel.title() == "读卡器"
    assert panel.headline.text() == "正在查找读卡器…"
    assert not panel.details.isVisibleTo(panel)


def test_insert_then_reading_then_the_masked_card(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    card_in(qtbot, watcher, panel)
    assert panel.headline.text() == "已插卡"
    assert not panel.busy.isVisibleTo(panel)
    feed(qtbot, watcher, panel, ReadStarted(READER))
    assert panel.headline.text() == "正在读卡…"
    assert panel.busy.isVisibleTo(panel)
    assert "请勿拔卡" in panel.message.text()
    feed(qtbot, watcher, panel, ReadFinished(READER, samples.WANG_XIAOMING))
    assert not panel.busy.isVisibleTo(panel)
    assert panel.headline.text() == "读卡完成"
    assert panel.name.text() == "王小明"
    assert panel.ssn.text() == "320102********1234"
    assert panel.card_number.text() == "A12****74"
    assert panel.generation.text() == "2.0"
    assert panel.issued.text() == "2019-06-01"
    assert panel.expiry.text() == "2029-06-01，有效"
    texts = shown_texts(panel)
    assert "320102198503121234" not in texts and "A12345674" not in texts


def test_taking_the_card_out_clears_the_panel_at_once(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    read(qtbot, watcher, panel, samples.WANG_XIAOMING)
    assert "王小明" in shown_texts(panel)
    feed(qtbot, watcher, panel, CardWithdrawn(READER))
    texts = shown_texts(panel)
    assert "王小明" not in texts and "320102" not in texts and "A12" not in texts
    assert not panel.details.isVisibleTo(panel)
    assert panel.name.text() == panel.ssn.text() == panel.card_number.text() == ""
    assert panel.headline.text() == "未插卡"


def test_an_expired_card_says_so_in_words(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    read(qtbot, watcher, panel, samples.LI_XIUYING_EXPIRED)
    assert panel.expiry.text() == "2025-03-10，已过期"


def test_a_third_generation_card_without_psam_shows_what_could_be_read(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    read(qtbot, watcher, panel, samples.ZHANG_WEI_WITHOUT_PSAM)
    assert panel.headline.text() == "已读卡（无持卡人信息）"
    assert "安全模块（PSAM）" in panel.message.text()
    assert panel.card_number.text() == "A34****92"
    assert panel.generation.text() == "3.0"
    assert panel.issued.text() == "2023-09-01"
    assert panel.expiry.text() == "2033-09-01，有效"
    assert not panel.name.isVisibleTo(panel) and not panel.ssn.isVisibleTo(panel)
    # The next card with holder data gets its rows back.
    feed(qtbot, watcher, panel, CardWithdrawn(READER))
    feed(qtbot, watcher, panel, CardInserted(READER), ReadStarted(READER))
    feed(qtbot, watcher, panel, ReadFinished(READER, samples.WANG_XIAOMING))
    assert panel.name.isVisibleTo(panel) and panel.ssn.isVisibleTo(panel)


def test_a_third_generation_card_read_through_the_psam_shows_the_holder(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, language: Language
) -> None:
    read(qtbot, watcher, panel, samples.ZHANG_WEI_AUTHENTICATED)
    assert panel.headline.text() == "读卡完成"
    assert panel.name.isVisibleTo(panel) and panel.name.text() == "张伟"
    assert panel.ssn.text() == "320113********0313"
    assert panel.generation.text() == "3.0"
    language.apply("en")  # the PSAM's sentence, whose Chinese the translation file adds
    qtbot.waitUntil(lambda: panel.headline.text() == "Card read")
    assert "proved the card genuine" in panel.message.text()
    assert "320113197811050313" not in shown_texts(panel)


def test_a_counterfeit_card_is_refused_and_announced_once(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, language: Language
) -> None:
    language.apply("en")
    suspects: list[Exception] = []
    panel.suspect_card.connect(suspects.append)
    error = CardNotGenuine("internal authentication failed", "320100D1", "A2468135X")
    read(qtbot, watcher, panel, error)
    assert panel.headline.text() == "Card not genuine"
    assert "may be counterfeit" in panel.message.text()
    assert not panel.details.isVisibleTo(panel)
    assert suspects == [error]
    panel.retranslate()  # a repaint is no new read
    assert suspects == [error]


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (ReadKeyBlocked("6983"), "This card is locked"),
        (PsamRemoved("pulled"), "secure module (PSAM) stopped answering"),
        (AuthenticationRejected(0x63C2, "EXTERNAL AUTHENTICATE"), "refused the keys"),
    ],
    ids=["blocked read key", "PSAM pulled", "wrong PSAM"],
)
def test_psam_problems_are_named(
    qtbot: QtBot,
    watcher: CardWatcher,
    panel: ReaderPanel,
    language: Language,
    error: Exception,
    sentence: str,
) -> None:
    language.apply("en")
    read(qtbot, watcher, panel, error)
    assert sentence in panel.message.text()
    assert panel.read_again_button.isVisibleTo(panel)


def test_the_watcher_reads_a_third_generation_card_through_the_psam(
    qtbot: QtBot, language: Language
) -> None:
    """The real watcher thread, the real session and PSAM authenticator, simulated chips."""
    service = FakeService(READER, PSAM_READER)
    chips: dict[str, Chip | None] = {READER: None, PSAM_READER: None}

    def authenticated_read(reader: str) -> CardSnapshot:
        chip = chips[reader]
        assert chip is not None
        context = FakeContext(chips)
        authenticator = PsamAuthenticator(context, reader)  # type: ignore[arg-type]
        session = SocialSecurityCardSession(ApduChannel(chip), chip.atr, authenticator)
        return session.read()

    card_watcher = CardWatcher(authenticated_read, service.context, wait_ms=50)
    reader_panel = ReaderPanel(card_watcher, today=lambda: TODAY)
    qtbot.addWidget(reader_panel)
    reader_panel.show()
    card_watcher.start()
    try:
        qtbot.waitUntil(lambda: reader_panel.headline.text() == "未插卡")
        chips[PSAM_READER] = Chip(build_card("psam"))
        chips[READER] = Chip(build_card("zhang_wei"))
        service.insert(READER)
        qtbot.waitUntil(lambda: reader_panel.name.text() == "张伟")
        assert reader_panel.ssn.text() == "320113********0313"
        situation = reader_panel.situation
        assert situation is not None and situation.snapshot is not None
        assert situation.snapshot.authenticated
        assert situation.snapshot.terminal_number == "320100000001"
        service.remove(READER)
        qtbot.waitUntil(lambda: reader_panel.headline.text() == "未插卡")
        assert "张伟" not in shown_texts(reader_panel)
    finally:
        assert card_watcher.stop()


@pytest.mark.pcsc
def test_the_panel_reads_a_third_generation_card_with_the_simulated_psam(
    qtbot: QtBot, language: Language, cards: CardSlots
) -> None:
    """pcscd, the card in the first virtual reader and the PSAM in the second: the watcher
    passes over the PSAM and shows the card's holder."""
    forget_psams()
    cards.insert("psam", slot=1)
    cards.insert("zhao_lei", slot=0)
    card_watcher = CardWatcher(wait_ms=100)
    reader_panel = ReaderPanel(card_watcher, today=lambda: TODAY)
    qtbot.addWidget(reader_panel)
    reader_panel.show()
    card_watcher.start()
    try:
        qtbot.waitUntil(lambda: reader_panel.name.text() == "赵磊", timeout=10000)
        assert reader_panel.ssn.text() == "320102********007X"
        situation = reader_panel.situation
        assert situation is not None and situation.reader == VIRTUAL
        assert situation.snapshot is not None and situation.snapshot.authenticated
    finally:
        assert card_watcher.stop()
        forget_psams()


@pytest.mark.parametrize(
    ("events", "headline", "sentence"),
    [
        ((ServiceDown(),), "读卡服务未运行", "读卡服务没有运行"),
        ((ServiceUp(),), "未连接读卡器", "没有连接读卡器"),
        ((ServiceUp(), ReaderAdded(READER)), "未插卡", "读卡器中没有卡"),
    ],
    ids=["no service", "no reader", "no card"],
)
def test_reader_problems_are_said_in_chinese(
    qtbot: QtBot,
    watcher: CardWatcher,
    panel: ReaderPanel,
    events: tuple[Event, ...],
    headline: str,
    sentence: str,
) -> None:
    feed(qtbot, watcher, panel, *events)
    assert panel.headline.text() == headline
    assert sentence in panel.message.text()


@pytest.mark.parametrize(
    ("error", "headline", "sentence"),
    [
        (ReaderBusy("held"), "无法读卡", "另一个程序正在使用读卡器"),
        (NotSocialSecurityCard("bank card"), "不是社保卡", "这不是社保卡（可能是银行卡或交通卡）"),
        (CardRemoved("pulled"), "未插卡", "读卡时卡片被拔出。请把卡重新插入读卡器"),
        (CardLocked("locked"), "无法读卡", "此卡已锁定"),
        (CommunicationError("noise"), "无法读卡", "卡片可能已损坏"),
    ],
    ids=["reader busy", "not a social security card", "pulled", "locked", "unreadable"],
)
def test_card_problems_are_said_in_chinese(
    qtbot: QtBot,
    watcher: CardWatcher,
    panel: ReaderPanel,
    error: Exception,
    headline: str,
    sentence: str,
) -> None:
    read(qtbot, watcher, panel, error)
    assert panel.headline.text() == headline
    assert sentence in panel.message.text()
    assert not panel.details.isVisibleTo(panel)


def test_a_card_pulled_mid_read_by_the_monitors_report_asks_for_it_back(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    card_in(qtbot, watcher, panel)
    feed(qtbot, watcher, panel, ReadStarted(READER), CardWithdrawn(READER))
    assert "请把卡重新插入读卡器" in panel.message.text()
    assert not panel.busy.isVisibleTo(panel)


def test_read_again_is_offered_after_an_error_and_asks_the_watcher(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel
) -> None:
    assert not panel.read_again_button.isVisibleTo(panel)
    read(qtbot, watcher, panel, ReaderBusy("held"))
    assert panel.read_again_button.isVisibleTo(panel)
    assert panel.read_again_button.text() == "重新读卡"
    panel.read_again_button.click()
    assert watcher._read_again.is_set()


def test_the_panel_follows_a_language_switch(
    qtbot: QtBot, watcher: CardWatcher, panel: ReaderPanel, language: Language
) -> None:
    read(qtbot, watcher, panel, samples.WANG_XIAOMING)
    language.apply("en")
    qtbot.waitUntil(lambda: panel.headline.text() == "Card read")
    assert panel.expiry.text() == "2029-06-01, valid"
    assert panel.title() == "Card reader"


def test_without_a_watcher_the_panel_says_card_reading_is_off(
    qtbot: QtBot, language: Language
) -> None:
    reader_panel = ReaderPanel(None)
    qtbot.addWidget(reader_panel)
    assert reader_panel.headline.text() == "本窗口未启用读卡。"


# -- the panel over a real watcher thread, with fake reads --------------------------------------


def test_the_watcher_thread_drives_the_panel_from_insertion_to_removal(
    qtbot: QtBot, language: Language
) -> None:
    service = FakeService(READER)
    gate = threading.Event()

    def slow_read(reader: str) -> CardSnapshot:
        gate.wait(5)
        if not service.card_present(reader):
            raise CardRemoved("left during the read")
        return samples.WANG_XIAOMING

    card_watcher = CardWatcher(slow_read, service.context, wait_ms=50)
    reader_panel = ReaderPanel(card_watcher, today=lambda: TODAY)
    qtbot.addWidget(reader_panel)
    reader_panel.show()
    card_watcher.start()
    try:
        qtbot.waitUntil(lambda: reader_panel.headline.text() == "未插卡")
        service.insert(READER)
        qtbot.waitUntil(lambda: reader_panel.busy.isVisibleTo(reader_panel))
        assert reader_panel.headline.text() == "正在读卡…"  # the window is not blocked meanwhile
        gate.set()
        qtbot.waitUntil(lambda: reader_panel.ssn.text() == "320102********1234")
        service.remove(READER)
        qtbot.waitUntil(lambda: reader_panel.headline.text() == "未插卡")
        assert "王小明" not in shown_texts(reader_panel)
        # Pulled in the middle of the next read: ends as no card, asking for it back.
        gate.clear()
        service.insert(READER)
        qtbot.waitUntil(lambda: reader_panel.busy.isVisibleTo(reader_panel))
        service.remove(READER)
        gate.set()
        qtbot.waitUntil(lambda: "重新插入" in reader_panel.message.text())
        assert reader_panel.headline.text() == "未插卡"
        assert "王小明" not in shown_texts(reader_panel)
    finally:
        gate.set()
        assert card_watcher.stop()


# -- the training panel ------------------------------------------------------------------------


class FakeSimulator:
    """Stands in for counter_app.simulator.control."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.slots: dict[int, str] = {}
        self.fail: Exception | None = None

    def insert(self, profile_key: str, slot: int = 0) -> int:
        self.calls.append(("insert", profile_key, str(slot)))
        if self.fail is not None:
            raise self.fail
        self.slots[slot] = profile_key
        return 4242

    def remove(self, slot: int = 0) -> bool:
        self.calls.append(("remove", str(slot)))
        return self.slots.pop(slot, None) is not None

    def inserted(self) -> dict[int, str]:
        self.calls.append(("inserted",))
        return dict(self.slots)


@pytest.fixture
def simulator() -> FakeSimulator:
    return FakeSimulator()


@pytest.fixture
def training(qtbot: QtBot, simulator: FakeSimulator, language: Language) -> TrainingPanel:
    training_panel = TrainingPanel(Background(), simulator)
    qtbot.addWidget(training_panel)
    training_panel.show()
    return training_panel


def situation_with(*readers: str):  # type: ignore[no-untyped-def]
    watcher = CardWatcher(no_card_read, FakeService().context)
    situation = None
    for event in (ServiceUp(), *(ReaderAdded(reader) for reader in readers)):
        situation = watcher.feed(event)
    return situation


def test_the_training_panel_shows_only_when_every_reader_is_simulated(
    qtbot: QtBot, training: TrainingPanel, simulator: FakeSimulator
) -> None:
    training.follow(situation_with(VIRTUAL, "Virtual PCD 00 01"))
    assert training.isVisible()
    qtbot.waitUntil(lambda: training.message.text() == "模拟读卡器中没有卡。")
    training.follow(situation_with(VIRTUAL, READER))
    assert not training.isVisible()
    training.follow(situation_with())
    assert not training.isVisible()
    training.follow(None)
    assert not training.isVisible()


def test_training_inserts_and_removes_the_chosen_profile(
    qtbot: QtBot, training: TrainingPanel, simulator: FakeSimulator
) -> None:
    training.follow(situation_with(VIRTUAL))
    qtbot.waitUntil(lambda: training.insert_button.isEnabled())
    assert training.title() == "培训：模拟卡"
    assert training.profile.count() == len(PROFILES)
    training.profile.setCurrentIndex(training.profile.findData("li_xiuying"))
    training.insert_button.click()
    assert not training.insert_button.isEnabled()  # one thing at a time, in the background
    assert training.message.text() == "正在操作模拟读卡器…"
    qtbot.waitUntil(lambda: training.insert_button.isEnabled())
    assert ("insert", "li_xiuying", "0") in simulator.calls
    assert training.message.text() == f"模拟读卡器中：李秀英 · {PROFILES['li_xiuying'].label}"
    training.remove_button.click()
    qtbot.waitUntil(lambda: training.remove_button.isEnabled())
    assert simulator.calls[-1] == ("remove", "0")
    assert training.message.text() == "模拟读卡器中没有卡。"


def test_a_simulator_failure_is_shown_in_the_panel(
    qtbot: QtBot, training: TrainingPanel, simulator: FakeSimulator
) -> None:
    training.follow(situation_with(VIRTUAL))
    qtbot.waitUntil(lambda: training.insert_button.isEnabled())
    simulator.fail = RuntimeError("nothing listens on port 35963")
    training.insert_button.click()
    qtbot.waitUntil(lambda: training.insert_button.isEnabled())
    assert training.message.text() == "模拟器未能完成操作：nothing listens on port 35963"


# -- in the window -------------------------------------------------------------------------------


@pytest.fixture
def counter(
    qtbot: QtBot,
    ui_db: Database,
    rules,  # type: ignore[no-untyped-def]
    settings: Settings,
    language: Language,
    simulator: FakeSimulator,
) -> Iterator[Callable[[FakeService], CounterSession]]:
    made: list[CounterSession] = []

    def make(service: FakeService) -> CounterSession:
        session = CounterSession(
            ui_db,
            lambda: rules,
            settings,
            language,
            watcher_factory=lambda: CardWatcher(
                lambda _: samples.WANG_XIAOMING, service.context, wait_ms=50
            ),
            simulator=simulator,
        )
        session.start()
        made.append(session)
        sign_in(qtbot, session, "0101", PASSWORD)
        qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
        return session

    yield make
    for session in made:
        session.wait()
        for widget in (session.lock_screen, session.window, session.login):
            if widget is not None:
                widget.close()


def test_the_window_watches_the_simulator_and_stops_at_sign_out(
    qtbot: QtBot, counter: Callable[[FakeService], CounterSession], simulator: FakeSimulator
) -> None:
    service = FakeService(VIRTUAL)
    session = counter(service)
    window = session.window
    assert window is not None and window.watcher is not None
    watcher = window.watcher
    assert watcher.running
    qtbot.waitUntil(lambda: window.reader_status.text() == f"读卡器：{VIRTUAL}（模拟器）")
    assert window.training_panel.isVisible()
    service.insert(VIRTUAL)
    qtbot.waitUntil(lambda: window.reader_panel.name.text() == "王小明")
    assert "320102********1234" in shown_texts(window)
    window.sign_out_action.trigger()
    assert not watcher.running  # joined before the window went
    qtbot.waitUntil(lambda: ("inserted",) in simulator.calls)


def test_a_real_reader_is_named_without_the_training_panel(
    qtbot: QtBot, counter: Callable[[FakeService], CounterSession]
) -> None:
    session = counter(FakeService(READER))
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: window.reader_status.text() == f"读卡器：{READER}")
    assert not window.training_panel.isVisible()
    window.close()
    assert window.watcher is not None and not window.watcher.running


def test_a_window_without_card_reading_says_so(
    qtbot: QtBot,
    ui_db: Database,
    rules,  # type: ignore[no-untyped-def]
    settings: Settings,
    language: Language,
) -> None:
    session = CounterSession(ui_db, lambda: rules, settings, language, watcher_factory=None)
    session.start()
    sign_in(qtbot, session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None)
    window = session.window
    assert window is not None
    assert window.reader_status.text() == "读卡器：无"
    assert window.reader_panel.headline.text() == "本窗口未启用读卡。"
    session.wait()
    window.close()
