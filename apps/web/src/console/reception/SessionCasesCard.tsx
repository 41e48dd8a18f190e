import { label, type ReceptionSessionCase as SessionCase, type ReceptionSessionDetail as SessionDetail } from '@lianxin/core';
import { Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { stateColor } from '../../shared/labels';
import { findCaseByCode } from '../cases/find-case-by-code';
import { chinaDateTime } from './reception-logic';
import { receptionMessages } from './reception.messages';

/**
 * 接访诉求件: the cases taken at the session. A case is linked by its tracking code (the ledger's
 * search finds it, in the reader's scope); new ones are registered on the register page, preset
 * for a leader reception in the session's area.
 */
export default function SessionCasesCard({ session, canRegister, onChange }: { session: SessionDetail; canRegister: boolean; onChange: (s: SessionDetail) => void }) {
  const t = useT(receptionMessages);
  const { locale } = useLocale();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);

  const link = async () => {
    const wanted = code.trim();
    if (!wanted) return;
    setLinking(true);
    setError(null);
    try {
      const found = await findCaseByCode(wanted);
      if (!found) {
        setError(t('caseNotFound', { code: wanted }));
        return;
      }
      onChange(await call('POST /api/reception/sessions/:id/cases', { params: { id: session.id }, body: { caseId: found.id } }));
      setCode('');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
    } finally {
      setLinking(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('cases')}
      extra={
        canRegister && (
          <Link to={`/register${query({ channel: 'leader_reception', areaCode: session.areaCode })}`} data-testid="session-register-case">
            <Button size="small">{t('registerCase')}</Button>
          </Link>
        )
      }
      styles={{ header: { flexWrap: 'wrap', gap: 4 } }}
    >
      <Form layout="vertical" onFinish={() => void link()}>
        <Form.Item label={t('caseCode')} validateStatus={error ? 'error' : undefined} help={error ?? undefined} style={{ marginBottom: 8 }}>
          <Flex gap={8}>
            <Input
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setError(null);
              }}
              placeholder={t('caseCodePlaceholder')}
              maxLength={40}
              aria-label={t('caseCode')}
              data-testid="session-case-code"
            />
            <Button htmlType="submit" loading={linking} disabled={!code.trim()} data-testid="session-case-link">
              {t('linkCase')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <List<SessionCase>
        dataSource={session.cases}
        locale={{ emptyText: t('casesEmpty') }}
        data-testid="session-cases"
        renderItem={(c) => (
          <List.Item key={c.id} style={{ display: 'block' }} data-testid="session-case">
            <Flex wrap gap={8} align="center">
              <Link to={`/cases/${c.id}`}>{c.code}</Link>
              <Tag color={stateColor(c.status)} style={{ marginInlineEnd: 0 }}>
                {label('state', c.status, locale)}
              </Tag>
            </Flex>
            <div style={{ overflowWrap: 'anywhere' }}>{c.title}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('linkedAt', { time: chinaDateTime(c.linkedAt) })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
