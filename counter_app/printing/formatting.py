"""How amounts, dates and times look on paper."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_GROUPS = ("", "万", "亿")
_LIMIT = Decimal("1000000000000")  # 万亿: far beyond any fee


def amount(value: Decimal) -> str:
    """`¥20.00`, `¥1,234.50`."""
    return f"¥{_cents(value):,.2f}"


def amount_in_words(value: Decimal) -> str:
    """The amount in Chinese capitals as bank vouchers print it: 贰拾元整, 壹仟零伍元伍角."""
    cents = int(_cents(value) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _integer_in_words(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"  # 壹拾元零伍分
    if fen:
        return text + _DIGITS[fen] + "分"
    # Rules for written amounts: an amount ending in 元 or 角 closes with 整, one with 分 does not.
    return (text or "零元") + "整"


def day(value: date) -> str:
    """`2024-06-03`."""
    return value.isoformat()


def moment(value: datetime) -> str:
    """`2024-06-03 09:30` in the workstation's local time (a naive time is taken as local)."""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{local:%Y-%m-%d %H:%M}"


def _cents(value: Decimal) -> Decimal:
    if value < 0 or value >= _LIMIT:
        raise ValueError(f"not an amount a document can print: {value}")
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _integer_in_words(number: int) -> str:
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    text = ""
    zero_pending = False
    for index in reversed(range(len(groups))):
        group = groups[index]
        if not group:
            zero_pending = bool(text)
            continue
        # A gap between groups, or a group without thousands after one, reads as 零.
        if text and (zero_pending or group < 1000):
            text += "零"
        text += _group_in_words(group) + _GROUPS[index]
        zero_pending = False
    return text


def _group_in_words(group: int) -> str:
    """1 to 9999: 壹仟零伍, 贰拾."""
    text = ""
    zero_pending = False
    for digit, unit in zip(f"{group:04d}", ("仟", "佰", "拾", ""), strict=True):
        if digit == "0":
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += _DIGITS[int(digit)] + unit
    return text
