import { label, type NoticeKind } from '@lianxin/core';
import { Alert, App, Button, Checkbox, List, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageHeader } from '../../shared/PageHeader';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { noticesMessages } from './notices.messages';

/** 消息设置: which kinds of notice also go to the user's phone by SMS. */
export default function NoticeSettingsPage() {
  const t = useT(noticesMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('GET /api/notifications/preferences');
  const [sms, setSms] = useState<Partial<Record<NoticeKind, boolean>>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (data) setSms(Object.fromEntries(data.items.map((i) => [i.kind, i.sms])));
  }, [data]);

  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;

  const save = async () => {
    setBusy(true);
    try {
      const saved = await call('PUT /api/notifications/preferences', { body: { items: data.items.map((i) => ({ kind: i.kind, sms: sms[i.kind] ?? i.sms })) } });
      setSms(Object.fromEntries(saved.items.map((i) => [i.kind, i.sms])));
      message.success(t('saved'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640 }}>
      <PageHeader title={t('settingsTitle')} subtitle={t('settingsIntro')} testId="notice-settings-title" extra={<Link to="/notices">{t('back')}</Link>} />
      {!data.hasPhone && <Alert type="warning" showIcon title={t('noPhone')} />}
      <List
        bordered
        style={{ background: '#fff' }}
        header={t('smsColumn')}
        dataSource={data.items}
        renderItem={(item) => (
          <List.Item>
            <Checkbox checked={sms[item.kind] ?? item.sms} onChange={(e) => setSms((s) => ({ ...s, [item.kind]: e.target.checked }))} data-testid={`sms-${item.kind}`}>
              {label('noticeKind', item.kind, locale)}
            </Checkbox>
          </List.Item>
        )}
      />
      <Button type="primary" onClick={save} loading={busy} data-testid="notice-settings-save">
        {t('save')}
      </Button>
    </Space>
  );
}
