-- ICP score, tier and best profile of every row, written by icp-sheets (ICP_SQL) for DuckDB.
-- The table must not have columns named icp_score, icp_tier or icp_profile: the engine refuses it as ambiguous.
WITH icp_text AS (
  SELECT
    STRUCT_PACK(*COLUMNS(account.*)) AS account,
    CASE WHEN TYPEOF(account."Industry") IN ('DOUBLE', 'FLOAT') OR TYPEOF(account."Industry") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST(account."Industry" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST(account."Industry" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST(account."Industry" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST(account."Industry" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t1,
    CASE WHEN TYPEOF(account."Region") IN ('DOUBLE', 'FLOAT') OR TYPEOF(account."Region") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST(account."Region" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST(account."Region" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST(account."Region" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST(account."Region" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t2,
    CASE WHEN TYPEOF(account."Tech stack") IN ('DOUBLE', 'FLOAT') OR TYPEOF(account."Tech stack") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST(account."Tech stack" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST(account."Tech stack" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST(account."Tech stack" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST(account."Tech stack" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t3,
    CASE WHEN TYPEOF(account."Tech stack") IN ('DOUBLE', 'FLOAT') OR TYPEOF(account."Tech stack") LIKE 'DECIMAL%' THEN (',' || REGEXP_REPLACE(CAST(account."Tech stack" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') || ',') ELSE REGEXP_REPLACE((',' || CASE WHEN REGEXP_MATCHES(CAST(account."Tech stack" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(TRANSLATE(CAST(account."Tech stack" AS VARCHAR), ';|
', ',,,')) ELSE REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(TRANSLATE(CAST(account."Tech stack" AS VARCHAR), ';|
', ',,,'))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g') END || ','), ' ?, ?', ',', 'g') END AS l4,
    CASE WHEN TYPEOF(account."Operating model") IN ('DOUBLE', 'FLOAT') OR TYPEOF(account."Operating model") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST(account."Operating model" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST(account."Operating model" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST(account."Operating model" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST(account."Operating model" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS t5
  FROM "my-project"."crm"."accounts" AS account
  CROSS JOIN (SELECT 0 AS icp_score, 0 AS icp_tier, 0 AS icp_profile) AS icp_names
  WHERE icp_score = icp_tier AND icp_tier = icp_profile
), icp_rules AS (
  SELECT
    *,
    -- criteria row 2
    CASE WHEN t1 IN ('saas', 'fintech') THEN 1 WHEN t1 IS NOT NULL THEN 0 END AS r2,
    -- criteria row 3
    CASE WHEN ISNAN(account."Employees") THEN NULL WHEN ((account."Employees" >= 50) AND (account."Employees" <= 1000)) THEN 1 WHEN account."Employees" IS NOT NULL THEN 0 END AS r3,
    -- criteria row 4
    CASE WHEN t2 IN ('dach', 'nordics') THEN 1 WHEN t2 IS NOT NULL THEN 0 END AS r4,
    -- criteria row 5
    CASE WHEN ((STRPOS(l4, ',hubspot,') > 0) OR (STRPOS(l4, ',salesforce,') > 0)) THEN 1 WHEN t3 IS NOT NULL THEN 0 END AS r5,
    -- criteria row 6
    CASE WHEN (account."Case study link" IS NULL OR (REGEXP_REPLACE(CAST(account."Case study link" AS VARCHAR), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', '', 'g') = '')) THEN 0 ELSE 1 END AS r6,
    -- criteria row 7
    CASE WHEN t5 IN ('hardware') THEN 1 WHEN t5 IS NOT NULL THEN 0 END AS r7,
    -- criteria row 8
    CASE WHEN ISNAN(account."Employees") THEN NULL WHEN (account."Employees" >= 2000) THEN 1 WHEN account."Employees" IS NOT NULL THEN 0 END AS r8,
    -- criteria row 9
    CASE WHEN ISNAN(account."Revenue") THEN NULL WHEN (account."Revenue" >= 100000000) THEN 1 WHEN account."Revenue" IS NOT NULL THEN 0 END AS r9,
    -- criteria row 10
    CASE WHEN ((STRPOS(l4, ',salesforce,') > 0) OR (STRPOS(l4, ',sap,') > 0)) THEN 1 WHEN t3 IS NOT NULL THEN 0 END AS r10,
    -- criteria row 11
    CASE WHEN t2 NOT IN ('france') THEN 1 WHEN t2 IS NOT NULL THEN 0 END AS r11
  FROM icp_text
), icp_sums AS (
  SELECT
    *,
    (CAST(0 AS DOUBLE) + (COALESCE(r2, 0) * 30) + (COALESCE(r3, 0) * 25) + (COALESCE(r4, 0) * 20) + (COALESCE(r5, 0) * 15) + (COALESCE(r6, 0) * 10) + (COALESCE(r7, 0) * (-20))) AS e1,
    (100 - CASE WHEN r2 IS NULL THEN 30 ELSE 0 END - CASE WHEN r3 IS NULL THEN 25 ELSE 0 END - CASE WHEN r4 IS NULL THEN 20 ELSE 0 END - CASE WHEN r5 IS NULL THEN 15 ELSE 0 END - CASE WHEN r6 IS NULL THEN 10 ELSE 0 END) AS p1,
    CASE WHEN (COALESCE(r8, 0) = 0) THEN NULL ELSE (CAST(0 AS DOUBLE) + (COALESCE(r8, 0) * 40) + (COALESCE(r9, 0) * 30) + (COALESCE(r10, 0) * 20) + (COALESCE(r11, 0) * 10)) END AS e2,
    (100 - CASE WHEN r9 IS NULL THEN 30 ELSE 0 END - CASE WHEN r10 IS NULL THEN 20 ELSE 0 END - CASE WHEN r11 IS NULL THEN 10 ELSE 0 END) AS p2
  FROM icp_rules
), icp_scores AS (
  SELECT
    *,
    CASE WHEN e1 IS NULL THEN (-1) WHEN (p1 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * e1) / p1) + CAST('0.5' AS DOUBLE))))) END AS s1,
    CASE WHEN e2 IS NULL THEN (-1) WHEN (p2 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * e2) / p2) + CAST('0.5' AS DOUBLE))))) END AS s2
  FROM icp_sums
), icp_best AS (
  SELECT
    *,
    GREATEST(s1, s2) AS best
  FROM icp_scores
)
SELECT
  account.*,
  CAST(GREATEST(best, 0) AS INTEGER) AS icp_score,
  CASE WHEN (best < 0) THEN 'DQ' WHEN (best >= 80) THEN 'A' WHEN (best >= 60) THEN 'B' WHEN (best >= 40) THEN 'C' WHEN (best >= 0) THEN 'D' END AS icp_tier,
  CASE WHEN (best < 0) THEN NULL WHEN (s1 = best) THEN 'SaaS mid-market' WHEN (s2 = best) THEN 'Enterprise' END AS icp_profile
FROM icp_best
