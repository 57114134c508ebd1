"""Hand-written quote-comparison cases for the "compare real MSP quotes" feature.

Written 2026-11-29 by an independent IT-support adviser who has NOT seen how the
advisor tool computes anything (no code under advisor/ or tests/ was read). The
only inputs were the feature brief, /work/shared/FIGURES.md and the seed text.
Each case is a comparison an adviser would not argue about; the numbers below are
my own rough arithmetic, not the tool's.

Arithmetic assumptions
----------------------
* Monthly bill = price_per_user_month * employees + price_per_device_month * devices
  + flat_monthly, raised to minimum_monthly if lower. Devices are always given
  explicitly where a per-device price is used, so the ~2.2 estimate never matters.
* Three-year fees = 12 * monthly * (1 + g + g**2) + onboarding, where g = 1 +
  yearly_increase_percent / 100 (the increase compounds at each anniversary, so
  two rises fall inside three years). Renewals of short terms are assumed to carry
  on at the same quoted increase.
* Sanity check (the worked example): 20 users at $120 a user a month, 5 % a year,
  36-month term -> 2,400 * 12 = 28,800 + 30,240 + 31,752 = $90,792 in fees over
  three years (onboarding extra). Case "clean_quote_beats_plush_quote" uses it.
* What a quote leaves out is costed at rough US market rates, mid-points used in
  the "why" text: security tooling bought separately ~$22/user/month (range
  15-30); backup tooling ~$10/user/month (5-15); after-hours call-outs ~$260/h
  (1.5-2x of ~$150/h); on-site visits ~$225 each (150-300); onboarding a new
  starter ~3 h at $150 = $450. Leaving out security or untested backup also
  raises the expected cost of a serious incident (Coalition 2025: ~1.5 % of
  insured firms claim a year, ~$115k average, ~$292k for ransomware), and a
  best-efforts response raises lost staff time and downtime; these only ever
  widen the gaps below, never close them.
* Staff time lost and serious-incident risk are the same for two quotes that
  include the same services with the same response promise, so where quotes
  differ only in price/terms the fee difference decides. Percentages quoted in
  "why" are on fees plus costed exclusions; adding the (equal) staff-time term
  dilutes the percentage but cannot change which quote is cheaper.
* Market flags: price per user = per-user price, or (for per-device/flat/mixed
  quotes) first-year monthly total / employees, against the $100-$200 range. No
  case puts that figure within 10 % of an edge ($90-$110 or $180-$220), whether
  or not a biting minimum_monthly is counted and whichever year's price is used.
* Flag thresholds are exactly the spec: long_notice at notice_days >= 60 (60 is
  used once, deliberately), termination_fee at termination_fee_months > 3 (3 is
  used once and must NOT flag), best_efforts when response_hours is None (left
  out in one case, written as None in another), missing_security only when
  compliance is moderate/strict, missing_backup when backup is none/partial
  (partial is the default!) or compliance is moderate/strict.
* Every quote lists all fields except where the blank is the point; a quote with
  fair terms including all seven services must carry no flag at all.

Changes since the adviser wrote them (each case that changed says how in `changed`)
-----------------------------------------------------------------------------------
* 2026-12-06, issue 23: `helpdesk` (fixing problems) joined the includes list; a quote
  that leaves it out now has fixing billed by the hour. These quotes were written when
  fixing was always counted as included, and an adviser's "managed service" includes it,
  so ALL (and so every `_without(...)`) includes it and Bargain Basement's monitoring-only
  list gains it: every quote means what it meant. The flag thresholds moved: long_notice
  only above 90 days (it was 60 or more), termination_fee from one month of fees (it was
  more than three). Every quote here asks at least a month's fees to leave early, so every
  quote now carries termination_fee; 60 and 90 days' notice no longer flag. The better deal
  named in each case did not change.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteCase:
    name: str
    answers: dict  # organisation answers, only non-defaults
    quotes: tuple  # of dicts, keys exactly as the quote fields; omit a field for blank
    better: str  # the quote a careful adviser would call the better deal over three years
    flags: dict  # quote name -> set of flag codes that MUST be raised (exact set)
    why: str  # adviser reasoning with rough arithmetic
    changed: str = ""  # what was changed in the case since the adviser wrote it, when, and why


# "helpdesk" added 2026-12-06 (issue 23): fixing problems was counted as included when these were written.
ALL = ["helpdesk", "monitoring", "security", "backup", "after_hours", "onsite", "new_starters", "projects"]


def _without(*left_out):
    return [item for item in ALL if item not in left_out]


CASES: tuple[QuoteCase, ...] = (
    QuoteCase(
        name="clean_quote_beats_plush_quote",
        answers={"industry": "professional_services", "employees": 20},
        quotes=(
            {
                "name": "Steady IT",
                "price_per_user_month": 120,
                "onboarding": 1000,
                "term_months": 36,
                "yearly_increase_percent": 5,
                "notice_days": 30,
                "termination_fee_months": 3,
                "response_hours": 1,
                "includes": list(ALL),
            },
            {
                "name": "Plush IT",
                "price_per_user_month": 170,
                "onboarding": 1000,
                "term_months": 36,
                "yearly_increase_percent": 5,
                "notice_days": 30,
                "termination_fee_months": 3,
                "response_hours": 1,
                "includes": list(ALL),
            },
        ),
        better="Steady IT",
        flags={"Steady IT": {"termination_fee"}, "Plush IT": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (3 months' fees each: the 3 that was chosen not to flag) now carry it."
        ),
        why="Identical service and terms; Steady IT's fees are the worked example, $90,792 over three years "
        "(+$1,000 onboarding) against $128,622 for Plush IT, about 29 % lower. Both prices are inside "
        "the $100-$200 range and a 3-month termination fee is not more than 3, so neither carries a flag.",
    ),
    QuoteCase(
        name="teaser_price_overtaken_by_steep_increases",
        answers={"industry": "nonprofit", "employees": 25},
        quotes=(
            {
                "name": "Teaser Tech",
                "price_per_user_month": 115,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 25,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
            {
                "name": "Level Line",
                "price_per_user_month": 118,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Level Line",
        flags={"Teaser Tech": {"termination_fee"}, "Level Line": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it."
        ),
        why="Teaser Tech is $900 cheaper in year one ($34,500 vs $35,400) but 25 % rises make years two and "
        "three $43,125 and $53,906 against $36,462 and $37,556: about $133,000 vs $110,900 with onboarding, "
        "so Level Line is about 17 % lower. (12 % vs 3 % alone cannot open a 15 % gap in three years - "
        "at most about 9 % - so a steep introductory-price rise is used.)",
    ),
    QuoteCase(
        name="equal_price_best_efforts_vs_one_hour_for_critical_org",
        answers={
            "industry": "technology",
            "employees": 30,
            "it_dependence": "critical",
            "downtime_cost_per_hour": 4000,
            "incidents_per_month": 15,
        },
        quotes=(
            {
                "name": "One-Hour Promise",
                "price_per_user_month": 145,
                "onboarding": 3000,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "response_hours": 1,
                "includes": list(ALL),
            },
            {
                "name": "Best Efforts Co",
                "price_per_user_month": 145,
                "onboarding": 3000,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "includes": list(ALL),
            },
        ),
        better="One-Hour Promise",
        flags={"One-Hour Promise": {"termination_fee"}, "Best Efforts Co": {"best_efforts", "termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (2 months each) now carry it."
        ),
        why="Fees are identical (about $164,300 each over three years), so only the response promise differs. "
        "For a critical-dependence firm losing $4,000 an hour, even four urgent stoppages a year waiting "
        "~8 h instead of ~1 h is 28 h x $4,000 = $112,000 a year, dwarfing any other difference.",
    ),
    QuoteCase(
        name="same_total_three_shapes_decided_by_what_is_included",
        answers={"industry": "logistics", "employees": 20, "devices": 40, "sites": 2, "it_dependence": "high"},
        quotes=(
            {
                "name": "Per Person",
                "price_per_user_month": 150,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
            {
                "name": "Per Device",
                "price_per_device_month": 75,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": _without("security", "backup"),
            },
            {
                "name": "Flat Fee",
                "flat_monthly": 3000,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": None,
                "includes": _without("onsite"),
            },
        ),
        better="Per Person",
        flags={
            "Per Person": {"termination_fee"},
            "Per Device": {"missing_backup", "termination_fee"},
            "Flat Fee": {"best_efforts", "termination_fee"},
        },
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so all three quotes (1 month each) now carry it."
        ),
        why="All three bill $3,000 a month ($150 a person, so no market flag for any shape; $75 is per device, "
        "not per person). Per Device leaves out security and backup (~$32 x 20 = $640 a month, ~21 % more, "
        "and untested backups so missing_backup fires; no compliance so no missing_security); Flat Fee "
        "leaves out on-site for two sites (~2 visits x $225 = $450 a month, 15 % more) and is best efforts.",
    ),
    QuoteCase(
        name="per_device_price_looks_cheap_but_costs_more",
        answers={"industry": "retail", "employees": 20, "devices": 60},
        quotes=(
            {
                "name": "Device Deal",
                "price_per_device_month": 55,
                "onboarding": 1000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
            {
                "name": "User Deal",
                "price_per_user_month": 125,
                "onboarding": 1000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="User Deal",
        flags={"Device Deal": {"termination_fee"}, "User Deal": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it."
        ),
        why="$55 a device looks cheaper than $125 a user, but 60 devices make it $3,300 a month ($165 a person, "
        "in range) against $2,500: about $123,400 vs $93,700 over three years, User Deal ~24 % lower.",
    ),
    QuoteCase(
        name="minimum_monthly_bites_for_tiny_firm",
        answers={"industry": "professional_services", "employees": 5, "devices": 10},
        quotes=(
            {
                "name": "Big Shop",
                "price_per_user_month": 120,
                "minimum_monthly": 800,
                "onboarding": 500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
            {
                "name": "Local Pro",
                "price_per_user_month": 125,
                "onboarding": 500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Local Pro",
        flags={"Big Shop": {"termination_fee"}, "Local Pro": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it."
        ),
        why="Big Shop's $120 x 5 = $600 is lifted to its $800 minimum; Local Pro bills $625. About $30,200 vs "
        "$23,700 over three years, Local Pro ~22 % lower. Big Shop is $120 quoted or $160 effective per "
        "person, in range either way, so no market flag.",
    ),
    QuoteCase(
        name="regulated_healthcare_cheap_quote_without_security_or_backup",
        answers={"industry": "healthcare", "employees": 15, "compliance": "strict", "it_dependence": "high"},
        quotes=(
            {
                "name": "Clinic Basic",
                "price_per_user_month": 130,
                "onboarding": 1500,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "response_hours": 2,
                "includes": _without("security", "backup"),
            },
            {
                "name": "Clinic Secure",
                "price_per_user_month": 135,
                "onboarding": 1500,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Clinic Secure",
        flags={
            "Clinic Basic": {"missing_security", "missing_backup", "termination_fee"},
            "Clinic Secure": {"termination_fee"},
        },
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (2 months each) now carry it."
        ),
        why="Clinic Basic saves $5 a user but a clinic holding patient data must buy security (~$22) and backup "
        "(~$10) itself: ~$91,600 vs $76,600 over three years, Clinic Secure ~16 % lower before counting the "
        "much higher breach/ransomware exposure of unmanaged security and untested backups.",
    ),
    QuoteCase(
        name="legal_firm_with_tested_backups_still_flags_missing_backup",
        answers={"industry": "legal", "employees": 18, "compliance": "moderate", "backup": "tested"},
        quotes=(
            {
                "name": "Counsel Lite",
                "price_per_user_month": 120,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": _without("backup"),
            },
            {
                "name": "Counsel Complete",
                "price_per_user_month": 170,
                "onboarding": 1500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 60,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Counsel Lite",
        flags={"Counsel Lite": {"missing_backup", "termination_fee"}, "Counsel Complete": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it; and long_notice is now raised only above 90 "
            "days (it was 60 or more), so Counsel Complete's 60 days, the old threshold exactly, no longer "
            "carries it."
        ),
        why="The firm already runs tested backups, so Counsel Lite plus ~$12 a user for its own backup is "
        "~$89,600 vs $115,000 over three years, ~22 % lower. The flag still fires because client files are "
        "regulated data; Counsel Complete's 60-day notice is exactly the long_notice threshold.",
    ),
    QuoteCase(
        name="tested_backups_no_regulated_data_no_backup_flag",
        answers={"industry": "manufacturing", "employees": 40, "backup": "tested"},
        quotes=(
            {
                "name": "Lean Managed",
                "price_per_user_month": 130,
                "onboarding": 3000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": _without("backup", "projects"),
            },
            {
                "name": "Full Stack",
                "price_per_user_month": 175,
                "onboarding": 3000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Lean Managed",
        flags={"Lean Managed": {"termination_fee"}, "Full Stack": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it."
        ),
        why="Backups are tested and no regulated data is held, so leaving backup out raises no flag (and leaving "
        "out projects never does). Even paying ~$12 a user for its own backup, Lean Managed is ~$213,700 vs "
        "$262,600 over three years, ~19 % lower.",
    ),
    QuoteCase(
        name="lock_in_terms_flagged_but_cheaper_all_in",
        answers={"industry": "professional_services", "employees": 25},
        quotes=(
            {
                "name": "Lock-In Ltd",
                "price_per_user_month": 125,
                "onboarding": 2000,
                "term_months": 36,
                "yearly_increase_percent": 3,
                "notice_days": 90,
                "termination_fee_months": 12,
                "response_hours": 2,
                "includes": list(ALL),
            },
            {
                "name": "Flexi Support",
                "price_per_user_month": 160,
                "onboarding": 2000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Lock-In Ltd",
        flags={"Lock-In Ltd": {"termination_fee"}, "Flexi Support": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so Flexi Support (1 month) as well as Lock-In Ltd now carry it; and long_notice is now "
            "raised only above 90 days (it was 60 or more), so Lock-In Ltd's 90 days no longer carries it."
        ),
        why="Same service; Lock-In Ltd is ~$117,900 vs $150,400 over three years, ~22 % lower. Its 90-day notice "
        "and 12-month exit fee must be flagged (and negotiated), but over three years it is the better deal; "
        "even a 20 % chance of paying the ~$37,500 exit fee (~$7,500 expected) leaves it well ahead.",
    ),
    QuoteCase(
        name="no_after_hours_or_onsite_for_extended_hours_multi_site_org",
        answers={
            "industry": "hospitality",
            "employees": 30,
            "sites": 3,
            "operating_hours": "extended",
            "it_dependence": "high",
        },
        quotes=(
            {
                "name": "Daytime Desk",
                "price_per_user_month": 130,
                "onboarding": 2000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": _without("after_hours", "onsite"),
            },
            {
                "name": "Full Cover",
                "price_per_user_month": 135,
                "onboarding": 2000,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Full Cover",
        flags={"Daytime Desk": {"termination_fee"}, "Full Cover": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it."
        ),
        why="Daytime Desk saves $150 a month but a three-site venue open in the evenings will pay for ~3 "
        "after-hours call-outs (3 x 1.5 h x $260 = $1,170) and ~3 site visits ($675) a month: ~$215,000 vs "
        "$152,200 over three years, Full Cover ~29 % lower, before evening downtime waiting for the morning.",
    ),
    QuoteCase(
        name="gutted_per_device_quote_for_growing_multi_site_builder",
        answers={
            "industry": "construction",
            "employees": 35,
            "devices": 77,
            "sites": 4,
            "operating_hours": "extended",
            "growth": "rapid",
        },
        quotes=(
            {
                "name": "Bargain Basement",
                "price_per_device_month": 38,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 4,
                "includes": ["helpdesk", "monitoring"],
            },
            {
                "name": "All Inclusive",
                "price_per_user_month": 125,
                "onboarding": 2500,
                "term_months": 12,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 1,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="All Inclusive",
        flags={
            "Bargain Basement": {"below_market", "missing_backup", "termination_fee"},
            "All Inclusive": {"termination_fee"},
        },
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (1 month each) now carry it. Bargain Basement's includes gained helpdesk: "
            "written as monitoring only when fixing was always counted as included, and the why below prices "
            "every piece it leaves out but fixing."
        ),
        why="77 x $38 = $2,926 a month is $83.60 a person (below market) for monitoring only. Adding security and "
        "backup (~$1,120), after-hours (~$1,560), visits to four sites (~$1,350) and ~15 new starters a year "
        "(~$560 a month) gives ~$278,900 vs $164,800 over three years; All Inclusive ~40 % lower. No "
        "compliance, so no missing_security; backups untested (default partial), so missing_backup.",
    ),
    QuoteCase(
        name="flat_premium_above_market_for_regulated_finance",
        answers={
            "industry": "finance",
            "employees": 12,
            "compliance": "strict",
            "backup": "tested",
            "it_dependence": "high",
        },
        quotes=(
            {
                "name": "Premium Partners",
                "flat_monthly": 2900,
                "onboarding": 2000,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "response_hours": 1,
                "includes": list(ALL),
            },
            {
                "name": "Fair Managed",
                "price_per_user_month": 150,
                "onboarding": 1500,
                "term_months": 24,
                "yearly_increase_percent": 3,
                "notice_days": 30,
                "termination_fee_months": 2,
                "response_hours": 2,
                "includes": list(ALL),
            },
        ),
        better="Fair Managed",
        flags={"Premium Partners": {"above_market", "termination_fee"}, "Fair Managed": {"termination_fee"}},
        changed=(
            "2026-12-06 (issue 23): termination_fee is now raised from one month of fees (it was more than three "
            "months), so both quotes (2 months each) now carry it."
        ),
        why="$2,900 flat for 12 people is ~$242 a person, above the $100-$200 range; Fair Managed is $1,800 a "
        "month with the same services: ~$68,300 vs $109,600 over three years, ~38 % lower. A 1 h vs 2 h "
        "promise is not worth $41,000 to a 12-person office.",
    ),
)
