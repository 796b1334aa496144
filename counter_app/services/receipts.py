"""Receipt numbers: outlet code, day, and a counter that has no gaps and no repeats."""

from __future__ import annotations

from datetime import date

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.store.models import ReceiptCounter


def next_receipt_no(session: Session, outlet_code: str, day: date) -> str:
    """Take the next number inside the caller's transaction; a rollback gives it back."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(ReceiptCounter)
        .values(outlet_code=outlet_code, day=day, last=1)
        .on_conflict_do_update(
            index_elements=[ReceiptCounter.outlet_code, ReceiptCounter.day],
            set_={"last": ReceiptCounter.last + 1},
        )
        .returning(ReceiptCounter.last)
    )
    number = session.execute(statement).scalar_one()
    return f"{outlet_code}{day:%Y%m%d}{number:04d}"
