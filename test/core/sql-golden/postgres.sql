-- ICP score, tier and best profile of every row, written by icp-sheets (ICP_SQL) for PostgreSQL.
SELECT
  account.*,
  CAST(GREATEST(icp_best, 0) AS INTEGER) AS icp_score,
  CASE WHEN (icp_best < 0) THEN 'DQ' WHEN (icp_best >= 80) THEN 'A' WHEN (icp_best >= 60) THEN 'B' WHEN (icp_best >= 40) THEN 'C' WHEN (icp_best >= 0) THEN 'D' END AS icp_tier,
  CASE WHEN (icp_best < 0) THEN NULL WHEN (icp_s1 = icp_best) THEN 'SaaS mid-market' WHEN (icp_s2 = icp_best) THEN 'Enterprise' END AS icp_profile
FROM "my-project"."crm"."accounts" AS account
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN PG_TYPEOF("Industry") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST("Industry" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST("Industry" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST("Industry" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST("Industry" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t1,
    CASE WHEN PG_TYPEOF("Region") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST("Region" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST("Region" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST("Region" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST("Region" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t2,
    CASE WHEN PG_TYPEOF("Tech stack") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST("Tech stack" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST("Tech stack" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST("Tech stack" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST("Tech stack" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t3,
    CASE WHEN PG_TYPEOF("Tech stack") = CAST('numeric' AS REGTYPE) THEN (',' || REGEXP_REPLACE(CAST("Tech stack" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') || ',') ELSE REGEXP_REPLACE((',' || CASE WHEN CAST("Tech stack" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(TRANSLATE(CAST("Tech stack" AS TEXT), ';|
', ',,,')) ELSE REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(TRANSLATE(CAST("Tech stack" AS TEXT), ';|
', ',,,'), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g') END || ','), ' ?, ?', ',', 'g') END AS icp_l4,
    CASE WHEN PG_TYPEOF("Operating model") = CAST('numeric' AS REGTYPE) THEN REGEXP_REPLACE(CAST("Operating model" AS TEXT), E'(\\.[0-9]*[1-9])0+$|\\.0+$', E'\\1', 'g') ELSE NULLIF(CASE WHEN CAST("Operating model" AS TEXT) ~ '^[!-~]+( [!-~]+)*$' THEN LOWER(CAST("Operating model" AS TEXT)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(LOWER(REGEXP_REPLACE(NORMALIZE(CAST("Operating model" AS TEXT), NFD), E'[\\u0300-\\u036f]', '', 'g')), 'ß', 'ss'), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t5
  OFFSET 0
) AS icp_text
CROSS JOIN LATERAL (
  SELECT
    -- criteria row 2
    CASE WHEN icp_t1 IN ('saas', 'fintech') THEN 1 WHEN icp_t1 IS NOT NULL THEN 0 END AS icp_r2,
    -- criteria row 3
    CASE WHEN "Employees" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN (("Employees" >= 50) AND ("Employees" <= 1000)) THEN 1 WHEN "Employees" IS NOT NULL THEN 0 END AS icp_r3,
    -- criteria row 4
    CASE WHEN icp_t2 IN ('dach', 'nordics') THEN 1 WHEN icp_t2 IS NOT NULL THEN 0 END AS icp_r4,
    -- criteria row 5
    CASE WHEN ((STRPOS(icp_l4, ',hubspot,') > 0) OR (STRPOS(icp_l4, ',salesforce,') > 0)) THEN 1 WHEN icp_t3 IS NOT NULL THEN 0 END AS icp_r5,
    -- criteria row 6
    CASE WHEN ("Case study link" IS NULL OR (REGEXP_REPLACE(CAST("Case study link" AS TEXT), E'[\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', '', 'g') = '')) THEN 0 ELSE 1 END AS icp_r6,
    -- criteria row 7
    CASE WHEN icp_t5 IN ('hardware') THEN 1 WHEN icp_t5 IS NOT NULL THEN 0 END AS icp_r7,
    -- criteria row 8
    CASE WHEN "Employees" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN ("Employees" >= 2000) THEN 1 WHEN "Employees" IS NOT NULL THEN 0 END AS icp_r8,
    -- criteria row 9
    CASE WHEN "Revenue" = CAST('NaN' AS DOUBLE PRECISION) THEN NULL WHEN ("Revenue" >= 100000000) THEN 1 WHEN "Revenue" IS NOT NULL THEN 0 END AS icp_r9,
    -- criteria row 10
    CASE WHEN ((STRPOS(icp_l4, ',salesforce,') > 0) OR (STRPOS(icp_l4, ',sap,') > 0)) THEN 1 WHEN icp_t3 IS NOT NULL THEN 0 END AS icp_r10,
    -- criteria row 11
    CASE WHEN icp_t2 NOT IN ('france') THEN 1 WHEN icp_t2 IS NOT NULL THEN 0 END AS icp_r11
  OFFSET 0
) AS icp_rules
CROSS JOIN LATERAL (
  SELECT
    (CAST(0 AS DOUBLE PRECISION) + (COALESCE(icp_r2, 0) * 30) + (COALESCE(icp_r3, 0) * 25) + (COALESCE(icp_r4, 0) * 20) + (COALESCE(icp_r5, 0) * 15) + (COALESCE(icp_r6, 0) * 10) + (COALESCE(icp_r7, 0) * (-20))) AS icp_e1,
    (100 - CASE WHEN icp_r2 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_r3 IS NULL THEN 25 ELSE 0 END - CASE WHEN icp_r4 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_r5 IS NULL THEN 15 ELSE 0 END - CASE WHEN icp_r6 IS NULL THEN 10 ELSE 0 END) AS icp_p1,
    CASE WHEN (COALESCE(icp_r8, 0) = 0) THEN NULL ELSE (CAST(0 AS DOUBLE PRECISION) + (COALESCE(icp_r8, 0) * 40) + (COALESCE(icp_r9, 0) * 30) + (COALESCE(icp_r10, 0) * 20) + (COALESCE(icp_r11, 0) * 10)) END AS icp_e2,
    (100 - CASE WHEN icp_r9 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_r10 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_r11 IS NULL THEN 10 ELSE 0 END) AS icp_p2
  OFFSET 0
) AS icp_sums
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN icp_e1 IS NULL THEN (-1) WHEN (icp_p1 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_e1) / icp_p1) + CAST('0.5' AS DOUBLE PRECISION))))) END AS icp_s1,
    CASE WHEN icp_e2 IS NULL THEN (-1) WHEN (icp_p2 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_e2) / icp_p2) + CAST('0.5' AS DOUBLE PRECISION))))) END AS icp_s2
  OFFSET 0
) AS icp_scores
CROSS JOIN LATERAL (
  SELECT
    GREATEST(icp_s1, icp_s2) AS icp_best
  OFFSET 0
) AS icp_best
