import { Space } from 'antd';
import type { LinkedApplication } from '../../../../shared/api/applications';
import { BUSINESS_TYPE_INFO, STAGE_LABELS } from '../../../../shared/domain/codes';
import { StatusTag } from '../../components/StatusTags';
import { hashOf } from '../../shell/routes';

const RELATION_LABELS: Record<LinkedApplication['relation'], string> = {
  oldSiteClosure: '原址销户',
  relocation: '所属迁址',
};

/** 关联申请: the 销户 of a 迁址's old site, or the 迁址 a 销户 belongs to, as links to their detail pages. */
export function LinkedApplications({ links }: { links: LinkedApplication[] }) {
  return (
    <Space orientation="vertical" size={2} data-testid="linked-applications">
      {links.map((link) => (
        <Space key={link.number} size={6} wrap>
          <span>{RELATION_LABELS[link.relation]}</span>
          <a href={hashOf({ key: 'application', number: link.number })}>{link.number}</a>
          <span>
            {BUSINESS_TYPE_INFO[link.businessType].label} · {STAGE_LABELS[link.stage]}
          </span>
          <StatusTag status={link.status} />
        </Space>
      ))}
    </Space>
  );
}
