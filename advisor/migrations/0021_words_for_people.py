"""Words for people (issue 29): figure labels without typing notation, units the value already shows, or field names.

The labels of each option's figures are the choices of CostParameter.key (the AlterFields below: no data changes),
and the help for staff on how to type a figure moves to the expected value's field.
The shared figures' labels and one note are rows staff can edit: forward changes a row only while it still holds
exactly the text an earlier migration seeded, so a staff edit wins; backward puts the seeded text back only while
the row holds exactly this migration's text. Both texts are frozen here.
"""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models

# SharedFigure key: (the seeded label, the label for people).
LABELS = {
    "backup_tooling_per_user_month": (
        "Backup tooling a user a month, bought separately ($)",
        "Backup tooling a user a month, bought separately",
    ),
    "onsite_visit_cost": (
        "Cost of an on-site visit a plan leaves out ($)",
        "Cost of an on-site visit a plan leaves out",
    ),
    "out_of_plan_hourly_rate": ("Hourly rate for work a plan leaves out ($)", "Hourly rate for work a plan leaves out"),
    "recovery_cost_per_person": (
        "Direct cost of recovering from a serious incident, a person ($)",
        "Direct cost of recovering from a serious incident, a person",
    ),
    "regulated_cost_moderate": (
        "Notification and legal costs for personal data, a person ($)",
        "Notification and legal costs for personal data, a person",
    ),
    "regulated_cost_strict": (
        "Notification, legal costs and fines for strictly regulated data, a person ($)",
        "Notification, legal costs and fines for strictly regulated data, a person",
    ),
    "security_tooling_per_user_month": (
        "Security tooling a user a month, bought separately ($)",
        "Security tooling a user a month, bought separately",
    ),
    "tooling_per_user_month": (
        "Security and backup tooling a user a month, bought separately ($)",
        "Security and backup tooling a user a month, bought separately",
    ),
}
# CostParameter (option slug, key): (the seeded note, the note for people).
NOTES = {
    ("block-hours", "minimum_users"): (
        "The smallest block sets the minimum spend instead (see block_minimum_hours).",
        "The smallest block sets the minimum spend instead.",
    ),
    ("in-house", "onboarding_months"): (
        "No fee to scale; the cost of hiring is in recruiting_cost_per_hire.",
        "No fee to scale; the cost of hiring is in the recruiting cost a hire.",
    ),
}


def _mend(apps, alias, *, forward):
    SharedFigure = apps.get_model("advisor", "SharedFigure")
    CostParameter = apps.get_model("advisor", "CostParameter")
    for key, (seeded, plain) in LABELS.items():
        old, new = (seeded, plain) if forward else (plain, seeded)
        SharedFigure.objects.using(alias).filter(key=key, label=old).update(label=new)
    for (slug, key), (seeded, plain) in NOTES.items():
        old, new = (seeded, plain) if forward else (plain, seeded)
        CostParameter.objects.using(alias).filter(support_model__slug=slug, key=key, note=old).update(note=new)


def forward(apps, schema_editor):
    _mend(apps, schema_editor.connection.alias, forward=True)


