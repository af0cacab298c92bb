"""The PRODUCT.md §3 indicators as hand-written PostgreSQL: the baseline the engine is measured against.
One scan per table where a human would write one (FILTER clauses, GROUPING SETS), same definitions as
donghanh.indicators.engine. Parameters: $1 path prefixes (text[] of 'prefix%' patterns), $2/$3 first/last
day, $4/$5 first instant / first instant after, in UTC."""
from __future__ import annotations

from datetime import datetime
from typing import Any

UNITS = "u AS MATERIALIZED (SELECT id FROM org_unit WHERE path LIKE ANY($1::text[]))"
AGE = ("CASE WHEN cl.birth_year IS NULL THEN 'unknown' WHEN {y} - cl.birth_year < 16 THEN '<16' "
       "WHEN {y} - cl.birth_year < 18 THEN '16-17' WHEN {y} - cl.birth_year < 25 THEN '18-24' "
       "WHEN {y} - cl.birth_year < 35 THEN '25-34' ELSE '35+' END")

QUERIES: dict[str, str] = {
    "people": f"""
WITH {UNITS},
c AS (SELECT client_id, contacted_on, needs::text <> '[]' AS has_needs FROM outreach_contact
      WHERE org_unit_id IN (SELECT id FROM u) AND contacted_on BETWEEN $2 AND $3)
SELECT 'total' AS dim, NULL AS k, count(DISTINCT client_id) AS reached,
       count(DISTINCT client_id) FILTER (WHERE has_needs) AS with_needs,
       count(*) FILTER (WHERE client_id IS NULL) AS anon, count(*) FILTER (WHERE client_id IS NULL AND has_needs)
FROM c
UNION ALL
SELECT CASE WHEN GROUPING(cl.sex) = 0 THEN 'sex' WHEN GROUPING(cl."group") = 0 THEN 'group' ELSE 'age_group' END,
       coalesce(cl.sex, cl."group", {AGE.format(y='extract(year FROM c.contacted_on)')}),
       count(DISTINCT cl.id), count(DISTINCT cl.id) FILTER (WHERE c.has_needs), 0, 0
FROM c JOIN client cl ON cl.id = c.client_id
GROUP BY GROUPING SETS ((cl.sex), (cl."group"), ({AGE.format(y='extract(year FROM c.contacted_on)')}))""",
    "referrals": f"""
WITH {UNITS},
r AS (SELECT * FROM referral WHERE org_unit_id IN (SELECT id FROM u))
SELECT 'sent' AS what, NULL AS k, count(DISTINCT client_id) AS n, count(*) AS m,
       count(*) FILTER (WHERE status = 'completed') AS o
FROM r WHERE sent_at >= $4 AND sent_at < $5
UNION ALL
SELECT 'completed', service_type, count(*), 0, 0 FROM r
WHERE status = 'completed' AND closed_at >= $4 AND closed_at < $5 GROUP BY service_type
UNION ALL
SELECT 'median', NULL, (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - sent_at)))::bigint,
       count(*), 0
FROM r WHERE status = 'completed' AND sent_at IS NOT NULL AND closed_at >= $4 AND closed_at < $5""",
    "people_referred_by": f"""
WITH {UNITS}
SELECT CASE WHEN GROUPING(cl.sex) = 0 THEN 'sex' WHEN GROUPING(cl."group") = 0 THEN 'group' ELSE 'age_group' END,
       coalesce(cl.sex, cl."group", {AGE.format(y='extract(year FROM r.sent_at)')}), count(DISTINCT cl.id)
FROM referral r JOIN client cl ON cl.id = r.client_id
WHERE r.org_unit_id IN (SELECT id FROM u) AND r.sent_at >= $4 AND r.sent_at < $5
GROUP BY GROUPING SETS ((cl.sex), (cl."group"), ({AGE.format(y='extract(year FROM r.sent_at)')}))""",
    "establishments": f"""
WITH {UNITS}
SELECT type, count(*) FILTER (WHERE created_at < $5),
       count(*) FILTER (WHERE commitment_signed_on <= $3)
FROM establishment WHERE org_unit_id IN (SELECT id FROM u) AND status <> 'closed' AND $2::date IS NOT NULL
GROUP BY type""",
    "inspections": f"""
WITH {UNITS}
SELECT count(*), count(*) FILTER (WHERE violations::text <> '[]') FROM inspection
WHERE org_unit_id IN (SELECT id FROM u) AND inspected_on BETWEEN $2 AND $3 AND $4::timestamptz < $5""",
    "victims": f"""
WITH {UNITS},
ident AS (SELECT id FROM victim_case WHERE org_unit_id IN (SELECT id FROM u) AND identified_on BETWEEN $2 AND $3),
supp AS (SELECT DISTINCT victim_case_id AS id FROM victim_support
         WHERE org_unit_id IN (SELECT id FROM u) AND provided_on BETWEEN $2 AND $3),
both_ AS (SELECT 'identified' AS which, id FROM ident UNION ALL SELECT 'supported', id FROM supp)
SELECT b.which, CASE WHEN GROUPING(cl.sex) = 0 THEN 'sex' WHEN GROUPING(v.exploitation) = 0 THEN 'exploitation'
       WHEN GROUPING({AGE.format(y='extract(year FROM v.reported_on)')}) = 0 THEN 'age_group' ELSE 'total' END,
       coalesce(cl.sex, v.exploitation, {AGE.format(y='extract(year FROM v.reported_on)')}), count(DISTINCT v.id)
FROM both_ b JOIN victim_case v ON v.id = b.id JOIN client cl ON cl.id = v.client_id
WHERE $4::timestamptz < $5
GROUP BY GROUPING SETS ((b.which), (b.which, cl.sex), (b.which, v.exploitation),
                        (b.which, {AGE.format(y='extract(year FROM v.reported_on)')}))""",
    "activities": f"""
WITH {UNITS}
SELECT kind, count(*), sum(participants_total), sum(participants_female) FROM activity
WHERE org_unit_id IN (SELECT id FROM u) AND starts_on BETWEEN $2 AND $3 AND $4::timestamptz < $5 GROUP BY kind""",
    "peer_groups": f"""
WITH {UNITS}
SELECT 'groups', NULL, count(*) FROM peer_group WHERE org_unit_id IN (SELECT id FROM u) AND active
  AND (established_on IS NULL OR established_on <= $3) AND $2::date IS NOT NULL AND $4::timestamptz < $5
UNION ALL
SELECT 'members', member_role, count(*) FROM peer_group_member WHERE org_unit_id IN (SELECT id FROM u)
  AND (joined_on IS NULL OR joined_on <= $3) AND (left_on IS NULL OR left_on >= $2) GROUP BY member_role""",
    "budget": f"""
WITH {UNITS},
lines AS (SELECT bl.* FROM budget_line bl JOIN plan p ON p.id = bl.plan_id
          WHERE p.org_unit_id IN (SELECT id FROM u)
            AND p.year BETWEEN extract(year FROM $2::date) AND extract(year FROM $3::date)),
spent AS (SELECT e.amount_vnd, bl.funding_source, bl.category FROM expenditure e
          JOIN budget_line bl ON bl.id = e.budget_line_id
          WHERE e.org_unit_id IN (SELECT id FROM u) AND e.spent_on BETWEEN $2 AND $3 AND $4::timestamptz < $5)
SELECT 'allocated', funding_source, category, sum(allocated_vnd) FROM lines
GROUP BY GROUPING SETS ((), (funding_source), (category))
UNION ALL
SELECT 'spent', funding_source, category, sum(amount_vnd) FROM spent
GROUP BY GROUPING SETS ((), (funding_source), (category))""",
}


async def run(conn: Any, prefixes: tuple[str, ...], start: Any, end: Any, starts_at: datetime,
              ends_before: datetime) -> dict[str, list[Any]]:
    patterns = [p + "%" for p in prefixes]
    out = {}
    for name, sql in QUERIES.items():
        # Every query takes the same five parameters; the outer filter only gives each one its type.
        wrapped = (f"SELECT * FROM ({sql}) q WHERE $2::date IS NOT NULL AND $3::date IS NOT NULL "
                   "AND $4::timestamptz < $5::timestamptz")
        out[name] = await conn.fetch(wrapped, patterns, start, end, starts_at, ends_before)
    return out


def totals(rows: dict[str, list[Any]]) -> dict[str, int]:
    """A few headline figures, to check the baseline computes what the engine computes."""
    people = next(r for r in rows["people"] if r[0] == "total")
    sent = next(r for r in rows["referrals"] if r[0] == "sent")
    return {"people_reached": people[2] + people[4], "people_with_needs": people[3] + people[5],
            "people_referred": sent[2],
            "referrals_completed": sum(r[2] for r in rows["referrals"] if r[0] == "completed"),
            "establishments_total": sum(r[1] for r in rows["establishments"]),
            "activities": sum(r[1] for r in rows["activities"])}
