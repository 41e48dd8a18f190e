import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { holds, label, localDate } from '@lianxin/core';
import { Button, Card, Col, Flex, Row, Segmented, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import StaffSelect from '../field-work/StaffSelect';
import { useMe } from '../shell/session';
import AreaVisitsCard from './AreaVisitsCard';
import VisitCard from './VisitCard';
import { type DiaryPeriod, diaryPeriod, periodRange, shiftPeriod, switchPeriodKind } from './visit-logic';
import { visitMessages } from './visits.messages';
import { PageHeader } from '../../shared/PageHeader';

const dayTitle = (date: string, locale: string) => `${date} ${new Date(`${date}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' })}`;

/** 民情日记: a cadre's visits by week or month, day by day; managers read any cadre's and the area's. */
export default function DiaryPage() {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const today = localDate(new Date());
  const period = diaryPeriod(search, today);
  const cadre = search.get('cadre') ?? undefined;
  const canManage = holds(me.roles, 'field.manage');
  const diary = useApi('GET /api/diary', { query: period.kind === 'week' ? { week: period.label, cadre } : { month: period.label, cadre } });

  const go = (next: Partial<{ period: DiaryPeriod; cadre: string | undefined }>) => {
    const p = next.period ?? period;
    const c = 'cadre' in next ? next.cadre : cadre;
    setSearch(new URLSearchParams(Object.entries({ [p.kind]: p.label, cadre: c }).filter((e): e is [string, string] => !!e[1])));
  };
  const periodName = useMemo(() => {
    const [year, n] = period.label.split(/-W?/).map(Number);
    return period.kind === 'week' ? t('weekLabel', { year: year!, week: n! }) : t('monthLabel', { year: year!, month: n! });
  }, [period, t]);

  const summary = diary.data?.summary;
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={`${t('diaryTitle')}${diary.data && diary.data.cadre.id !== me.userId ? ` · ${diary.data.cadre.name}` : ''}`}
        subtitle={t('diarySubtitle')}
        extra={
          holds(me.roles, 'field.write') && (
            <Link to="/visits/new" data-testid="visit-new">
              <Button type="primary" size="large">
                {t('record')}
              </Button>
            </Link>
          )
        }
      />

      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Segmented value={period.kind} onChange={(kind) => kind !== period.kind && go({ period: switchPeriodKind(period, today) })} options={[{ value: 'week', label: t('week') }, { value: 'month', label: t('month') }]} data-testid="diary-kind" />
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('previous')} onClick={() => go({ period: shiftPeriod(period, -1) })} data-testid="diary-previous" />
            <Button style={{ minWidth: 140 }} title={t('thisPeriod')} onClick={() => go({ period: diaryPeriod(new URLSearchParams(period.kind === 'month' ? { month: today.slice(0, 7) } : {}), today) })} data-testid="diary-period">
              {periodName}
            </Button>
            <Button icon={<RightOutlined />} aria-label={t('next')} onClick={() => go({ period: shiftPeriod(period, 1) })} data-testid="diary-next" />
          </Space.Compact>
          <Typography.Text type="secondary" data-testid="diary-dates">
            {t('periodDates', { from: periodRange(period)[0], to: periodRange(period)[1] })}
          </Typography.Text>
          {canManage && (
            <div style={{ flex: '1 1 220px', minWidth: 180, maxWidth: 320 }}>
              <StaffSelect role="stationed_cadre" value={cadre} onChange={(id) => go({ cadre: id || undefined })} placeholder={t('cadreMine')} testId="diary-cadre" />
            </div>
          )}
        </Flex>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={canManage ? 15 : 24}>
          <Flex vertical gap={12}>
            {diary.error ? (
              <PageError error={diary.error} onRetry={diary.reload} />
            ) : !diary.data || diary.loading ? (
              <PageLoading />
            ) : (
              <>
                <Row gutter={[8, 8]} data-testid="diary-summary">
                  {(
                    [
                      ['daysInField', summary!.daysInField],
                      ['visits', summary!.visits],
                      ['households', summary!.households],
                      ['problems', summary!.problems],
                      ['casesRaised', summary!.casesRaised],
                    ] as const
                  ).map(([key, value]) => (
                    <Col key={key} xs={12} sm={8}>
                      <Card size="small">
                        <Statistic title={t(key)} value={value} data-testid={`diary-${key}`} />
                      </Card>
                    </Col>
                  ))}
                  <Col xs={12} sm={8}>
                    <Card size="small" title={t('delivered')} styles={{ body: { padding: 8 } }}>
                      <Flex wrap gap={4}>
                        {Object.entries(summary!.delivered).map(([code, n]) => (
                          <Tag key={code} color={n ? 'red' : 'default'}>
                            {label('delivery', code, locale)} {n}
                          </Tag>
                        ))}
                      </Flex>
                    </Card>
                  </Col>
                </Row>
                <Card size="small" data-testid="diary-days">
                  {diary.data.days.length === 0 ? (
                    <PageEmpty>{t('diaryEmpty')}</PageEmpty>
                  ) : (
                    <Timeline
                      items={diary.data.days.map((day) => ({
                        key: day.date,
                        children: (
                          <Flex vertical gap={8} data-testid="diary-day" data-date={day.date}>
                            <Typography.Text strong>{dayTitle(day.date, locale)}</Typography.Text>
                            {day.visits.map((v) => (
                              <VisitCard key={v.id} visit={v} />
                            ))}
                          </Flex>
                        ),
                      }))}
                    />
                  )}
                </Card>
              </>
            )}
          </Flex>
        </Col>
        {canManage && (
          <Col xs={24} xl={9}>
            <AreaVisitsCard />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
