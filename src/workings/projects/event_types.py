from workings.events.types import register

PROJECT_CREATED = register(100, "project.created", "Project started")
PROJECT_UPDATED = register(101, "project.updated", "Project details changed")
MEMBER_INVITED = register(110, "member.invited", "Someone was invited")
INVITATION_ACCEPTED = register(111, "invitation.accepted", "Invitation accepted")
INVITATION_DECLINED = register(112, "invitation.declined", "Invitation declined")
INVITATION_WITHDRAWN = register(113, "invitation.withdrawn", "Invitation withdrawn")
MEMBER_ROLE_CHANGED = register(120, "member.role_changed", "A member's role changed")
MEMBER_UPDATED = register(121, "member.updated", "A member changed how they are named")
MEMBER_LEFT = register(122, "member.left", "A member left the project")
MEMBER_REMOVED = register(123, "member.removed", "A member was removed")
