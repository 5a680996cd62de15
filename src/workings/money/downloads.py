"""Money downloads and statements: receipts, the finance CSV, and a contributor's statement
per tax year (page, printable page, CSV). Each asks the money policy like the other pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotFound
from workings.money import amounts, exports
from workings.money.models import Expense
from workings.money.permissions import money_policy
from workings.money.views import MoneyMixin
from workings.projects.models import Membership


class ReceiptView(MoneyMixin):
    def get(self, request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        expense = (
            Expense.objects.filter(claim__project=self.project, pk=pk)
            .select_related("claim__person", "claim__project")
            .first()
        )
        if (
            expense is None
            or not expense.receipt
            or not money_policy.can_view_claim(request.user, expense.claim)
        ):
            raise NotFound(_("That receipt does not exist."))
        extension = {"application/pdf": "pdf", "image/png": "png", "image/webp": "webp"}.get(
            expense.receipt_type, "jpg"
        )
        response = FileResponse(
            expense.receipt.open("rb"),
            content_type=expense.receipt_type,
            filename=f"receipt-{expense.pk}.{extension}",
        )
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ExportView(MoneyMixin):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        if not money_policy.can_see_everyones(request.user, self.project):
            raise PermissionDenied
        response = StreamingHttpResponse(
            exports.finance_csv(self.project, today=clock.today()), content_type="text/csv"
        )
        response["Content-Disposition"] = f'attachment; filename="{slug}-claims.csv"'
        response["Cache-Control"] = "private, no-store"
        return response


class StatementMixin(MoneyMixin):
    def statement(self, year: int) -> tuple[Membership, exports.Statement]:
        """The statement asked for, if the reader may see it: their own (the latest
        membership), or, with ?person=, someone's for the lead and the funder's reviewers."""
        person = self.request.GET.get("person")
        memberships = Membership.objects.filter(project=self.project)
        membership = (
            memberships.filter(pk=person).first()
            if person and person.isdigit()
            else memberships.filter(user=self.request.user).order_by("-pk").first()
        )
        if membership is None or not money_policy.can_statement(
            self.request.user, self.project, membership
        ):
            raise NotFound(_("There is no statement for that person."))
        if not 2000 <= year <= 2100:
            raise NotFound(_("There is no statement for that year."))
        return membership, exports.statement(self.project, membership, year)


class StatementView(StatementMixin):
    template = "money/statement.html"

    def get(self, request: HttpRequest, slug: str, year: int) -> HttpResponse:
        membership, found = self.statement(year)
        return self.render(
            self.template,
            statement=found,
            person=membership,
            rows=[
                (c, amounts.shown(c.fee, c.currency), amounts.shown(c.expenses_total, c.currency))
                for c in found.claims
            ],
            fees=amounts.shown(found.fees, found.currency),
            expenses=amounts.shown(found.expenses, found.currency),
            total=amounts.shown(found.total, found.currency),
            previous=year - 1,
            next=year + 1,
            today=clock.today(),
        )


class StatementPrintView(StatementView):
    """The same statement on a bare page to print (or save as PDF from the browser)."""

    template = "money/statement_print.html"


class StatementCsvView(StatementMixin):
    def get(self, request: HttpRequest, slug: str, year: int) -> HttpResponse:
        membership, found = self.statement(year)
        response = HttpResponse(
            "".join(exports.statement_csv(found)), content_type="text/csv; charset=utf-8"
        )
        name = f"{slug}-statement-{year}-{membership.pk}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response
