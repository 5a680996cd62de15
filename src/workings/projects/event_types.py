"""Projects and people events, codes 100-199. Codes are never reused.

Invitations name an address that never chose to be public: members only. A reason given
for a change to someone's membership is personal: kept in the member-only part."""

from workings.events.types import Audience, register

PUBLIC, MEMBERS = Audience.PUBLIC, Audience.MEMBERS

PROJECT_CREATED = register(100, "project.created", "Project started", PUBLIC)
PROJECT_UPDATED = register(101, "project.updated", "Project details changed", PUBLIC)
MEMBER_INVITED = register(
    110, "member.invited", "Someone was invited", MEMBERS, personal=("email",)
)
INVITATION_ACCEPTED = register(
    111, "invitation.accepted", "Invitation accepted", PUBLIC, personal=("display_name",)
)
INVITATION_DECLINED = register(112, "invitation.declined", "Invitation declined", MEMBERS)
INVITATION_WITHDRAWN = register(113, "invitation.withdrawn", "Invitation withdrawn", MEMBERS)
MEMBER_ROLE_CHANGED = register(
    120, "member.role_changed", "A member's role changed", PUBLIC, personal=("reason",)
)
MEMBER_UPDATED = register(
    121, "member.updated", "A member changed how they are named", PUBLIC, personal=("display_name",)
)
MEMBER_LEFT = register(
    122, "member.left", "A member left the project", PUBLIC, personal=("reason",)
)
MEMBER_REMOVED = register(
    123, "member.removed", "A member was removed", PUBLIC, personal=("reason",)
)
