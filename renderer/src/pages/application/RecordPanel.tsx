import { Descriptions } from 'antd';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import { TIME_LIMIT_CLASS_LABELS } from '../../../../shared/domain/codes';
import {
  ID_TYPE_LABELS,
  IMPORTANCE_LABELS,
  LOAD_GRADE_LABELS,
  TARIFF_CATEGORY_LABELS,
  TARIFF_STRUCTURE_LABELS,
  VOLTAGE_LABELS,
} from '../../../../shared/domain/labels';

const withUnit = (value: number | undefined, unit: string) => (value === undefined ? '—' : `${value} ${unit}`);

/** 申请信息: what was accepted, with units and Chinese labels; full identifiers (the detail view needs them). */
export function RecordPanel({ detail }: { detail: ApplicationDetail }) {
  const r = detail.record;
  const transformers = r.transformers?.map((t) => `${t.ratingKva} kVA × ${t.count}`).join('，');
  const holder = r.existing?.holder;
  return (
    <Descriptions bordered size="small" column={3} data-testid="record">
      {/* 过户: the owner before the transfer, above the new one. */}
      {holder && <Descriptions.Item label="原户名">{holder.name}</Descriptions.Item>}
      {holder && (
        <Descriptions.Item label="原证件">
          {holder.idType ? `${ID_TYPE_LABELS[holder.idType]} ` : ''}
          {holder.idNumber ?? '—'}
        </Descriptions.Item>
      )}
      {holder && <Descriptions.Item label="原法定代表人">{holder.legalRepName ?? '—'}</Descriptions.Item>}
      <Descriptions.Item label="户名">{r.customer.name}</Descriptions.Item>
      <Descriptions.Item label="证件">
        {ID_TYPE_LABELS[r.customer.idType]} {r.customer.idNumber}
      </Descriptions.Item>
      <Descriptions.Item label="联系电话">{r.customer.phone}</Descriptions.Item>
      <Descriptions.Item label="用电地址" span={2}>
        {r.site.address}
      </Descriptions.Item>
      <Descriptions.Item label="户号">{detail.accountNo ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="供电电压">{VOLTAGE_LABELS[r.voltageCode]}</Descriptions.Item>
      <Descriptions.Item label="申请容量">
        {r.requestedCapacityKva !== undefined
          ? withUnit(r.requestedCapacityKva, 'kVA')
          : withUnit(r.requestedCapacityKw, 'kW')}
      </Descriptions.Item>
      <Descriptions.Item label="变压器">{transformers || '—'}</Descriptions.Item>
      <Descriptions.Item label="电价">
        {TARIFF_CATEGORY_LABELS[r.tariff.category]}
        {r.tariff.structure ? ` · ${TARIFF_STRUCTURE_LABELS[r.tariff.structure]}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="负荷等级">{r.loadGrade ? LOAD_GRADE_LABELS[r.loadGrade] : '—'}</Descriptions.Item>
      <Descriptions.Item label="重要用户">{r.importance ? IMPORTANCE_LABELS[r.importance] : '—'}</Descriptions.Item>
      <Descriptions.Item label="申请日期">{r.applicationDate}</Descriptions.Item>
      <Descriptions.Item label="期望接电日期">{r.desiredConnectionDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="时限分类">{TIME_LIMIT_CLASS_LABELS[detail.timeLimitClass]}</Descriptions.Item>
    </Descriptions>
  );
}
