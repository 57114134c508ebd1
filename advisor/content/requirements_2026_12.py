"""What insurers and frameworks ask of IT support, seeded in December 2026 for "Insurable and compliant" (issue
32), as plain data. Frozen like the other content modules: a later change gets a module of its own.

FRAMEWORKS: each region's book of the frameworks its organisations meet (ISO 3166-1 alpha-2; "" for every
region): (code, region, name, usual, source title, address, year). `usual` marks those counted when someone is
not sure which apply.

ADDONS: what is bought beside an option to meet a requirement: (code, name, [(unit, low, expected, high, source
title, address, year, vendor claim, note)]). Units as in advisor.engine.requirements.ADDON_UNITS; hours are bought
at the option's hourly rate (an hourly firm's beside an option that bills none). Amounts are in the catalogue's
currency (US dollars today).

REQUIREMENTS: (code, name, framework, region, control, deadline days, source title, address, year,
consequence (kind, low, expected, high, source title, address, year, note), {option slug: (meets, add-on code,
evidence)}). `control` is the organisation's own answer that meets it whatever the option ("mfa", "edr",
"patching", or "backup" for restore-tested backups; "" for none). A "payout" consequence is the share of a serious
incident's cost the insurer would have paid (lost once, however many conditions are missed); a "fixed" one an
amount over three years.

Where the rule comes from is sourced (each source was read); what it costs is, but for the figures named in a
note, our assumption with a wide range, since nobody publishes what patch monitoring or a BAA adds to a small
firm's IT bill. Options not listed for a requirement do not meet it. None of this is certification or legal
advice.
"""

from __future__ import annotations

OUR_ASSUMPTION = "Our assumption"

MARSH = (
    "Marsh: 12 critical controls needed for insurance (2022 cyber insurance update, US & Canada cyber practice)",
    "https://fr.slideshare.net/MikeMihm/12-critical-cyber-controls-for-insurancepptx",
    2022,
)
ICAEW = (
    "ICAEW: Why cyber insurance is a business-critical asset (Marsh on the controls insurers look for)",
    "https://icaew.com/insights/viewpoints-on-the-news/2023/jun-2023/Why-cyber-insurance-is-a-businesscritical-asset",
    2023,
)
CYBER_ESSENTIALS = ("Cyber Essentials requirements for IT infrastructure v3.2 (NCSC and IASME)", "", 2025)
E8_2023 = (
    "ASD Essential Eight maturity model, November 2023 update (summary by Virtuelle Group)",
    "https://virtuellegroup.com.au/essential-eight-maturity-model/",
    2023,
)
E8_ML1 = (
    "Essential Eight maturity levels explained (Innitor)",
    "https://innitor.com.au/blog/essential-eight-maturity-levels-explained",
    2026,
)
HIPAA_BAA = ("Aptible: What is a HIPAA BAA?", "https://www.aptible.com/blog/what-is-a-hipaa-baa/", 2023)
PCI = ("PCI DSS v4.0.1, fully in force from 31 March 2025 (PCI Security Standards Council)", "", 2025)
UK_GDPR = ("UK GDPR and the Data Protection Act 2018", "", 2018)

FRAMEWORKS = (
    ("cyber_essentials", "GB", "Cyber Essentials", True, *CYBER_ESSENTIALS),
    ("cyber_essentials_plus", "GB", "Cyber Essentials Plus", False, *CYBER_ESSENTIALS),
    ("gdpr", "GB", "UK GDPR", False, *UK_GDPR),
    ("essential_eight_1", "AU", "Essential Eight, maturity level 1", True, *E8_ML1),
    ("essential_eight_2", "AU", "Essential Eight, maturity level 2", False, *E8_2023),
    ("hipaa", "US", "HIPAA", False, *HIPAA_BAA),
    ("pci_dss", "", "PCI DSS", False, *PCI),
)

ASSUMED = (OUR_ASSUMPTION, "", None, False)

