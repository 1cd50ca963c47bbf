// Migration 0039: process_tally holds, beside each acceptance month's rows, their sum over all months under the
// month '*' (processTallyRepo.ts ALL_MONTHS), kept by the same fold and rebuild. 流程分析 opens on the whole
// history, which summed every month row per call (98,159 rows into 15,035 at 1,000,000 applications: 111–281 ms
// of CPU, p90 411 ms at load 6–7); now it reads the 15,035. This fills them for a tally built before; a tally
// being rebuilt in the background starts its *_next tables afresh, so they need nothing here.
export default /* sql */ `
DELETE FROM process_tally WHERE month = '*';
INSERT INTO process_tally (month, business_type, time_limit_class, kind, stage, label, x, y, n)
  SELECT '*', business_type, time_limit_class, kind, stage, label, x, y, sum(n) FROM process_tally
  GROUP BY business_type, time_limit_class, kind, stage, label, x, y HAVING sum(n) <> 0;
`;
