"""Staff roles and what each may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    TAKE_APPLICATIONS = "take_applications"
    DECIDE_APPLICATIONS = "decide_applications"
    MANAGE_STAFF = "manage_staff"
    REVEAL_NUMBERS = "reveal_numbers"
    PRINT_DOCUMENTS = "print_documents"  # print and reprint what was kept
    VIEW_REPORTS = "view_reports"  # the outlet's daily report


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.TAKE_APPLICATIONS, Permission.PRINT_DOCUMENTS}),
    # A supervisor can also serve at a counter; four eyes still keeps them off their own work.
    Role.SUPERVISOR: frozenset(
        {
            Permission.TAKE_APPLICATIONS,
            Permission.DECIDE_APPLICATIONS,
            Permission.REVEAL_NUMBERS,
            Permission.PRINT_DOCUMENTS,
            Permission.VIEW_REPORTS,
        }
    ),
    # Outlet IT staff reprint a receipt from the command line when a customer has lost it.
    Role.ADMINISTRATOR: frozenset(
        {Permission.MANAGE_STAFF, Permission.PRINT_DOCUMENTS, Permission.VIEW_REPORTS}
    ),
}


def may(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
