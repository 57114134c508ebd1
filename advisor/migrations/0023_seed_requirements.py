"""What insurers and frameworks ask of IT support (advisor/content/requirements_2026_12.py, frozen for this
migration): each region's book of frameworks, the add-ons that let an option meet a requirement and their costs,
the requirements with their consequences, and how each option meets each one. Only options that exist get their
cells (staff may have removed one). Idempotent and reversible."""

from decimal import Decimal

from django.db import migrations

from advisor.content import requirements_2026_12 as seeded


def _figure(low, expected, high, title, url, year, vendor_claim=False, note=""):
    return {
        "low": Decimal(str(low)),
        "expected": Decimal(str(expected)),
        "high": Decimal(str(high)),
        "source_title": title,
        "source_url": url,
        "source_year": year,
        "vendor_claim": vendor_claim,
        "note": note,
    }


def forward(apps, schema_editor):
    alias = schema_editor.connection.alias
    get = apps.get_model
    Framework, Addon, AddonCost = get("advisor", "Framework"), get("advisor", "Addon"), get("advisor", "AddonCost")
    Requirement, Consequence = get("advisor", "Requirement"), get("advisor", "Consequence")
    RequirementOption, SupportModel = get("advisor", "RequirementOption"), get("advisor", "SupportModel")
    for order, (code, region, name, usual, title, url, year) in enumerate(seeded.FRAMEWORKS):
        Framework.objects.using(alias).update_or_create(
            code=code,
            region=region,
            defaults={
                "name": name,
                "usual": usual,
                "order": order,
                "source_title": title,
                "source_url": url,
                "source_year": year,
            },
        )
    addons = {}
    for code, name, costs in seeded.ADDONS:
        addon, _ = Addon.objects.using(alias).update_or_create(code=code, defaults={"name": name})
        addons[code] = addon
        for unit, *figure in costs:
            AddonCost.objects.using(alias).update_or_create(addon=addon, unit=unit, defaults=_figure(*figure))
    options = {m.slug: m for m in SupportModel.objects.using(alias).all()}
    for order, row in enumerate(seeded.REQUIREMENTS):
        code, name, framework, region, control, deadline, title, url, year, consequence, cells = row
        requirement, _ = Requirement.objects.using(alias).update_or_create(
            code=code,
            defaults={
                "name": name,
                "framework": framework,
                "region": region,
                "control": control,
                "deadline_days": None if deadline is None else Decimal(str(deadline)),
                "order": order,
                "source_title": title,
                "source_url": url,
                "source_year": year,
            },
        )
        kind, low, expected, high, c_title, c_url, c_year, note = consequence
        Consequence.objects.using(alias).update_or_create(
            requirement=requirement,
            defaults={"kind": kind, **_figure(low, expected, high, c_title, c_url, c_year, note=note)},
        )
        for slug, (meets, addon, evidence) in cells.items():
            if slug in options:
                RequirementOption.objects.using(alias).update_or_create(
                    requirement=requirement,
                    support_model=options[slug],
                    defaults={"meets": meets, "addon": addons.get(addon), "evidence": "\n".join(evidence)},
                )


def backward(apps, schema_editor):
    alias = schema_editor.connection.alias
    apps.get_model("advisor", "Requirement").objects.using(alias).filter(
        code__in=[row[0] for row in seeded.REQUIREMENTS]
    ).delete()
    apps.get_model("advisor", "Addon").objects.using(alias).filter(code__in=[row[0] for row in seeded.ADDONS]).delete()
    apps.get_model("advisor", "Framework").objects.using(alias).filter(
        code__in=[row[0] for row in seeded.FRAMEWORKS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0022_requirements"),
    ]

    operations = [migrations.RunPython(forward, backward)]
