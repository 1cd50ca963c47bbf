import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CalendarView, HolidayYear, NamedDay } from '../../../../shared/api/settings';
import { api } from '../../api';
import { formatDateTime, todayInShanghai } from '../../format/dates';
import { JsonFileLoader } from './JsonFileLoader';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';

const thisYear = Number(todayInShanghai().slice(0, 4));

/** Covered years, and two beyond the last one so an uncovered year can be looked at (and its warning seen). */
function yearChoices(years: HolidayYear[]): number[] {
  const last = Math.max(thisYear, ...years.map((y) => y.year));
  const first = Math.min(thisYear, ...years.map((y) => y.year));
  return Array.from({ length: last + 2 - first + 1 }, (_, i) => last + 2 - i);
}

const dayColumns = (nameTitle: string) => [
  { title: '日期', dataIndex: 'date', width: 140 },
  { title: nameTitle, dataIndex: 'name' },
];

function DayTable({ days, title, testId }: { days: NamedDay[]; title: string; testId: string }) {
  return (
    <div style={{ flex: 1, minWidth: 280 }}>
      <Typography.Title level={5}>
        {title}（{days.length} 天）
      </Typography.Title>
      <Table
        data-testid={testId}
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={days}
        columns={dayColumns('节日')}
      />
    </div>
  );
}

function coverageText(y: HolidayYear): string {
  if (y.origin === 'builtin') return '内置';
  return y.loaded ? `载入（${y.loaded.by}，${formatDateTime(y.loaded.at)}）` : '载入';
}

/** 节假日: which years have a table (built-in or loaded), the days of one year, and loading next year's table. */
export function HolidaysTab({ admin }: { admin: boolean }) {
  const [year, setYear] = useState(thisYear);
  const [view, reload] = useLoaded(() => api.settings.calendar({ year }), String(year));
  return (
    <LoadableView value={view}>
      {(v: CalendarView) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {admin && (
            <JsonFileLoader
              buttonText="载入节假日表…"
              hint="一年一个 JSON 文件（年份、放假日、调休上班日，格式见使用说明），按国务院办公厅当年通知填写；同一年再次载入即替换。"
              send={async (text) => {
                const result = await api.settings.loadHolidays({ text });
                if (result.ok) setYear(result.value.year);
                return result;
              }}
              onLoaded={reload}
              testId="holiday-loader"
            />
          )}
          <Space wrap>
            <Typography.Text>查看年份</Typography.Text>
            <Select
              aria-label="查看年份"
              data-testid="holiday-year"
              value={year}
              style={{ width: 120 }}
              onChange={setYear}
              options={yearChoices(v.years).map((y) => ({ value: y, label: `${y} 年` }))}
            />
            <Typography.Text type="secondary">
              已有节假日表：{v.years[0]?.year}–{v.years[v.years.length - 1]?.year} 年，其中载入{' '}
              {v.years.filter((y) => y.origin === 'loaded').length} 年
            </Typography.Text>
          </Space>
          {v.covered ? (
            <Alert
              type="success"
              showIcon
              data-testid="holiday-coverage"
              title={`${v.year} 年节假日表：${coverageText(v.years.find((y) => y.year === v.year) as HolidayYear)}`}
              description={v.years.find((y) => y.year === v.year)?.source ?? undefined}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              data-testid="holiday-coverage"
              title={`${v.year} 年未载入节假日表，按周一至周五计算`}
              description="该年的办电时限只扣除周末，不扣除法定节假日、不计调休上班日；请系统管理员载入该年的节假日表。"
            />
          )}
          {v.covered && (
            <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap' }}>
              <DayTable days={v.daysOff} title="放假日" testId="holiday-days-off" />
              <DayTable days={v.workdays} title="调休上班日" testId="holiday-workdays" />
            </div>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            各年节假日表
          </Typography.Title>
          <Table
            data-testid="holiday-years"
            size="small"
            rowKey="year"
            dataSource={[...v.years].reverse()}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: '年份', dataIndex: 'year', width: 80 },
              {
                title: '来源',
                key: 'origin',
                render: (_, y: HolidayYear) => (
                  <Tag color={y.origin === 'loaded' ? 'blue' : undefined}>{coverageText(y)}</Tag>
                ),
              },
              { title: '放假天数', dataIndex: 'daysOff', width: 100 },
              { title: '调休上班天数', dataIndex: 'workdays', width: 120 },
              { title: '依据', dataIndex: 'source', ellipsis: true },
            ]}
          />
        </Space>
      )}
    </LoadableView>
  );
}
