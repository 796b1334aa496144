"""What of a flow may reach the log: a whitelist. Names, numbers and free text never do."""

from __future__ import annotations

from counter_app.workflows import facts
from counter_app.workflows.flow import Flow


def log_fields(flow: Flow) -> dict[str, str]:
    reason = facts.reason(flow)
    return {
        "business": flow.business.value,
        "reason": reason.value if reason else "",
        "step": flow.current.id,
        "completed": ",".join(flow.completed),
        "application": str(flow.application_id or ""),
        "representation": facts.representation(flow).value,
    }
