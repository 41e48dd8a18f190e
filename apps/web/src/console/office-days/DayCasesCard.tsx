import { holds, label, type OfficeDaySessionDetail } from '@lianxin/core';
import { Button, Card, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { useMe } from '../shell/session';
import { chinaTime, registerHref } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';

/**
 * 本场受理的诉求: the cases of channel 联合办公日 registered in the village on the session's day,
 * and the way to register one more — only on the day itself, since the server matches by date.
 */
export default function DayCasesCard({ session, today }: { session: OfficeDaySessionDetail; today: string }) {
  const t = useT(officeDayMessages);
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const canRegister = holds(me.roles, 'case.register');
  const isToday = session.date === today;
  const register = (
    <Button type="primary" ghost disabled={!isToday} onClick={() => navigate(registerHref(session.villageCode))} data-testid="session-register">
      {t('register')}
    </Button>
  );

  return (
    <Card
      size="small"
      title={`${t('casesTitle')}（${session.cases.length}）`}
      extra={canRegister ? (isToday ? register : <Tooltip title={t('registerOnlyToday')}>{register}</Tooltip>) : undefined}
      data-testid="day-cases-card"
    >
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', overflowWrap: 'anywhere' }}>
        {t('casesHint')}
      </Typography.Text>
      <List
        size="small"
        dataSource={session.cases}
        locale={{ emptyText: t('casesEmpty') }}
        data-testid="day-cases"
        renderItem={(c) => (
          <List.Item key={c.id} data-testid="day-case" data-id={c.id}>
            <div style={{ minWidth: 0, width: '100%' }}>
              <Flex wrap gap={8} align="center">
                <Link to={`/cases/${c.id}`}>{c.code}</Link>
                <Tag color={stateColor(c.status)} style={{ marginInlineEnd: 0 }}>
                  {label('state', c.status, locale)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaTime(c.registeredAt).slice(11)}
                </Typography.Text>
              </Flex>
              <div style={{ overflowWrap: 'anywhere' }}>{c.title}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
