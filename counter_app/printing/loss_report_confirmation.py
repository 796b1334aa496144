"""挂失确认单 Loss-report confirmation (A4): the card is reported lost, and until when.

The holder takes it home, so the document and card numbers are masked.
"""

from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.card import LossKind
from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.domain.rules import Label
from counter_app.printing import blocks, formatting, labels
from counter_app.printing.blocks import Field
from counter_app.printing.data import LossReportConfirmationData
from counter_app.printing.frame import A4, DocumentFrame, render

TITLE = Label("社会保障卡挂失确认单", "Loss Report Confirmation")


def build_loss_report_confirmation(data: LossReportConfirmationData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(TITLE, data.outlet, data.receipt_no, reprint, A4)
    return render(frame, partial(story, data))


def story(data: LossReportConfirmationData, width: float) -> list[Flowable]:
    until = formatting.day(data.expires_on) if data.expires_on else None
    fields = [
        Field(Label("持卡人姓名", "Holder"), data.holder_name),
        Field(
            Label("证件类型", "Document"), blocks.named(labels.DOCUMENT_TYPE[data.document_type])
        ),
        Field(Label("证件号码", "Document no."), mask_id_number(data.document_number)),
        Field(Label("挂失卡号", "Card no."), mask_card_number(data.card_number)),
        Field(Label("挂失类型", "Kind"), blocks.named(labels.LOSS_KIND[data.kind])),
        Field(Label("挂失渠道", "Reported by"), blocks.named(labels.LOSS_CHANNEL[data.channel])),
        Field(Label("挂失时间", "Reported at"), formatting.moment(data.reported_at)),
        Field(Label("失效日期", "Lapses on"), until),
        Field(Label("经办柜员", "Clerk"), blocks.staff(data.clerk)),
        Field(Label("网点代码", "Outlet code"), data.outlet.code),
    ]
    return [
        blocks.grid(fields, width),
        blocks.gap(8),
        blocks.notice(_notices(data), width),
        blocks.gap(8),
        blocks.signatures([Label("挂失人签字", "Reported by"), blocks.CLERK_SIGNS], width),
    ]


def _notices(data: LossReportConfirmationData) -> list[Label]:
    if data.kind is LossKind.TEMPORARY:
        until = formatting.day(data.expires_on) if data.expires_on else blocks.EMPTY
        first = Label(
            f"临时挂失将于 {until} 自动失效；请在此之前到网点办理正式挂失或补卡。",
            f"This temporary loss report lapses on {until}: "
            "make it formal or apply for a new card before then.",
        )
    else:
        first = Label(
            "正式挂失后原卡不能再使用；申请补卡后，挂失不能撤销。",
            "After a formal loss report the card cannot be used again; "
            "once a new card is applied for, the report cannot be withdrawn.",
        )
    return [
        first,
        Label(
            "补卡请携带本人居民身份证原件到网点办理。",
            "To apply for a new card, bring your original ID card to an outlet.",
        ),
        Label(
            f"咨询电话 {data.hotline}（人力资源和社会保障服务热线）",
            f"Enquiries: the {data.hotline} hotline.",
        ),
    ]
