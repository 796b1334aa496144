"""申请表 Application form (A4), one layout for every business; a correction adds its old and
new values side by side and the change certificate's number.

The holder (or agent) signs it and the outlet files it with the application: it is the
declaration the numbers are checked against, so it alone carries document and card numbers in
full. Everything that leaves the outlet masks them.
"""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.application import Business
from counter_app.domain.person import Representative
from counter_app.domain.rules import Label
from counter_app.printing import blocks, formatting, labels, styles
from counter_app.printing.blocks import Field
from counter_app.printing.data import (
    ApplicationFormData,
    FeeLine,
)
from counter_app.printing.frame import A4, DocumentFrame, render

TITLES: dict[Business, Label] = {
    Business.REPLACEMENT: Label("社会保障卡换卡申请表", "Application for a Replacement Card"),
    Business.REISSUE: Label("社会保障卡补卡申请表", "Application for Reissue after Loss"),
    Business.CORRECTION: Label(
        "社会保障卡信息更正申请表", "Application to Correct Holder Information"
    ),
    Business.PICKUP: Label("社会保障卡领卡启用申请表", "Application for Pickup and Activation"),
    Business.LOSS_REPORT: Label("社会保障卡挂失申请表", "Application to Report a Lost Card"),
}
_NUMERALS = "一二三四五六七八九十"
PROVIDED, MISSING = "■ 已核验", "□ 未提供"
DECLARATION = Label(
    "本人承诺以上所填信息及所提供材料真实、有效，如有虚假，愿承担相应责任。",
    "I declare that the information and documents given are true and complete.",
)


def build_application_form(data: ApplicationFormData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(
        TITLES[data.business], data.outlet, data.receipt_no, reprint, A4, number_pending=True
    )
    return render(frame, partial(story, data))


def story(data: ApplicationFormData, width: float) -> list[Flowable]:
    parts: list[tuple[Label, Flowable]] = [
        (Label("业务信息", "Business"), _business(data, width)),
        (Label("持卡人信息", "Holder"), _holder(data, width)),
        (
            Label("代办人／监护人", "Agent or guardian"),
            _representative(data.representative, width),
        ),
    ]
    if data.business is Business.CORRECTION:
        parts.append((Label("更正内容", "Corrections"), _corrections(data, width)))
    parts += [
        (Label("材料核验", "Materials checked"), _materials(data, width)),
        (Label("费用", "Fee"), _fee(data.fee, width)),
    ]
    flowables: list[Flowable] = []
    for number, (title, body) in enumerate(parts):
        numbered = Label(f"{_NUMERALS[number]}、{title.zh}", title.en)
        flowables += [blocks.section(numbered, width), body, blocks.gap(6)]
    signers = [
        Label("申请人（代办人／监护人）签字", "Applicant, agent or guardian"),
        blocks.CLERK_SIGNS,
    ]
    # The declaration and the signatures under it never part across a page break.
    closing = [
        blocks.notice([DECLARATION], width),
        blocks.gap(6),
        blocks.signatures(signers, width),
    ]
    return [*flowables, blocks.stack(closing)]


def _business(data: ApplicationFormData, width: float) -> Flowable:
    fields = [
        Field(Label("业务类型", "Business"), blocks.named(labels.BUSINESS[data.business])),
        Field(Label("申请原因", "Reason"), blocks.named(labels.reason_label(data.reason))),
        Field(Label("原卡卡号", "Old card no."), data.old_card_number),
        Field(Label("申请日期", "Date"), formatting.day(data.applied_on)),
        # The outlet's name and code head the page.
        Field(Label("经办柜员", "Clerk"), blocks.staff(data.clerk), wide=True),
    ]
    return blocks.grid(fields, width)


def _holder(data: ApplicationFormData, width: float) -> Flowable:
    holder = data.holder
    fields = [
        Field(Label("姓名", "Name"), holder.name),
        Field(
            Label("性别", "Sex"), blocks.named(labels.SEX.get(holder.sex) if holder.sex else None)
        ),
        Field(Label("民族", "Ethnicity"), labels.ethnicity_name(holder.ethnicity or "") or None),
        Field(
            Label("出生日期", "Date of birth"),
            formatting.day(holder.birth_date) if holder.birth_date else None,
        ),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[holder.document_type])
        ),
        Field(Label("证件号码", "Document no."), holder.document_number),
        Field(Label("联系电话", "Phone"), holder.phone, wide=True),
        Field(Label("常住地址", "Address"), holder.address, wide=True),
    ]
    return blocks.grid(fields, width)


def _representative(person: Representative | None, width: float) -> Flowable:
    if person is None:
        in_person = blocks.named(Label("持卡人本人", "the holder"))
        return blocks.grid([Field(Label("办理人", "Applicant"), in_person, wide=True)], width)
    fields = [
        Field(Label("身份", "Acting as"), blocks.named(labels.REPRESENTATIVE_ROLE[person.role])),
        Field(Label("姓名", "Name"), person.name),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[person.document_type])
        ),
        Field(Label("证件号码", "Document no."), person.document_number),
        Field(Label("与持卡人关系", "Relationship"), person.relationship),
        Field(Label("联系电话", "Phone"), person.phone),
    ]
    return blocks.grid(fields, width)


def _corrections(data: ApplicationFormData, width: float) -> Flowable:
    rows = [[blocks.named(c.item), c.old, c.new] for c in data.corrections]
    # The certificate closes the table, so that a long table splits across pages as one.
    certificate = Field(Label("变更证明编号", "Certificate no."), data.certificate_no)
    return blocks.columns(
        [Label("更正项目", "Item"), Label("原信息", "Old value"), Label("新信息", "New value")],
        rows or [["", "", ""]],
        [width * 0.2, width * 0.4, width * 0.4],
        closing=certificate,
    )


def _materials(data: ApplicationFormData, width: float) -> Flowable:
    rows = [
        [
            blocks.named(m.label, styles.BODY),
            blocks.named(
                Label("必需", "required") if m.required else Label("如适用", "if applicable"),
                styles.BODY,
            ),
            blocks.text(PROVIDED if m.provided else MISSING, styles.BODY),
        ]
        for m in data.materials
    ]
    return blocks.columns(
        [Label("材料", "Material"), Label("要求", "Requirement"), Label("核验", "Checked")],
        rows or [["", "", ""]],
        [width * 0.6, width * 0.22, width * 0.18],
    )


def _fee(fee: FeeLine | None, width: float) -> Flowable:
    if fee is None:
        return blocks.grid([Field(Label("工本费", "Fee"), None, wide=True)], width)
    waiver = blocks.named(fee.waiver) if fee.waiver else blocks.named(Label("无", "none"))
    fields = [
        Field(Label("工本费", "Fee"), formatting.amount(fee.amount)),
        Field(Label("人民币大写", "In words"), formatting.amount_in_words(fee.amount)),
        Field(Label("减免", "Waiver"), waiver),
        Field(Label("缴费凭证号", "Voucher no."), fee.voucher_no),
    ]
    return blocks.grid(fields, width)
