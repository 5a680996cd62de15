"""The documents policy: who may read, propose, suggest, decide, approve, dissent, submit.

Owners and the final-say rule come from the agreement in force (agreements' "documents"
section); the project policy answers the role questions. Separation of powers: only an
owner approves, accepts or rejects, and only for themselves; the lead's power is a
co-signature, and only where the agreement asks for one."""

from __future__ import annotations

from typing import Any

from workings.agreements.selectors import DocumentTerms, document_terms_for
from workings.core.exceptions import NotFound
from workings.documents.models import Document
from workings.projects.models import Project
from workings.projects.permissions import project_policy


class DocumentPolicy:
    def terms(self, project: Project) -> DocumentTerms:
        return document_terms_for(project)

    def can_view(self, user: Any, project: Project) -> bool:
        return project_policy.can(user, "view_members", project)

    def can_write(self, user: Any, project: Project) -> bool:
        """Propose a version, suggest a change, start a document: anyone who writes entries."""
        return project_policy.can(user, "write_entries", project)

    def is_owner(self, user: Any, project: Project, terms: DocumentTerms | None = None) -> bool:
        if user is None or not user.is_authenticated:
            return False
        if not project_policy.can(user, "write_entries", project):
            return False  # a former member keeps no final say
        terms = terms or self.terms(project)
        return user.pk in terms.owner_ids

    def can_decide_suggestion(self, user: Any, project: Project) -> bool:
        return self.is_owner(user, project)

    def can_cosign(self, user: Any, project: Project, terms: DocumentTerms | None = None) -> bool:
        terms = terms or self.terms(project)
        return terms.final_say == "owners_and_lead" and project_policy.can(user, "update", project)

    def can_submit(self, user: Any, project: Project) -> bool:
        """Submitting a grant application is the lead's act; the text is the owners'."""
        return project_policy.can(user, "update", project)


document_policy = DocumentPolicy()


def document_get_for(user: Any, project: Project, document_id: int) -> Document:
    """The document if this person may read it; the same 'not found' otherwise."""
    if not document_policy.can_view(user, project):
        raise NotFound("We could not find that document.")
    document = Document.objects.filter(project=project, pk=document_id).first()
    if document is None:
        raise NotFound("We could not find that document.")
    return document
