from django.urls import path

from workings.money import downloads, views

app_name = "money"
P = "projects/<slug:slug>/money/"
urlpatterns = [
    path(P, views.MoneyHomeView.as_view(), name="home"),
    path(P + "budget/", views.BudgetLineAddView.as_view(), name="budget-add"),
    path(P + "budget/<int:pk>/edit/", views.BudgetLineEditView.as_view(), name="budget-edit"),
    path(P + "budget/<int:pk>/remove/", views.BudgetLineRemoveView.as_view(), name="budget-remove"),
    path(P + "offers/new/", views.OfferCreateView.as_view(), name="offer-new"),
    path(P + "offers/<int:pk>/", views.OfferDetailView.as_view(), name="offer"),
    path(P + "offers/<int:pk>/claim/", views.ClaimCreateView.as_view(), name="claim-new"),
    path(P + "claims/<int:pk>/", views.ClaimDetailView.as_view(), name="claim"),
    path(P + "claims/<int:pk>/approve/", views.ClaimApproveView.as_view(), name="claim-approve"),
    path(P + "claims/<int:pk>/reject/", views.ClaimRejectView.as_view(), name="claim-reject"),
    path(P + "claims/<int:pk>/paid/", views.ClaimPayView.as_view(), name="claim-pay"),
    path(P + "receipts/<int:pk>/download/", downloads.ReceiptView.as_view(), name="receipt"),
    path(P + "export.csv", downloads.ExportView.as_view(), name="export"),
    path(P + "statement/<int:year>/", downloads.StatementView.as_view(), name="statement"),
    path(
        P + "statement/<int:year>/print/",
        downloads.StatementPrintView.as_view(),
        name="statement-print",
    ),
    path(
        P + "statement/<int:year>/statement.csv",
        downloads.StatementCsvView.as_view(),
        name="statement-csv",
    ),
]
