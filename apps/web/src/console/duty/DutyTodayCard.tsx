import { label } from '@lianxin/core';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { dutyMessages } from './duty.messages';

/** The workbench card 今日值班 / 现在请联系: today's duty per unit, the person to call now, my next shifts. */
export function DutyTodayCard() {
  const t = useT(dutyMessages);
  const { locale } = useLocale();
  const today = useApi('GET /api/duty/today', {});
  const d = today.data;
  if (!d) return null;
  const name = (p: { name: string } | null) => p?.name ?? t('nobody');
  return (
    <Card size="small" title={t('todayTitle')} extra={<Link to="/duty">{t('toRoster')}</Link>} data-testid="duty-today">
      <Flex vertical gap={8}>
        {d.claimedCases > 0 && (
          <Link to="/dispatch">
            <Tag color="red" data-testid="duty-claimed">
              {t('claimed', { n: d.claimedCases })}
            </Tag>
          </Link>
        )}
        {d.units.length === 0 && <Typography.Text type="secondary">{t('todayEmpty')}</Typography.Text>}
        {d.units.map((u) => (
          <Descriptions key={u.unit.id} size="small" column={{ xs: 1, md: 3 }} title={u.unit.name} data-testid={`duty-today-${u.unit.id}`}>
            {u.today.map((s) => (
              <Descriptions.Item key={s.shift} label={label('dutyShift', s.shift, locale)}>
                {name(s.person)}
                {s.lead ? `（${t('lead')}：${s.lead.name}）` : ''}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('callNow')}>
              <Space size={4}>
                <Typography.Text strong data-testid={`duty-now-${u.unit.id}`}>
                  {name(u.now.person)}
                </Typography.Text>
                {u.unit.phone && <Typography.Text type="secondary">{`${t('dutyPhone')} ${u.unit.phone}`}</Typography.Text>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        ))}
        {d.mine.length > 0 && (
          <Typography.Text type="secondary">
            {`${t('myShifts')}：`}
            {d.mine.map((m) => `${m.date.slice(5)} ${label('dutyShift', m.shift, locale)}（${m.unitName}）`).join('；')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
