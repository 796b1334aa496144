"""受理回执 Acceptance receipt (A5): what the customer takes home and brings back at pickup.

It carries everything the business rules list for it, the receipt number also as a QR code and
a Code 128 barcode. It leaves the outlet, so the document and card numbers are masked.
"""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.application import Business
from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.domain.rules import Label, LocalityRules
from counter_app.printing import blocks, codes, formatting, labels, styles
from counter_app.printing.blocks import Field
from counter_app.printing.data import AcceptanceReceiptData, FeeLine
from counter_app.printing.frame import A5, DocumentFrame, render

TITLE = Label("社会保障卡业务受理回执", "Acceptance Receipt · Social Security Card")
QR_SIZE = 58
AWAITING_APPROVAL = Label("待复核", "awaiting approval")


def build_acceptance_receipt(data: AcceptanceReceiptData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(TITLE, data.outlet, data.receipt_no, reprint, A5)
    return render(frame, partial(story, data))


def pickup_checklist(rules: LocalityRules) -> tuple[Label, ...]:
    """What to bring at pickup, from the rules: the required materials, then the optional ones
    marked 如适用 (an agent's ID only matters when an agent comes)."""
    materials = rules.materials_for(Business.PICKUP, None)
    required = tuple(m.label for m in materials if m.required)
    optional = tuple(
        Label(f"{m.label.zh}（如适用）", m.label.en) for m in materials if not m.required
    )
    return required + optional


def story(data: AcceptanceReceiptData, width: float) -> list[Flowable]:
    old_card = mask_card_number(data.old_card_number) if data.old_card_number else None
    # The outlet's name and code head the page; the holder's name and the pickup date get a
    # whole row each, so that even the longest name stays on one line.
    fields = [
        Field(Label("业务类型", "Business"), blocks.named(labels.BUSINESS[data.business])),
        Field(Label("申请原因", "Reason"), blocks.named(labels.reason_label(data.reason))),
        Field(Label("持卡人姓名", "Holder"), data.holder_name, wide=True),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[data.document_type])
        ),
        Field(Label("证件号码", "Document no."), mask_id_number(data.document_number)),
        Field(Label("原卡卡号", "Old card no."), old_card),
        Field(Label("受理时间", "Accepted at"), formatting.moment(data.accepted_at)),
        Field(Label("工本费", "Fee"), _fee(data.fee)),
        Field(Label("缴费凭证号", "Voucher no."), data.fee.voucher_no),
        Field(Label("经办柜员", "Clerk"), blocks.staff(data.clerk)),
        Field(Label("复核主管", "Supervisor"), blocks.staff(data.supervisor, AWAITING_APPROVAL)),
        Field(
            Label("预计领卡日期", "Pickup from"),
            blocks.text(formatting.day(data.expected_pickup_date), styles.EMPHASIS),
            wide=True,
        ),
        Field(Label("领卡地点", "Pickup at"), data.pickup_place, wide=True),
        Field(
            Label("领卡须携带", "Bring at pickup"),
            blocks.items(data.bring_at_pickup, styles.SMALL),
            wide=True,
        ),
    ]
    return [
        _codes(data.receipt_no, width),
        blocks.gap(5),
        blocks.grid(fields, width, label_share=0.34),
        blocks.gap(5),
        blocks.notice(_notices(data), width),
        blocks.gap(5),
        blocks.signatures(
            [Label("申请人（代办人）签字", "Applicant or agent"), blocks.CLERK_SIGNS],
            width,
            height=24,
        ),
    ]


def _fee(fee: FeeLine) -> str:
    waiver = f"（减免：{fee.waiver.zh}）" if fee.waiver is not None else ""
    return formatting.amount(fee.amount) + waiver


def _codes(receipt_no: str, width: float) -> Flowable:
    number = [
        blocks.named(Label("受理编号", "Receipt No."), styles.LABEL),
        blocks.text(receipt_no, styles.EMPHASIS),
        codes.barcode(receipt_no),
    ]
    qr = codes.QrCode(receipt_no, QR_SIZE)
    return blocks.borderless([[qr, number]], [QR_SIZE + 8, width - QR_SIZE - 8])


def _notices(data: AcceptanceReceiptData) -> list[Label]:
    return [
        Label(
            "请妥善保管本回执，领卡时须凭本回执办理。",
            "Keep this receipt: it is needed to collect the card.",
        ),
        Label(
            "预计领卡日期如遇法定节假日顺延。",
            "Public holidays in between move the pickup date back.",
        ),
        Label(
            f"咨询电话 {data.hotline}（人力资源和社会保障服务热线）",
            f"Enquiries: the {data.hotline} hotline.",
        ),
    ]
