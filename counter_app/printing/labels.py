"""What domain values are called on paper: Chinese first, an English subtitle after.

Printed documents do not follow the window's language: the holder keeps them, the outlet files
them, and social security offices read them, so they are always in Chinese, with English in
small type under labels (and after enum values) for foreign holders. The window's labels
(`ui/labels.py`) go through Qt's translations; this layer has no Qt, so the two words are here.
"""

from __future__ import annotations

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType, RepresentativeRole, Sex
from counter_app.domain.rules import Label

BUSINESS: dict[Business, Label] = {
    Business.REPLACEMENT: Label("换卡", "Replacement"),
    Business.REISSUE: Label("补卡", "Reissue after loss"),
    Business.CORRECTION: Label("信息更正", "Correction of holder information"),
    Business.PICKUP: Label("领卡与启用", "Pickup and activation"),
    Business.LOSS_REPORT: Label("挂失", "Loss report"),
}

REASON: dict[Reason, Label] = {
    Reason.EXPIRED: Label("有效期满", "Expired"),
    Reason.DAMAGED: Label("卡片损坏", "Damaged"),
    Reason.UPGRADE: Label("升级换代", "Upgrade to a newer card"),
    Reason.INFORMATION_CHANGE: Label("卡面信息变更", "Information on the card changed"),
    Reason.LOST: Label("卡片遗失", "Lost"),
    Reason.QUALITY: Label("质量问题", "Quality problem"),
    Reason.ID_NUMBER: Label("公民身份号码有误或升位", "Wrong or 15-digit ID number"),
    Reason.NAME: Label("姓名变更", "Name changed"),
    Reason.OTHER_ITEM: Label("其他信息更正", "Other item corrected"),
}

DOCUMENT_TYPE: dict[DocumentType, Label] = {
    DocumentType.RESIDENT_ID: Label("居民身份证", "Resident ID card"),
    DocumentType.HK_MACAO_PERMIT: Label("港澳居民来往内地通行证", "Hong Kong/Macao permit"),
    DocumentType.TAIWAN_PERMIT: Label("台湾居民来往大陆通行证", "Taiwan permit"),
    DocumentType.FOREIGN_PERMANENT_RESIDENT: Label(
        "外国人永久居留身份证", "Foreign permanent resident ID"
    ),
    DocumentType.PASSPORT: Label("护照", "Passport"),
}

SEX: dict[Sex, Label] = {
    Sex.MALE: Label("男", "Male"),
    Sex.FEMALE: Label("女", "Female"),
    Sex.UNSPECIFIED: Label("未说明", "Unspecified"),
}

LOSS_KIND: dict[LossKind, Label] = {
    LossKind.TEMPORARY: Label("临时挂失", "Temporary"),
    LossKind.FORMAL: Label("正式挂失", "Formal"),
}

LOSS_CHANNEL: dict[LossChannel, Label] = {
    LossChannel.HOTLINE: Label("12333 电话挂失", "12333 hotline"),
    LossChannel.COUNTER: Label("柜面挂失", "At the counter"),
}

REPRESENTATIVE_ROLE: dict[RepresentativeRole, Label] = {
    RepresentativeRole.AGENT: Label("代办人", "Agent"),
    RepresentativeRole.GUARDIAN: Label("监护人", "Guardian"),
}

# GB/T 3304 ethnicity codes as the card's chip stores them (EF06 tag 0B).
_ETHNICITIES = (
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
)
ETHNICITY: dict[str, str] = {
    **{f"{number:02d}": name for number, name in enumerate(_ETHNICITIES, start=1)},
    "97": "其他",
    "98": "外国血统中国籍人士",
}


def reason_label(reason: Reason | None) -> Label | None:
    """The reason's name; None for a business without reasons (pickup)."""
    return REASON[reason] if reason is not None else None


def ethnicity_name(value: str) -> str:
    """The name for a GB/T 3304 code ("01" → 汉族); anything else (a name already) as given."""
    return ETHNICITY.get(value.strip().zfill(2) if value.strip().isdigit() else value, value)
