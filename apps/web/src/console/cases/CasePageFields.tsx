import { label } from '@lianxin/core';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { flagColor, webLabel } from '../../shared/labels';
import { formatDue } from '../../shared/time-left';
import { casePageMessages } from './case-page.messages';
import type { CaseContext, CaseDetail } from '@lianxin/core';
import type { ReactNode } from 'react';

/** The case's flags as coloured tags (集体/重复/越级/重大 …). */
export function CaseFlags({ flags }: { flags: string[] }) {
  const { locale } = useLocale();
  return (
    <>
      {flags.map((f) => (
        <Tag key={f} color={flagColor(f)} data-flag={f}>
          {webLabel('flag', f, locale)}
        </Tag>
      ))}
    </>
  );
}

/** Every field of the case, names resolved through the context; `extra` and `notice` are the personal-text reveal's control and message. */
export function CasePageFields({ c, context, extra, notice }: { c: CaseDetail; context: CaseContext | undefined; extra?: ReactNode; notice?: ReactNode }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const user = (id: string | null) => (id ? (context?.users[id] ?? '…') : t('none'));
  const unit = (id: string | null) => (id ? (context?.units[id] ?? '…') : t('none'));
  const category = context?.categoryPath.length
    ? context.categoryPath.map((p) => (locale === 'en-US' && p.nameEn ? p.nameEn : p.name)).join(' / ')
    : c.categoryCode;
  // The county and above say nothing on a county platform; show from the township down.
  const area = context?.areaPath.length ? context.areaPath.slice(-3).map((p) => p.name).join(' / ') : c.areaCode;
  return (
    <Card title={t('details')} size="small" extra={extra}>
      {notice}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="case-content">
        {c.content}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }} bordered styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'break-word', minWidth: 80 } }}>
        <Descriptions.Item label={t('kind')}>
          {label('kind', c.kind, locale)}
          {c.petitionClass && ` · ${webLabel('petitionClass', c.petitionClass, locale)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('channel')}>{label('channel', c.channel, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('urgency')}>
          <Tag color={c.urgency === 'critical' ? 'red' : c.urgency === 'urgent' ? 'orange' : 'default'}>{label('urgency', c.urgency, locale)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('category')}>
          {category}
        </Descriptions.Item>
        <Descriptions.Item label={t('area')}>
          {area}
        </Descriptions.Item>
        <Descriptions.Item label={t('address')}>
          {c.address || t('none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('peopleCount')}>
          {c.peopleCount}
          {c.representatives && ` · ${t('representatives')}：${c.representatives}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('flags')}>
          {c.flags.length ? <CaseFlags flags={c.flags} /> : t('none')}
          {c.ownerLevel === 'head' && <Tag>{t('ownerHead')}</Tag>}
        </Descriptions.Item>
        {c.riskWords.length > 0 && (
          <Descriptions.Item label={t('riskWords')}>
            <Space wrap size={4}>
              {c.riskWords.map((w) => (
                <Tag key={w} color="red">{w}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('currentUnit')}>
          <span data-testid="current-unit">{unit(c.currentUnitId)}</span>
          {c.handlerUserId && ` · ${user(c.handlerUserId)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('coUnits')}>{c.coUnits.length ? c.coUnits.map((u) => u.unitName).join('、') : t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('firstContact')}>{user(c.firstContactUserId)}</Descriptions.Item>
        <Descriptions.Item label={t('leader')}>{user(c.leaderUserId)}</Descriptions.Item>
        <Descriptions.Item label={t('registeredBy')}>
          {user(c.registeredBy)} · {unit(c.registeredUnitId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('receivedAt')}>{c.times.received ? formatDue(c.times.received) : t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('registeredAt')}>{formatDue(c.registeredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('publicConsent')}>{c.publicConsent ? t('yes') : t('no')}</Descriptions.Item>
        {c.duplicateOfId && (
          <Descriptions.Item label={t('duplicateOf')}>
            <Link to={`/cases/${c.duplicateOfId}`}>{t('duplicateOf')}</Link>
          </Descriptions.Item>
        )}
        {c.repeatOfId && (
          <Descriptions.Item label={t('repeatOf')}>
            <Link to={`/cases/${c.repeatOfId}`}>{t('repeatOf')}</Link>
          </Descriptions.Item>
        )}
        {c.duplicates.length > 0 && (
          <Descriptions.Item label={t('duplicates')}>
            <Space wrap>
              {c.duplicates.map((d) => (
                <Link key={d.id} to={`/cases/${d.id}`} title={d.title}>
                  {d.code}
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('counts', { returns: c.counts.returns, reopens: c.counts.reopens, days: c.counts.extensionDays })}
      </Typography.Text>
    </Card>
  );
}