ADDONS = (
    (
        "patch_monitoring",
        "Patch monitoring, with hours to apply critical fixes",
        (
            (
                "per_device_month",
                4,
                9,
                20,
                *ASSUMED,
                "A monitoring agent that reports missing fixes. One monitoring tool's documentation gives $9 a PC "
                "(more for a server); we take that as the middle of a wide range.",
            ),
            (
                "hours_per_device_month",
                0.03,
                0.08,
                0.25,
                *ASSUMED,
                "Time to apply and check the fixes the agent reports, bought as block hours from the firm: about "
                "five minutes a device a month, from two to fifteen.",
            ),
        ),
    ),
    (
        "mfa_rollout",
        "MFA roll-out on every account",
        (
            (
                "hours_per_user_once",
                0.25,
                0.5,
                1.5,
                *ASSUMED,
                "Turning on multi-factor sign-in for each account and helping each person enrol a phone or key, "
                "once. Most small-business suites include the feature; the cost is the hours.",
            ),
        ),
    ),
    (
        "edr_watched",
        "An EDR licence and someone to watch its alerts",
        (
            (
                "per_device_month",
                4,
                8,
                20,
                *ASSUMED,
                "Endpoint detection and response on every device, with a service that watches its alerts out of "
                "hours, beyond the basic endpoint protection the tooling already counts.",
            ),
        ),
    ),
    (
        "backup_restore_test",
        "Offline or immutable backups, restore-tested every quarter",
        (
            ("per_user_month", 1, 3, 8, *ASSUMED, "Immutable or offline backup storage beyond ordinary backups."),
            (
                "hours_per_device_month",
                0.02,
                0.05,
                0.15,
                *ASSUMED,
                "A restore test each quarter and its record, spread over the devices: a few hours a quarter for a "
                "small office.",
            ),
        ),
    ),
    (
        "baa",
        "A Business Associate Agreement signed by the provider",
        (
            (
                "once",
                0,
                500,
                3000,
                *ASSUMED,
                "Many providers sign their own standard agreement at no charge; having one reviewed, or a provider's "
                "charge for signing, can cost more.",
            ),
        ),
    ),
)

# How each option meets the usual controls: (meets, add-on, evidence) by option slug.
OUTSIDE = ("break-fix", "block-hours", "msp", "co-managed")


def _mfa() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    report = ("An MFA coverage report (every account, and which method)",)
    return {
        "break-fix": ("with_addon", "mfa_rollout", ("A list of the accounts enrolled, from the roll-out",)),
        "block-hours": ("with_addon", "mfa_rollout", ("A list of the accounts enrolled, from the roll-out",)),
        "msp": ("yes", "", report),
        "co-managed": ("yes", "", report),
        "in-house": ("yes", "", report),
    }


def _patching(*, fast: bool = False) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    report = ("A monthly patch report (fixes applied, and when)",)
    hourly = ("with_addon", "patch_monitoring", report) if not fast else ("no", "", ())
    return {
        "break-fix": hourly,
        "block-hours": hourly,
        "msp": ("yes", "", report),
        "co-managed": ("yes", "", report),
        "in-house": ("yes", "", report),
    }


def _edr() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    report = ("The EDR console's device list and alert log",)
    return {
        "break-fix": ("with_addon", "edr_watched", report),
        "block-hours": ("with_addon", "edr_watched", report),
        "msp": ("yes", "", report),
        "co-managed": ("yes", "", report),
        "in-house": ("with_addon", "edr_watched", report),
    }


def _backup() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    report = ("The date and result of the last restore test",)
    return {
        "break-fix": ("with_addon", "backup_restore_test", report),
        "block-hours": ("with_addon", "backup_restore_test", report),
        "msp": ("yes", "", report),
        "co-managed": ("yes", "", report),
        "in-house": ("yes", "", report),
    }


def _baa() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    signed = ("The signed Business Associate Agreement",)
    cells: dict[str, tuple[str, str, tuple[str, ...]]] = {slug: ("with_addon", "baa", signed) for slug in OUTSIDE}
    cells["in-house"] = ("yes", "", ("Your own staff are your workforce: no agreement is needed for them",))
    return cells


PAYOUT = (
    "payout",
    0.5,
    0.8,
    1.0,
    OUR_ASSUMPTION,
    "",
    None,
    "The share of a serious incident's cost a cyber policy would have paid, lost when a claim is refused because "
    "a condition was not met (claims have been refused where multi-factor sign-in covered 2 of 20 accounts). "
    "Premiums and payouts are otherwise the same under every option and left out of the comparison.",
)


def _lost(low: float, expected: float, high: float, what: str) -> tuple:
    return ("fixed", low, expected, high, OUR_ASSUMPTION, "", None, what)