def backward(apps, schema_editor):
    _mend(apps, schema_editor.connection.alias, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0020_size_people_devices_sites"),
    ]

    operations = [
        migrations.AlterField(
            model_name="costparameter",
            name="key",
            field=models.CharField(
                choices=[
                    ("hourly_rate", "Hourly rate for reactive work"),
                    ("hours_per_incident", "Hours of work to fix a problem"),
                    ("response_delay_hours", "Working hours waiting before work starts"),
                    ("after_hours_premium", "After-hours rate multiplier"),
                    ("fee_per_user_month", "Monthly fee per user"),
                    ("fee_per_device_month", "Monthly fee per device"),
                    ("minimum_users", "Minimum number of users billed"),
                    ("onboarding_months", "Onboarding charge, in months of the monthly fee"),
                    ("prevented_share", "Share of problems prevented"),
                    ("serious_incident_reduction", "Share of serious incidents prevented"),
                    ("upkeep_included", "Routine upkeep included"),
                    ("tooling_included", "Security and backup tooling included"),
                    ("joiners_included", "New starters and leavers included"),
                    ("backups_managed", "Backups set up and restore-tested"),
                    ("block_discount", "Prepaid block: discount off the hourly rate"),
                    ("block_minimum_hours", "Prepaid block: smallest block, hours a month"),
                    ("unused_hours_expire", "Prepaid block: unused hours expire"),
                    ("requires_it_staff", "Only beside in-house IT staff"),
                    ("salary_year", "Salaried: salary a year"),
                    ("salary_loading", "Salaried: loaded cost multiplier (×)"),
                    ("users_per_it_staff", "Salaried: people one IT person supports"),
                    ("recruiting_cost_per_hire", "Salaried: recruiting cost a hire"),
                    ("staff_leaving_rate", "Salaried: share of IT staff leaving a year"),
                    ("training_tools_per_staff_year", "Salaried: training and tools a person a year"),
                    ("away_share", "Salaried: share of time one person is away"),
                    ("cover_response_delay_hours", "Salaried: hours waiting for bought-in help"),
                    ("fee_per_site_month", "Monthly fee for each site beyond the first"),
                    ("devices_per_it_staff", "Salaried: devices one IT person looks after"),
                    ("out_of_hours_staffing", "Salaried: staff time an hour of out-of-hours work takes (×)"),
                    ("full_service_fee_per_user_month", "Beside own staff: fee a user for what they cannot cover"),
                ],
                max_length=40,
            ),
        ),
        migrations.AlterField(
            model_name="sharedfigure",
            name="key",
            field=models.CharField(
                choices=[
                    ("incidents_per_person_month", "IT problems a person a month (estimate)"),
                    ("downtime_cost_per_person_hour", "An hour of one person's work (estimate)"),
                    ("people_affected_per_incident", "People a typical problem stops"),
                    ("tooling_per_user_month", "Security and backup tooling a user a month"),
                    ("joiner_hours", "Hours to set up or remove a person"),
                    ("staff_turnover", "Share of staff joining or leaving a year"),
                    ("serious_incident_chance", "Chance a year of a serious incident"),
                    ("unpatched_multiplier", "Likelier without routine upkeep (×)"),
                    ("recovery_cost_per_person", "Recovery cost a person"),
                    ("recovery_days_tested", "Days to recover, tested backups"),
                    ("recovery_days_partial", "Days to recover, untested backups"),
                    ("recovery_days_none", "Days to recover, no backups"),
                    ("regulated_cost_moderate", "Notification costs a person, personal data"),
                    ("regulated_cost_strict", "Notification costs and fines a person, strict"),
                    ("it_staff_away_share", "Share of time one in-house IT person is away"),
                    ("on_call_rota_staff", "IT staff needed to keep someone on call out of hours"),
                    ("security_tooling_per_user_month", "Security tooling a user a month"),
                    ("backup_tooling_per_user_month", "Backup tooling a user a month"),
                    ("out_of_plan_hourly_rate", "Hourly rate for work a plan leaves out"),
                    ("out_of_plan_after_hours_premium", "After-hours multiplier, out of plan (×)"),
                    ("onsite_share", "Share of problems needing a visit"),
                    ("onsite_visit_cost", "Cost of an on-site visit"),
                    ("project_hours_per_person_year", "Project hours a person a year"),
                    ("best_efforts_response_hours", "Hours waiting when no response is promised"),
                    ("coordination_hours_per_job", "Office time to call in an outside IT firm, a job"),
                    ("preference_allowance_share", "Most a way of paying counts for, share of bills"),
                    ("site_hours_month", "Hours a month each further site takes (travel, visits, network)"),
                ],
                max_length=40,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="costparameter",
            name="expected",
            field=models.DecimalField(
                decimal_places=4,
                help_text="Shares and chances as a fraction (0.25 for 25 %), yes or no as 1 or 0, money and counts as plain numbers. Low and high the same way.",
                max_digits=14,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
            ),
        ),
        migrations.AlterField(
            model_name="sharedfigure",
            name="expected",
            field=models.DecimalField(
                decimal_places=4,
                help_text="Shares and chances as a fraction (0.25 for 25 %), yes or no as 1 or 0, money and counts as plain numbers. Low and high the same way.",
                max_digits=14,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
