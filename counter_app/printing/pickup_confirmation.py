"""领卡确认单 Pickup confirmation (A4): who collected which new card, and when.

The collector may take a copy home, so the document and card numbers are masked: the receipt
number and the database tie it to the full numbers.
"""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.domain.rules import Label
from counter_app.printing import blocks, formatting, labels
from counter_app.printing.blocks import Field
from counter_app.printing.data import PickupConfirmationData
from counter_app.printing.frame import A4, DocumentFrame, render

TITLE = Label("社会保障卡领卡确认单", "Card Pickup Confirmation")
STATEMENT = Label(
    "本人已领取上述社会保障卡，当面核对卡面信息无误；新卡已启用，原卡同时注销。",
    "I have received the card above and checked what is printed on it; "
    "it has been activated and the old card is cancelled.",
)


def build_pickup_confirmation(data: PickupConfirmationData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(TITLE, data.outlet, data.receipt_no, reprint, A4)
    return render(frame, partial(story, data))


def story(data: PickupConfirmationData, width: float) -> list[Flowable]:
    old_card = (
        f"{mask_card_number(data.old_card_number)}（已注销）" if data.old_card_number else None
    )
    fields = [
        Field(Label("持卡人姓名", "Holder"), data.holder_name),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[data.document_type])
        ),
        Field(Label("证件号码", "Document no."), mask_id_number(data.document_number)),
        Field(Label("新卡卡号", "New card no."), mask_card_number(data.new_card_number)),
        Field(Label("原卡卡号", "Old card no."), old_card),
        Field(Label("领卡时间", "Collected at"), formatting.moment(data.collected_at)),
        Field(Label("经办柜员", "Clerk"), blocks.staff(data.clerk)),
        Field(Label("网点代码", "Outlet code"), data.outlet.code),
    ]
    return [
        blocks.section(Label("一、卡片信息", "Card"), width),
        blocks.grid(fields, width),
        blocks.gap(8),
        blocks.section(Label("二、领卡人", "Collected by"), width),
        _collector(data, width),
        blocks.gap(8),
        blocks.notice([STATEMENT], width),
        blocks.gap(8),
        blocks.signatures([Label("领卡人签字", "Collector"), blocks.CLERK_SIGNS], width),
    ]


def _collector(data: PickupConfirmationData, width: float) -> Flowable:
    person = data.collector
    if person is None:
        in_person = blocks.named(Label("持卡人本人", "the holder in person"))
        return blocks.grid([Field(Label("领卡人", "Collector"), in_person, wide=True)], width)
    fields = [
        Field(Label("身份", "Acting as"), blocks.named(labels.REPRESENTATIVE_ROLE[person.role])),
        Field(Label("姓名", "Name"), person.name),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[person.document_type])
        ),
        Field(Label("证件号码", "Document no."), mask_id_number(person.document_number)),
        Field(Label("与持卡人关系", "Relationship"), person.relationship),
        Field(Label("联系电话", "Phone"), person.phone),
    ]
    return blocks.grid(fields, width)
