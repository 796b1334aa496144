"""Who is acting, and from which workstation."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.roles import Permission, Role, may
from counter_app.services.errors import PermissionDenied
from counter_app.workstation import this_workstation


@dataclass(frozen=True)
class Actor:
    staff_id: int | None  # None for the command line's system actor
    staff_no: str
    name: str
    role: Role
    workstation: str

    @classmethod
    def system(cls) -> Actor:
        """An administrator at the command line: whoever can run it already holds the database."""
        return cls(None, "system", "system", Role.ADMINISTRATOR, this_workstation())

    @classmethod
    def claimed(cls, staff_no: str, workstation: str) -> Actor:
        """Whoever typed this staff number, before the password proved it: no permissions."""
        return cls(None, staff_no, "", Role.CLERK, workstation)

    def may(self, permission: Permission) -> bool:
        return may(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(permission.value)