CE_LOST = _lost(
    400,
    3000,
    30000,
    "A failed assessment: paying for it again (from £320 plus VAT, self-assessed) and the contracts that ask "
    "for the certificate put at risk meanwhile.",
)
CE_PLUS_LOST = _lost(
    2000,
    8000,
    40000,
    "A failed audit: paying again (about £1,400 to £8,000) and the contracts that ask for the certificate put at "
    "risk meanwhile.",
)
E8_LOST = _lost(
    1000,
    10000,
    60000,
    "A supplier that cannot show the maturity level asked of it risks the contracts that require it.",
)
HIPAA_LOST = _lost(
    1000,
    25000,
    150000,
    "Working without a Business Associate Agreement is itself a breach of the rule: settlements with the "
    "regulator, and the cost of putting it right, over and above what regulated data already counts for a "
    "breach.",
)

REQUIREMENTS = (
    ("insurer_mfa", "MFA on every account (your insurer)", "cyber_insurance", "", "mfa", None, *MARSH, PAYOUT, _mfa()),
    (
        "insurer_edr",
        "EDR on every device, with someone watching it (your insurer)",
        "cyber_insurance",
        "",
        "edr",
        None,
        *ICAEW,
        PAYOUT,
        _edr(),
    ),
    (
        "insurer_backup",
        "Backups offline or immutable, restore-tested in the last 90 days (your insurer)",
        "cyber_insurance",
        "",
        "backup",
        None,
        *MARSH,
        PAYOUT,
        _backup(),
    ),
    (
        "insurer_patching",
        "A documented patch cadence (your insurer)",
        "cyber_insurance",
        "",
        "patching",
        None,
        *MARSH,
        PAYOUT,
        _patching(),
    ),
    (
        "ce_patching",
        "Critical fixes applied within 14 days (Cyber Essentials)",
        "cyber_essentials",
        "GB",
        "patching",
        14,
        *CYBER_ESSENTIALS,
        CE_LOST,
        _patching(),
    ),
    (
        "ce_mfa",
        "MFA on every cloud service that offers it (Cyber Essentials, from 27 April 2026)",
        "cyber_essentials",
        "GB",
        "mfa",
        None,
        *CYBER_ESSENTIALS,
        CE_LOST,
        _mfa(),
    ),
    (
        "ce_plus_patching",
        "Critical fixes applied within 14 days, checked by an auditor (Cyber Essentials Plus)",
        "cyber_essentials_plus",
        "GB",
        "patching",
        14,
        *CYBER_ESSENTIALS,
        CE_PLUS_LOST,
        _patching(),
    ),
    (
        "ce_plus_mfa",
        "MFA on every cloud service that offers it, checked by an auditor (Cyber Essentials Plus)",
        "cyber_essentials_plus",
        "GB",
        "mfa",
        None,
        *CYBER_ESSENTIALS,
        CE_PLUS_LOST,
        _mfa(),
    ),
    (
        "e8_1_patching",
        "Fixes to internet-facing systems within two weeks (Essential Eight, level 1)",
        "essential_eight_1",
        "AU",
        "patching",
        14,
        *E8_ML1,
        E8_LOST,
        _patching(),
    ),
    (
        "e8_1_mfa",
        "MFA for online services (Essential Eight, level 1)",
        "essential_eight_1",
        "AU",
        "mfa",
        None,
        *E8_ML1,
        E8_LOST,
        _mfa(),
    ),
    (
        "e8_2_patching",
        "Critical fixes to internet-facing systems within 48 hours (Essential Eight, level 2)",
        "essential_eight_2",
        "AU",
        "patching",
        2,
        *E8_2023,
        E8_LOST,
        _patching(fast=True),
    ),
    (
        "e8_2_mfa",
        "Phishing-resistant MFA (Essential Eight, level 2)",
        "essential_eight_2",
        "AU",
        "mfa",
        None,
        *E8_2023,
        E8_LOST,
        _mfa(),
    ),
    (
        "hipaa_baa",
        "A Business Associate Agreement with every IT provider that touches health data (HIPAA)",
        "hipaa",
        "US",
        "",
        None,
        *HIPAA_BAA,
        HIPAA_LOST,
        _baa(),
    ),
)

# Frameworks the API accepts but no requirement row checks yet: the result and the documentation say so.
NOT_CHECKED = ("pci_dss", "soc2", "gdpr")
