"""Locality rules: the shipped file and what a bad file is told."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.application import REASONS_BY_BUSINESS, Business, Reason
from counter_app.domain.rules import Label, LocalityRules, RulesError, parse_rules
from counter_app.resources import DEFAULT_RULES_FILE, load_rules

# A small valid file in pieces, so each test can break one piece.
SECTIONS: dict[str, str] = {
    "meta": '[meta]\nname = "Test rules"\nversion = "1"\nregion_code = "320100"\n',
    "outlet": '[outlet]\nname = "Test outlet"\ncode = "320100001"\n',
    "production": "[production]\nlead_time_working_days = 5\n",
    "loss_report": "[loss_report]\ntemporary_validity_days = 7\n",
    "fees": (
        '[fees.replacement]\ndefault = "0.00"\ndamaged = "20.00"\n'
        '[fees.reissue]\nlost = "20.00"\n'
        '[fees.correction]\ndefault = "0.00"\n'
        '[fees.pickup]\ndefault = "0.00"\n'
        '[fees.loss_report]\ndefault = "0.00"\n'
    ),
    "waivers": '[waivers.low_income]\nzh = "低保"\nen = "Low income"\n',
    "materials": (
        '[materials.catalogue.id]\nzh = "身份证"\nen = "ID card"\n'
        '[materials.catalogue.card]\nzh = "旧卡"\nen = "Old card"\n'
        '[materials.catalogue.agent]\nzh = "代办人身份证"\nen = "Agent ID"\n'
        '[materials.replacement]\ndefault = ["id", "card"]\noptional = ["agent"]\n'
        '[materials.reissue]\nlost = ["id"]\n'
        '[materials.correction]\ndefault = ["id"]\n'
        '[materials.pickup]\ndefault = ["id"]\n'
        '[materials.loss_report]\ndefault = ["id"]\n'
    ),
}


def rules_text(**changes: str | None) -> str:
    """The small file with sections replaced (or removed with None)."""
    pieces = {**SECTIONS, **changes}
    return "\n".join(piece for piece in pieces.values() if piece is not None)


def error_key(text: str) -> str:
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "test.toml")
    assert "test.toml" in str(caught.value)
    if caught.value.key:
        assert caught.value.key in str(caught.value)
    return caught.value.key


@pytest.fixture(scope="module")
def shipped() -> LocalityRules:
    return load_rules()


# --- the shipped file ------------------------------------------------------------------------


def test_shipped_file_loads(shipped: LocalityRules) -> None:
    assert shipped.source_name == DEFAULT_RULES_FILE.name == "rules-320100.toml"
    assert (shipped.region_code, shipped.version, shipped.summary) == ("320100", "3", "320100 v3")
    assert shipped.outlet.code == "320100001"
    assert shipped.outlet.name == "中国工商银行南京新街口支行"
    assert shipped.lead_time_working_days == 10
    assert shipped.temporary_loss_validity_days == 15


@pytest.mark.parametrize(
    ("business", "reason", "fee"),
    [
        (Business.REISSUE, Reason.LOST, "20.00"),
        (Business.REPLACEMENT, Reason.DAMAGED, "20.00"),
        (Business.REPLACEMENT, Reason.EXPIRED, "0.00"),
        (Business.REPLACEMENT, Reason.UPGRADE, "0.00"),
        (Business.REPLACEMENT, Reason.QUALITY, "0.00"),
        (Business.REPLACEMENT, Reason.INFORMATION_CHANGE, "0.00"),
        (Business.CORRECTION, Reason.NAME, "0.00"),
        (Business.PICKUP, None, "0.00"),
        (Business.LOSS_REPORT, Reason.LOST, "0.00"),
    ],
)
def test_shipped_fees(
    shipped: LocalityRules, business: Business, reason: Reason | None, fee: str
) -> None:
    assert shipped.fee_for(business, reason) == Decimal(fee)
    assert shipped.fee_for(business, reason).as_tuple().exponent == -2


def test_waivers_make_the_fee_zero(shipped: LocalityRules) -> None:
    assert set(shipped.waivers) == {"subsistence_allowance", "disability"}
    for code in shipped.waivers:
        assert shipped.fee_for(Business.REISSUE, Reason.LOST, code) == Decimal("0.00")
    with pytest.raises(RulesError) as caught:
        shipped.fee_for(Business.REISSUE, Reason.LOST, "nobody")
    assert caught.value.key == "waivers.nobody"


def test_a_reason_of_another_business_is_refused(shipped: LocalityRules) -> None:
    with pytest.raises(ValueError, match="not a reason"):
        shipped.fee_for(Business.PICKUP, Reason.EXPIRED)
    with pytest.raises(ValueError, match="not a reason"):
        shipped.materials_for(Business.REISSUE, Reason.DAMAGED)


def test_every_business_and_reason_has_a_fee_and_a_checklist(shipped: LocalityRules) -> None:
    for business, reasons in REASONS_BY_BUSINESS.items():
        for reason in reasons or (None,):
            assert shipped.fee_for(business, reason) >= 0
            materials = shipped.materials_for(business, reason)
            assert any(m.code == "id_original" and m.required for m in materials)
            assert len({m.code for m in materials}) == len(materials)
            assert all(m.label.zh and m.label.en for m in materials)


def test_shipped_checklists(shipped: LocalityRules) -> None:
    def required(business: Business, reason: Reason | None) -> set[str]:
        return {m.code for m in shipped.materials_for(business, reason) if m.required}

    assert "old_card" in required(Business.REPLACEMENT, Reason.EXPIRED)
    assert "old_card" not in required(Business.REISSUE, Reason.LOST)  # the card is lost
    assert "change_certificate" in required(Business.CORRECTION, Reason.ID_NUMBER)
    assert "change_certificate" in required(Business.CORRECTION, Reason.NAME)
    assert "acceptance_receipt" in required(Business.PICKUP, None)
    # An agent's documents are offered, never required of a holder who comes in person.
    for business in Business:
        assert not {"agent_id", "power_of_attorney"} & required(
            business, (REASONS_BY_BUSINESS[business] or (None,))[0]
        )


def test_an_agents_documents_are_required_when_an_agent_acts(shipped: LocalityRules) -> None:
    def required(agent_acts: bool) -> set[str]:
        checklist = shipped.checklist(Business.REISSUE, Reason.LOST, agent_acts)
        return {material.code for material, needed in checklist if needed}

    assert required(False) == {"id_original"}
    assert required(True) == {"id_original", "agent_id", "power_of_attorney"}
    # The checklist is the rules' list, in its order, whoever comes.
    listed = [m.code for m in shipped.materials_for(Business.REISSUE, Reason.LOST)]
    assert [m.code for m, _ in shipped.checklist(Business.REISSUE, Reason.LOST, True)] == listed


def test_reason_list_overrides_the_default_and_optional_items_follow() -> None:
    rules = parse_rules(rules_text(), "test.toml")
    replacement = rules.materials_for(Business.REPLACEMENT, Reason.EXPIRED)
    assert [(m.code, m.required) for m in replacement] == [
        ("id", True),
        ("card", True),
        ("agent", False),
    ]
    assert [m.code for m in rules.materials_for(Business.REISSUE, Reason.LOST)] == ["id"]
    assert rules.fee_for(Business.REPLACEMENT, Reason.DAMAGED) == Decimal("20.00")
    assert rules.fee_for(Business.REPLACEMENT, Reason.EXPIRED) == Decimal("0.00")


def test_label_language() -> None:
    label = Label(zh="户口簿", en="Household register")
    assert label.text("zh_CN") == label.text("zh") == "户口簿"
    assert label.text("en_GB") == label.text("fr") == "Household register"


# --- dates -----------------------------------------------------------------------------------


def test_pickup_date_skips_weekends(shipped: LocalityRules) -> None:
    monday = date(2024, 6, 3)
    assert shipped.expected_pickup_date(monday) == monday + timedelta(days=14)
    friday = date(2024, 6, 7)
    same_day = dataclasses.replace(shipped, lead_time_working_days=0)
    assert same_day.expected_pickup_date(friday) == friday
    one_day = dataclasses.replace(shipped, lead_time_working_days=1)
    assert one_day.expected_pickup_date(friday) == date(2024, 6, 10)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 1, 1)), st.integers(0, 40))
def test_pickup_date_is_lead_time_working_days_later(accepted: date, lead: int) -> None:
    rules = dataclasses.replace(parse_rules(rules_text(), "t"), lead_time_working_days=lead)
    pickup = rules.expected_pickup_date(accepted)
    days = [accepted + timedelta(days=n) for n in range(1, (pickup - accepted).days + 1)]
    assert sum(day.weekday() < 5 for day in days) == lead
    if lead == 0:
        assert pickup == accepted
    else:
        assert pickup.weekday() < 5  # the last day counted is a working day


def test_temporary_loss_expiry(shipped: LocalityRules) -> None:
    reported = date(2024, 12, 25)
    assert shipped.temporary_loss_expires(reported) == reported + timedelta(days=15)


# --- bad files -------------------------------------------------------------------------------


def test_the_small_file_is_valid() -> None:
    rules = parse_rules(rules_text(), "test.toml")
    assert rules.source_name == "test.toml" and rules.lead_time_working_days == 5


@pytest.mark.parametrize("amount", ['"20.001"', '"-1.00"', '"abc"', "20.0", "20", '""', '"NaN"'])
def test_bad_amount(amount: str) -> None:
    fees = SECTIONS["fees"].replace('damaged = "20.00"', f"damaged = {amount}")
    assert error_key(rules_text(fees=fees)) == "fees.replacement.damaged"


def test_unknown_business() -> None:
    fees = SECTIONS["fees"] + '[fees.renewal]\ndefault = "0.00"\n'
    assert error_key(rules_text(fees=fees)) == "fees.renewal"
    materials = SECTIONS["materials"] + '[materials.renewal]\ndefault = ["id"]\n'
    assert error_key(rules_text(materials=materials)) == "materials.renewal"


def test_unknown_reason() -> None:
    fees = SECTIONS["fees"].replace("[fees.reissue]\n", '[fees.reissue]\ndamaged = "1.00"\n')
    assert error_key(rules_text(fees=fees)) == "fees.reissue.damaged"
    materials = SECTIONS["materials"].replace(
        "[materials.pickup]\n", '[materials.pickup]\nexpired = ["id"]\n'
    )
    assert error_key(rules_text(materials=materials)) == "materials.pickup.expired"


def test_a_reason_without_a_fee() -> None:
    fees = SECTIONS["fees"].replace('[fees.reissue]\nlost = "20.00"\n', "[fees.reissue]\n")
    assert error_key(rules_text(fees=fees)) == "fees.reissue.lost"


@pytest.mark.parametrize(
    "section", ["meta", "outlet", "production", "loss_report", "fees", "materials"]
)
def test_missing_section(section: str) -> None:
    assert error_key(rules_text(**{section: None})) == section


def test_waivers_are_optional() -> None:
    rules = parse_rules(rules_text(waivers=None), "test.toml")
    assert dict(rules.waivers) == {}
    with pytest.raises(RulesError):
        rules.fee_for(Business.REISSUE, Reason.LOST, "low_income")


def test_missing_business_and_missing_key() -> None:
    fees = SECTIONS["fees"].replace('[fees.pickup]\ndefault = "0.00"\n', "")
    assert error_key(rules_text(fees=fees)) == "fees.pickup"
    meta = SECTIONS["meta"].replace('version = "1"\n', "")
    assert error_key(rules_text(meta=meta)) == "meta.version"


def test_unknown_keys() -> None:
    assert error_key(rules_text() + "[printing]\ncopies = 2\n") == "printing"
    outlet = SECTIONS["outlet"] + 'phone = "12333"\n'
    assert error_key(rules_text(outlet=outlet)) == "outlet.phone"


@pytest.mark.parametrize("code", ['"32010"', '"3201000"', '"32010a"', "320100"])
def test_bad_region_code(code: str) -> None:
    meta = SECTIONS["meta"].replace('region_code = "320100"', f"region_code = {code}")
    assert error_key(rules_text(meta=meta)) == "meta.region_code"


@pytest.mark.parametrize("code", ['""', '"32A"', "320100001"])
def test_bad_outlet_code(code: str) -> None:
    outlet = SECTIONS["outlet"].replace('code = "320100001"', f"code = {code}")
    assert error_key(rules_text(outlet=outlet)) == "outlet.code"


@pytest.mark.parametrize(
    ("section", "line", "key"),
    [
        ("production", "lead_time_working_days = -1", "production.lead_time_working_days"),
        ("production", "lead_time_working_days = true", "production.lead_time_working_days"),
        ("production", 'lead_time_working_days = "10"', "production.lead_time_working_days"),
        ("loss_report", "temporary_validity_days = 0", "loss_report.temporary_validity_days"),
        ("loss_report", "temporary_validity_days = 1.5", "loss_report.temporary_validity_days"),
    ],
)
def test_bad_day_counts(section: str, line: str, key: str) -> None:
    text = SECTIONS[section].splitlines()[0] + "\n" + line + "\n"
    assert error_key(rules_text(**{section: text})) == key


def test_undefined_material_code() -> None:
    materials = SECTIONS["materials"].replace('default = ["id", "card"]', 'default = ["id", "x"]')
    assert error_key(rules_text(materials=materials)) == "materials.replacement.default"


def test_material_both_required_and_optional() -> None:
    materials = SECTIONS["materials"].replace('optional = ["agent"]', 'optional = ["card"]')
    assert error_key(rules_text(materials=materials)) == "materials.replacement.optional"


def test_label_missing_a_language() -> None:
    waivers = '[waivers.low_income]\nzh = "低保"\n'
    assert error_key(rules_text(waivers=waivers)) == "waivers.low_income.en"


def test_malformed_toml() -> None:
    assert error_key(rules_text() + "[meta\n") == ""
    with pytest.raises(RulesError, match="TOML"):
        parse_rules("name = = 1", "broken.toml")


def test_load_rules_names_an_unreadable_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(RulesError) as caught:
        load_rules(missing)
    assert str(missing) in str(caught.value)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(RulesError, match=r"binary\.toml"):
        load_rules(binary)


def test_load_rules_reports_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "rules-999999.toml"
    path.write_text(rules_text(meta=None), encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert caught.value.key == "meta"
    assert "rules-999999.toml" in str(caught.value)
    path.write_text(rules_text(), encoding="utf-8")
    assert load_rules(path).source_name == "rules-999999.toml"


def test_material_listed_twice() -> None:
    materials = SECTIONS["materials"].replace('lost = ["id"]', 'lost = ["id", "id"]')
    assert error_key(rules_text(materials=materials)) == "materials.reissue.lost"


def test_bad_material_code_in_catalogue() -> None:
    materials = SECTIONS["materials"].replace("catalogue.agent]", 'catalogue."Agent ID"]')
    assert error_key(rules_text(materials=materials)) == "materials.catalogue.Agent ID"
