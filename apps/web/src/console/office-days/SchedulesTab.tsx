import { Button, Card, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { holds, type OfficeDayScheduleView } from '@lianxin/core';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import type { AreaOption } from '../field-work/area-options';
import { useMe } from '../shell/session';
import type { OfficeDayFilters } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';
import ScheduleForm from './ScheduleForm';
import AreaFilter from '../field-work/AreaFilter';

type Props = {
  filters: OfficeDayFilters;
  onChange: (patch: Partial<OfficeDayFilters>) => void;
  areas: AreaOption[];
  /** Villages the user may plan in. */
  villages: AreaOption[];
};

/** 办公日安排: one recurring weekday per village; planners over the village set and change it. */
export default function SchedulesTab({ filters, onChange, areas, villages }: Props) {
  const t = useT(officeDayMessages);
  const me = useMe();
  const canPlan = holds(me.roles, 'field.manage');
  const list = useApi('GET /api/office-days/schedules', { query: { areaCode: filters.areaCode } });
  const [editing, setEditing] = useState<{ schedule?: OfficeDayScheduleView } | null>(null);
  const weekdays = t('weekdays').split(',');
  const items = list.data?.items ?? [];

  const columns: TableColumnsType<OfficeDayScheduleView> = [
    { title: t('village'), dataIndex: 'villageName', key: 'village', width: 140, render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
    { title: t('weekday'), dataIndex: 'weekday', key: 'weekday', width: 90, render: (d: number) => <span data-testid="schedule-weekday">{weekdays[d - 1]}</span> },
    { title: t('place'), dataIndex: 'place', key: 'place', width: 220, render: (p: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{p ?? t('noPlace')}</span> },
    { title: t('state'), dataIndex: 'isActive', key: 'state', width: 80, render: (on: boolean) => <Tag color={on ? 'success' : 'default'}>{on ? t('stateActive') : t('stateInactive')}</Tag> },
    ...(canPlan
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, s: OfficeDayScheduleView) =>
              holds(me.roles, 'field.manage', s.villageCode) && (
                <Button size="small" onClick={() => setEditing({ schedule: s })} data-testid="schedule-edit">
                  {t('edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <AreaFilter areas={areas} value={filters.areaCode} onChange={(areaCode) => onChange({ areaCode })} placeholder={t('areaAll')} label={t('area')} style={{ maxWidth: 360 }} testId="schedules-area" />
          {canPlan && (
            <Button type="primary" onClick={() => setEditing({})} style={{ marginInlineStart: 'auto' }} data-testid="schedule-create">
              {t('setSchedule')}
            </Button>
          )}
        </Flex>
      </Card>
      {list.error ? (
        <PageError error={list.error} onRetry={list.reload} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<OfficeDayScheduleView>
            rowKey="id"
            size="small"
            loading={list.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <PageEmpty>{t('emptySchedules')}</PageEmpty> }}
            onRow={(s) => ({ 'data-testid': 'schedule-row', 'data-village': s.villageCode }) as HTMLAttributes<HTMLElement>}
            data-testid="schedule-table"
          />
        </Card>
      )}
      <ScheduleForm
        open={!!editing}
        schedule={editing?.schedule}
        existing={items}
        villages={villages}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Flex>
  );
}
