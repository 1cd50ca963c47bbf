/** Performance marks of 申请查询, read by bench/ui.bench.ts: search submitted → first result rows painted. */
export const SEARCH_MARKS = { submit: 'yekuo:query:submit', painted: 'yekuo:query:painted', measure: 'yekuo:query' };
