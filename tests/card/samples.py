"""Card snapshots as a read would return them, for tests above the card layer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from counter_app.card.snapshot import CardSnapshot

WANG_XIAOMING = CardSnapshot(
    atr=bytes.fromhex("3B6D00000086815A100000320100000000"),
    historical_bytes=bytes.fromhex("0086815A100000320100000000"),
    card_id="320100D15600000501020304A1B2C3D4",
    card_type="3",
    spec_version="2.00",
    init_org="320100000000000000000001",
    issue_date=date(2019, 6, 1),
    expiry_date=date(2029, 6, 1),
    card_number="A12345674",
    algorithm=3,
    ssn="320102198503121234",
    name="王小明",
    sex="1",
    ethnicity="01",
    birthplace="320102",
    birth_date=date(1985, 3, 12),
)
# A third-generation card read without a PSAM: no holder data.
ZHANG_WEI_WITHOUT_PSAM = replace(
    WANG_XIAOMING,
    card_id="320100D15600000503040506F1E2D3C4",
    spec_version="3.00",
    issue_date=date(2023, 9, 1),
    expiry_date=date(2033, 9, 1),
    card_number="A34567892",
    ssn="",
    name="",
    sex="",
    ethnicity="",
    birthplace="",
    birth_date=None,
    holder_data_read=False,
)
LI_XIUYING_EXPIRED = replace(
    WANG_XIAOMING,
    issue_date=date(2015, 3, 10),
    expiry_date=date(2025, 3, 10),
    card_number="A23456783",
    ssn="320106199007240648",
    name="李秀英",
    sex="2",
    birth_date=date(1990, 7, 24),
)


def snapshot(**changes: Any) -> CardSnapshot:
    return replace(WANG_XIAOMING, **changes)


# The same card read through a PSAM: genuine, holder data, the PSAM's terminal number.
ZHANG_WEI_AUTHENTICATED = replace(
    ZHANG_WEI_WITHOUT_PSAM,
    atr=bytes.fromhex("3B6D00000086815A100000320100000002"),
    historical_bytes=bytes.fromhex("0086815A100000320100000002"),
    ssn="320113197811050313",
    name="张伟",
    sex="1",
    ethnicity="01",
    birthplace="320113",
    birth_date=date(1978, 11, 5),
    holder_data_read=True,
    authenticated=True,
    terminal_number="320100000001",
)
