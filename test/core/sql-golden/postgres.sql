-- ICP score, tier and best profile of every row, written by icp-sheets (ICP_SQL) for PostgreSQL.
-- The table must not have columns named icp_score, icp_tier or icp_profile: the engine refuses it as ambiguous.
SELECT
  account.*,
  CAST(GREATEST(icp_best.best, 0) AS INTEGER) AS icp_score,
  CASE WHEN (icp_best.best < 0) THEN 'DQ' WHEN (icp_best.best >= 80) THEN 'A' WHEN (icp_best.best >= 60) THEN 'B' WHEN (icp_best.best >= 40) THEN 'C' WHEN (icp_best.best >= 0) THEN 'D' END AS icp_tier,
  CASE WHEN (icp_best.best < 0) THEN NULL WHEN (icp_scores.s1 = icp_best.best) THEN 'SaaS mid-market' WHEN (icp_scores.s2 = icp_best.best) THEN 'Enterprise' END AS icp_profile
FROM "my-project"."crm"."accounts" AS account
CROSS JOIN (SELECT 0 AS icp_score, 0 AS icp_tier, 0 AS icp_profile) AS icp_names
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN PG_TYPEOF(account."Industry") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST(account."Industry" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST(account."Industry" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST(account."Industry" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST(account."Industry" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t1,
    CASE WHEN PG_TYPEOF(account."Region") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST(account."Region" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST(account."Region" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST(account."Region" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST(account."Region" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t2,
    CASE WHEN PG_TYPEOF(account."Tech stack") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST(account."Tech stack" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST(account."Tech stack" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST(account."Tech stack" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST(account."Tech stack" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t3,
    CASE WHEN PG_TYPEOF(account."Tech stack") = CAST('numeric' AS REGTYPE) THEN (',' || REGEXP_REPLACE(CAST(account."Tech stack" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') || ',') ELSE REGEXP_REPLACE((',' || CASE WHEN CAST(account."Tech stack" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(TRANSLATE(CAST(account."Tech stack" AS TEXT), ';|
', ',,,')) ELSE REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(TRANSLATE(CAST(account."Tech stack" AS TEXT), ';|
', ',,,'), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g') END || ','), ' ?, ?', ',', 'g') END AS l4,
    CASE WHEN PG_TYPEOF(account."Operating model") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST(account."Operating model" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST(account."Operating model" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST(account."Operating model" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST(account."Operating model" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t5
  OFFSET 0
) AS icp_text
CROSS JOIN LATERAL (
  SELECT
    -- criteria row 2
    CASE WHEN icp_text.t1 IN ('saas', 'fintech') THEN 1 WHEN icp_text.t1 IS NOT NULL THEN 0 END AS r2,
    -- criteria row 3
    CASE WHEN account."Employees" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN ((account."Employees" >= 50) AND (account."Employees" <= 1000)) THEN 1 WHEN account."Employees" IS NOT NULL THEN 0 END AS r3,
    -- criteria row 4
    CASE WHEN icp_text.t2 IN ('dach', 'nordics') THEN 1 WHEN icp_text.t2 IS NOT NULL THEN 0 END AS r4,
    -- criteria row 5
    CASE WHEN ((STRPOS(icp_text.l4, ',hubspot,') > 0) OR (STRPOS(icp_text.l4, ',salesforce,') > 0)) THEN 1 WHEN icp_text.t3 IS NOT NULL THEN 0 END AS r5,
    -- criteria row 6
    CASE WHEN (account."Case study link" IS NULL OR (REGEXP_REPLACE(CAST(account."Case study link" AS TEXT), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', '', 'g') = '')) THEN 0 ELSE 1 END AS r6,
    -- criteria row 7
    CASE WHEN icp_text.t5 IN ('hardware') THEN 1 WHEN icp_text.t5 IS NOT NULL THEN 0 END AS r7,
    -- criteria row 8
    CASE WHEN account."Employees" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN (account."Employees" >= 2000) THEN 1 WHEN account."Employees" IS NOT NULL THEN 0 END AS r8,
    -- criteria row 9
    CASE WHEN account."Revenue" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN (account."Revenue" >= 100000000) THEN 1 WHEN account."Revenue" IS NOT NULL THEN 0 END AS r9,
    -- criteria row 10
    CASE WHEN ((STRPOS(icp_text.l4, ',salesforce,') > 0) OR (STRPOS(icp_text.l4, ',sap,') > 0)) THEN 1 WHEN icp_text.t3 IS NOT NULL THEN 0 END AS r10,
    -- criteria row 11
    CASE WHEN icp_text.t2 NOT IN ('france') THEN 1 WHEN icp_text.t2 IS NOT NULL THEN 0 END AS r11
  OFFSET 0
) AS icp_rules
CROSS JOIN LATERAL (
  SELECT
    (CAST(0 AS DOUBLE PRECISION) + (COALESCE(icp_rules.r2, 0) * 30) + (COALESCE(icp_rules.r3, 0) * 25) + (COALESCE(icp_rules.r4, 0) * 20) + (COALESCE(icp_rules.r5, 0) * 15) + (COALESCE(icp_rules.r6, 0) * 10) + (COALESCE(icp_rules.r7, 0) * (-20))) AS e1,
    (100 - CASE WHEN icp_rules.r2 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_rules.r3 IS NULL THEN 25 ELSE 0 END - CASE WHEN icp_rules.r4 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_rules.r5 IS NULL THEN 15 ELSE 0 END - CASE WHEN icp_rules.r6 IS NULL THEN 10 ELSE 0 END) AS p1,
    CASE WHEN (COALESCE(icp_rules.r8, 0) = 0) THEN NULL ELSE (CAST(0 AS DOUBLE PRECISION) + (COALESCE(icp_rules.r8, 0) * 40) + (COALESCE(icp_rules.r9, 0) * 30) + (COALESCE(icp_rules.r10, 0) * 20) + (COALESCE(icp_rules.r11, 0) * 10)) END AS e2,
    (100 - CASE WHEN icp_rules.r9 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_rules.r10 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_rules.r11 IS NULL THEN 10 ELSE 0 END) AS p2
  OFFSET 0
) AS icp_sums
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN icp_sums.e1 IS NULL THEN (-1) WHEN (icp_sums.p1 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_sums.e1) / icp_sums.p1) + CAST('0.5' AS DOUBLE PRECISION))))) END AS s1,
    CASE WHEN icp_sums.e2 IS NULL THEN (-1) WHEN (icp_sums.p2 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_sums.e2) / icp_sums.p2) + CAST('0.5' AS DOUBLE PRECISION))))) END AS s2
  OFFSET 0
) AS icp_scores
CROSS JOIN LATERAL (
  SELECT
    GREATEST(icp_scores.s1, icp_scores.s2) AS best
  OFFSET 0
) AS icp_best
WHERE icp_score = icp_tier AND icp_tier = icp_profile
