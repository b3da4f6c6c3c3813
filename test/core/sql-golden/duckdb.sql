-- ICP score, tier and best profile of every row, written by icp-sheets (ICP_SQL) for DuckDB.
WITH icp_text AS (
  SELECT
    *,
    CASE WHEN TYPEOF("Industry") IN ('DOUBLE', 'FLOAT') OR TYPEOF("Industry") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST("Industry" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST("Industry" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST("Industry" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST("Industry" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t1,
    CASE WHEN TYPEOF("Region") IN ('DOUBLE', 'FLOAT') OR TYPEOF("Region") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST("Region" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST("Region" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST("Region" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST("Region" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t2,
    CASE WHEN TYPEOF("Tech stack") IN ('DOUBLE', 'FLOAT') OR TYPEOF("Tech stack") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST("Tech stack" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST("Tech stack" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST("Tech stack" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST("Tech stack" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t3,
    CASE WHEN TYPEOF("Tech stack") IN ('DOUBLE', 'FLOAT') OR TYPEOF("Tech stack") LIKE 'DECIMAL%' THEN (',' || REGEXP_REPLACE(CAST("Tech stack" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') || ',') ELSE REGEXP_REPLACE((',' || CASE WHEN REGEXP_MATCHES(CAST("Tech stack" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(TRANSLATE(CAST("Tech stack" AS VARCHAR), ';|
', ',,,')) ELSE REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(TRANSLATE(CAST("Tech stack" AS VARCHAR), ';|
', ',,,'))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g') END || ','), ' ?, ?', ',', 'g') END AS icp_l4,
    CASE WHEN TYPEOF("Operating model") IN ('DOUBLE', 'FLOAT') OR TYPEOF("Operating model") LIKE 'DECIMAL%' THEN REGEXP_REPLACE(CAST("Operating model" AS VARCHAR), '(\.[0-9]*[1-9])0+$|\.0+$', '\1', 'g') ELSE NULLIF(CASE WHEN REGEXP_MATCHES(CAST("Operating model" AS VARCHAR), '^[!-~]+( [!-~]+)*$') THEN LOWER(CAST("Operating model" AS VARCHAR)) ELSE REGEXP_REPLACE(REGEXP_REPLACE(REPLACE(STRIP_ACCENTS(LOWER(CAST("Operating model" AS VARCHAR))), 'ß', 'ss'), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', ' ', 'g'), '^ | $', '', 'g') END, '') END AS icp_t5
  FROM "my-project"."crm"."accounts"
), icp_rules AS (
  SELECT
    *,
    -- criteria row 2
    CASE WHEN icp_t1 IN ('saas', 'fintech') THEN 1 WHEN icp_t1 IS NOT NULL THEN 0 END AS icp_r2,
    -- criteria row 3
    CASE WHEN ISNAN("Employees") THEN NULL WHEN (("Employees" >= 50) AND ("Employees" <= 1000)) THEN 1 WHEN "Employees" IS NOT NULL THEN 0 END AS icp_r3,
    -- criteria row 4
    CASE WHEN icp_t2 IN ('dach', 'nordics') THEN 1 WHEN icp_t2 IS NOT NULL THEN 0 END AS icp_r4,
    -- criteria row 5
    CASE WHEN ((STRPOS(icp_l4, ',hubspot,') > 0) OR (STRPOS(icp_l4, ',salesforce,') > 0)) THEN 1 WHEN icp_t3 IS NOT NULL THEN 0 END AS icp_r5,
    -- criteria row 6
    CASE WHEN ("Case study link" IS NULL OR (REGEXP_REPLACE(CAST("Case study link" AS VARCHAR), '[\x{09}-\x{0d}\x{20}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+', '', 'g') = '')) THEN 0 ELSE 1 END AS icp_r6,
    -- criteria row 7
    CASE WHEN icp_t5 IN ('hardware') THEN 1 WHEN icp_t5 IS NOT NULL THEN 0 END AS icp_r7,
    -- criteria row 8
    CASE WHEN ISNAN("Employees") THEN NULL WHEN ("Employees" >= 2000) THEN 1 WHEN "Employees" IS NOT NULL THEN 0 END AS icp_r8,
    -- criteria row 9
    CASE WHEN ISNAN("Revenue") THEN NULL WHEN ("Revenue" >= 100000000) THEN 1 WHEN "Revenue" IS NOT NULL THEN 0 END AS icp_r9,
    -- criteria row 10
    CASE WHEN ((STRPOS(icp_l4, ',salesforce,') > 0) OR (STRPOS(icp_l4, ',sap,') > 0)) THEN 1 WHEN icp_t3 IS NOT NULL THEN 0 END AS icp_r10,
    -- criteria row 11
    CASE WHEN icp_t2 NOT IN ('france') THEN 1 WHEN icp_t2 IS NOT NULL THEN 0 END AS icp_r11
  FROM icp_text
), icp_sums AS (
  SELECT
    *,
    (CAST(0 AS DOUBLE) + (COALESCE(icp_r2, 0) * 30) + (COALESCE(icp_r3, 0) * 25) + (COALESCE(icp_r4, 0) * 20) + (COALESCE(icp_r5, 0) * 15) + (COALESCE(icp_r6, 0) * 10) + (COALESCE(icp_r7, 0) * (-20))) AS icp_e1,
    (100 - CASE WHEN icp_r2 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_r3 IS NULL THEN 25 ELSE 0 END - CASE WHEN icp_r4 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_r5 IS NULL THEN 15 ELSE 0 END - CASE WHEN icp_r6 IS NULL THEN 10 ELSE 0 END) AS icp_p1,
    CASE WHEN (COALESCE(icp_r8, 0) = 0) THEN NULL ELSE (CAST(0 AS DOUBLE) + (COALESCE(icp_r8, 0) * 40) + (COALESCE(icp_r9, 0) * 30) + (COALESCE(icp_r10, 0) * 20) + (COALESCE(icp_r11, 0) * 10)) END AS icp_e2,
    (100 - CASE WHEN icp_r9 IS NULL THEN 30 ELSE 0 END - CASE WHEN icp_r10 IS NULL THEN 20 ELSE 0 END - CASE WHEN icp_r11 IS NULL THEN 10 ELSE 0 END) AS icp_p2
  FROM icp_rules
), icp_scores AS (
  SELECT
    *,
    CASE WHEN icp_e1 IS NULL THEN (-1) WHEN (icp_p1 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_e1) / icp_p1) + CAST('0.5' AS DOUBLE))))) END AS icp_s1,
    CASE WHEN icp_e2 IS NULL THEN (-1) WHEN (icp_p2 <= 0) THEN 0 ELSE GREATEST(0, LEAST(100, FLOOR((((100 * icp_e2) / icp_p2) + CAST('0.5' AS DOUBLE))))) END AS icp_s2
  FROM icp_sums
), icp_best AS (
  SELECT
    *,
    GREATEST(icp_s1, icp_s2) AS icp_best
  FROM icp_scores
)
SELECT
  * EXCLUDE (icp_t1, icp_t2, icp_t3, icp_l4, icp_t5, icp_r2, icp_r3, icp_r4, icp_r5, icp_r6, icp_r7, icp_r8, icp_r9, icp_r10, icp_r11, icp_e1, icp_p1, icp_e2, icp_p2, icp_s1, icp_s2, icp_best),
  CAST(GREATEST(icp_best, 0) AS INTEGER) AS icp_score,
  CASE WHEN (icp_best < 0) THEN 'DQ' WHEN (icp_best >= 80) THEN 'A' WHEN (icp_best >= 60) THEN 'B' WHEN (icp_best >= 40) THEN 'C' WHEN (icp_best >= 0) THEN 'D' END AS icp_tier,
  CASE WHEN (icp_best < 0) THEN NULL WHEN (icp_s1 = icp_best) THEN 'SaaS mid-market' WHEN (icp_s2 = icp_best) THEN 'Enterprise' END AS icp_profile
FROM icp_best
