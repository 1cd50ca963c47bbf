import { Alert, Badge, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { STAGE_LABELS } from '../../../../shared/domain/codes';
import { DOCUMENT_LABELS } from '../../../../shared/rules/documents/labels';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { ApplicationListItem } from './ApplicationListItem';
import { formatCount } from './CountLink';
import { SHOWN } from './QueuePanel';

/**
 * 容缺资料临期: applications that cannot pass their current or next stage until a deferred document is
 * received (R-DOC-03), the most urgent first, so the clerk calls the customer before the gate refuses.
 */
export function DeferredDuePanel({ revision }: { revision: number }) {
  const [scope, setScope] = useState<'all' | 'mine'>('all');
  const [page] = useLoaded(
    () => api.workbench.deferredDue({ mine: scope === 'mine', limit: SHOWN }),
    `${scope}-${revision}`,
  );
  const ready = page.state === 'ready' ? page.value : null;
  return (
    <Card
      size="small"
      data-testid="deferred-due"
      title={
        <Space>
          <Badge color="#ad4e00" />
          容缺资料临期
          {/* Not a link, unlike the other counts: whether a deferred document blocks the next advance is judged
              per application from its plan and record (deferredDue.ts), which no 申请查询 filter expresses. */}
          {ready && (
            <Typography.Text type="secondary" data-testid="deferred-due-total">
              共 {formatCount(ready.total)} 件
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Segmented<'all' | 'mine'>
          size="small"
          aria-label="容缺资料范围"
          value={scope}
          onChange={(value) => setScope(value)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'mine', label: '我经办的' },
          ]}
        />
      }
    >
      {page.state === 'error' ? (
        <Alert type="error" showIcon title="容缺资料读取失败" description={page.message} />
      ) : (
        <>
          <List
            size="small"
            loading={page.state === 'loading'}
            locale={{
              emptyText: <Typography.Text type="secondary">没有本环节或下一环节到期的容缺资料</Typography.Text>,
            }}
            dataSource={ready?.items ?? []}
            renderItem={(item) => (
              <ApplicationListItem item={item}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.number} · {STAGE_LABELS[item.stage]}
                  {item.nextStage ? ` → ${STAGE_LABELS[item.nextStage]}` : ''}
                </Typography.Text>
                <Space size={[4, 4]} wrap>
                  {item.documents.map((doc) => (
                    <Tag key={doc.code} color={doc.when === 'now' ? '#a8071a' : '#ad4e00'}>
                      {DOCUMENT_LABELS[doc.code]} ·{' '}
                      {doc.when === 'now' || !item.nextStage
                        ? `已到补交环节（${STAGE_LABELS[doc.dueStage]}），未收取不能推进`
                        : `推进到${STAGE_LABELS[item.nextStage]}前须补交`}
                    </Tag>
                  ))}
                </Space>
              </ApplicationListItem>
            )}
          />
          {ready && ready.total > ready.items.length && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              显示最急的 {ready.items.length} 件，其余 {formatCount(ready.total - ready.items.length)}{' '}
              件办理时将由系统在推进前提示。
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
