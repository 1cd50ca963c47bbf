// Migration 0022: application_month_tally, the number of applications per application month (YYYY-MM) and business
// type, kept by triggers in the same transaction as every write to applications (as application_tally, 0015). The
// forecast (预测, main/services/stats/forecastReport.ts) reads these few hundred rows instead of grouping the
// applications_date_type index (0021): 4.5–8.2 s on a hall of 1,000,000. Derived data, not audited; rebuilt here
// from applications, so re-running the migration gives the same rows.
export default /* sql */ `
CREATE TABLE IF NOT EXISTS application_month_tally (
  month TEXT NOT NULL,
  business_type TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (month, business_type)
) STRICT, WITHOUT ROWID;

DELETE FROM application_month_tally;
INSERT INTO application_month_tally (month, business_type, n)
  SELECT substr(application_date, 1, 7), business_type, count(*) FROM applications GROUP BY 1, 2;

CREATE TRIGGER IF NOT EXISTS application_month_tally_insert AFTER INSERT ON applications BEGIN
  INSERT INTO application_month_tally (month, business_type, n)
    VALUES (substr(NEW.application_date, 1, 7), NEW.business_type, 1)
    ON CONFLICT (month, business_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS application_month_tally_update AFTER UPDATE OF application_date, business_type ON applications
  WHEN substr(OLD.application_date, 1, 7) IS NOT substr(NEW.application_date, 1, 7)
    OR OLD.business_type IS NOT NEW.business_type BEGIN
  UPDATE application_month_tally SET n = n - 1
    WHERE month = substr(OLD.application_date, 1, 7) AND business_type = OLD.business_type;
  INSERT INTO application_month_tally (month, business_type, n)
    VALUES (substr(NEW.application_date, 1, 7), NEW.business_type, 1)
    ON CONFLICT (month, business_type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS application_month_tally_delete AFTER DELETE ON applications BEGIN
  UPDATE application_month_tally SET n = n - 1
    WHERE month = substr(OLD.application_date, 1, 7) AND business_type = OLD.business_type;
END;
`;
