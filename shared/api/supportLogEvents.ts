/**
 * What a support-log line records, in the words of 系统设置 › 运行日志. The log itself keeps the stable English
 * event names (main/log/supportLog.ts; the help desk searches them); a test checks that every event main/
 * writes has its label here.
 */
export const SUPPORT_LOG_EVENT_LABELS: Record<string, string> = {
  start: '启动',
  migration: '数据库升级',
  backup: '备份',
  'backup-failed': '备份失败',
  restore: '从备份恢复',
  export: '数据导出',
  'export-failed': '数据导出失败',
  'risk-daily-scan-failed': '每日风险扫描失败',
  'portrait-refresh-failed': '客户画像建议更新失败',
  'process-tally-rebuild-failed': '流程分析重算失败',
  'sign-in-failed': '登录失败',
  'slow-call': '操作耗时过长',
  'storage-refused': '磁盘已满或只读',
  'internal-error': '内部错误',
  'harness-error': '调试服务内部错误',
};

export const supportLogEventLabel = (event: string): string => SUPPORT_LOG_EVENT_LABELS[event] ?? event;
