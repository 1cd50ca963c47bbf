import { Button, Popconfirm, Tag } from 'antd';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import { STAGES } from '../../../../shared/domain/codes';
import { DEADLINE_COLORS } from '../../components/StatusTags';

const CHECK_STAGE = STAGES.indexOf('COMPLETION_CHECK');

/**
 * 竣工检验: once the application has reached the completion check, the clerk records that the customer's works
 * passed it (the record's completionCheckPassed, which R-GATE-01 requires before 装表接电 for high voltage).
 * Shown only for plans that have the stage.
 */
export function CompletionCheck({ detail, onPassed }: { detail: ApplicationDetail; onPassed: () => void }) {
  if (!detail.plan.some((step) => step.stage === 'COMPLETION_CHECK')) return null;
  if (detail.record.completionCheckPassed === true) return <Tag color={DEADLINE_COLORS.NORMAL}>竣工检验合格</Tag>;
  const reached = STAGES.indexOf(detail.stage) >= CHECK_STAGE;
  if (!reached || detail.status !== 'ACTIVE') return null;
  return (
    <Popconfirm
      title="登记竣工检验合格"
      description="客户受电工程已按供电方案和国家标准完成竣工检验，检验合格。"
      okText="登记"
      cancelText="取消"
      onConfirm={onPassed}
    >
      <Button>登记竣工检验合格</Button>
    </Popconfirm>
  );
}
