"""缴费凭证 Payment voucher (A4): the record of the card fee (工本费) the customer paid.

It names the payer but carries no document or card number at all.
"""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.rules import Label
from counter_app.printing import blocks, formatting, labels, styles
from counter_app.printing.blocks import Field
from counter_app.printing.data import PaymentVoucherData
from counter_app.printing.frame import A4, DocumentFrame, render

TITLE = Label("社会保障卡工本费缴费凭证", "Payment Voucher · Card Fee")
NOTICE = Label(
    "本凭证为社会保障卡工本费的缴费凭据，请妥善保管。",
    "This voucher is the record of the card fee paid: keep it.",
)


def build_payment_voucher(data: PaymentVoucherData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(TITLE, data.outlet, data.receipt_no, reprint, A4)
    return render(frame, partial(story, data))


def story(data: PaymentVoucherData, width: float) -> list[Flowable]:
    fields = [
        Field(Label("缴费凭证号", "Voucher no."), data.voucher_no),
        Field(Label("受理编号", "Receipt no."), data.receipt_no),
        Field(Label("业务类型", "Business"), blocks.named(labels.BUSINESS[data.business])),
        Field(Label("申请原因", "Reason"), blocks.named(labels.reason_label(data.reason))),
        Field(Label("缴款人", "Payer"), data.payer),
        Field(Label("缴费时间", "Paid at"), formatting.moment(data.paid_at)),
        Field(Label("收费项目", "Item"), blocks.named(Label("社会保障卡工本费", "card fee"))),
        Field(Label("经办柜员", "Clerk"), blocks.staff(data.clerk)),
    ]
    amount = blocks.text(formatting.amount(data.amount), styles.EMPHASIS)
    fields += [
        Field(Label("金额", "Amount"), amount, wide=True),
        Field(
            Label("人民币（大写）", "In words"), formatting.amount_in_words(data.amount), wide=True
        ),
    ]
    if data.waiver is not None:
        fields.append(Field(Label("减免", "Waiver"), blocks.named(data.waiver), wide=True))
    received_by = f"{data.outlet.name}（{data.outlet.code}）"
    fields.append(Field(Label("收款网点", "Received by"), received_by, wide=True))
    return [
        blocks.grid(fields, width),
        blocks.gap(8),
        blocks.notice([NOTICE], width),
        blocks.gap(8),
        blocks.signatures([Label("缴款人签字", "Payer"), blocks.CLERK_SIGNS], width),
    ]
