/** What a recorded stage event did, in the words of the 办理进度 timeline and the risk evidence. */
export const STAGE_EVENT_LABELS: Record<string, string> = {
  create: '受理',
  advance: '推进',
  return: '退回',
  suspend: '挂起',
  resume: '恢复',
  cancel: '终止',
  archive: '归档',
  skip: '跳过',
  'skip-by-data': '按条件跳过',
};

export const stageEventLabel = (action: string): string => STAGE_EVENT_LABELS[action] ?? action;
