from django.urls import path

from . import api, summary, views, whatif

app_name = "advisor"

urlpatterns = [
    path("", views.comparison, name="comparison"),
    path("comments/", views.comment_post, name="comment_post"),
    path("assess/", views.assess, name="assess"),
    path("assessment/<uuid:public_id>/", views.result, name="result"),
    path("shared/<uuid:share_id>/", views.result_shared, name="result_shared"),
    path("assessment/<uuid:public_id>/summary/", summary.summary, name="summary"),
    path("shared/<uuid:share_id>/summary/", summary.summary_shared, name="summary_shared"),
    path("assessment/<uuid:public_id>/rescore/", views.rescore, name="rescore"),
    path("assessment/<uuid:public_id>/delete/", views.delete, name="delete"),
    path("assessment/<uuid:public_id>/what-if/", whatif.whatif, name="whatif"),
    path("assessment/<uuid:public_id>/depends/", whatif.depends, name="depends"),
    path("assessment/<uuid:public_id>/what-if/keep/", whatif.whatif_keep, name="whatif_keep"),
    path("api/assessments/", api.post_assessment, name="api_assessment_create"),
    path("api/assessments/<uuid:public_id>/", api.assessment_detail, name="api_assessment_detail"),
    path("api/score/", api.score, name="api_score"),
    path("api/support-models/", api.support_models, name="api_support_models"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", views.robots, name="robots"),
]
