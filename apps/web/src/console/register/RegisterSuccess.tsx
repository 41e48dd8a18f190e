import type { CaseView } from '@lianxin/core';
import { Button, Flex, Result, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { registerMessages, type RegisterMessageKey } from './register.messages';

/** What the page shows of the registered case (the answer of POST /api/cases). */
export type RegisteredCase = Pick<CaseView, 'id' | 'code' | 'status' | 'flags'>;

/** What the registrar tells the resident: the tracking code; then open the case or go on. */
export function RegisterSuccess({ created, onAnother }: { created: RegisteredCase; onAnother: () => void }) {
  const t = useT(registerMessages);
  const resolved = created.status === 'closed';
  return (
    <Result
      status="success"
      title={resolved ? t('successResolved') : t('successTitle')}
      subTitle={
        <Flex vertical gap={4} align="center">
          <span>
            {t('successCode')}：
            <Typography.Text strong copyable data-testid="tracking-code" style={{ fontSize: 20 }}>
              {created.code}
            </Typography.Text>
          </span>
          {created.flags.length > 0 && (
            <span>
              {t('flags')}：
              {created.flags.map((f) => (
                <Tag key={f} color="volcano">
                  {t(`flag.${f}` as RegisterMessageKey)}
                </Tag>
              ))}
            </span>
          )}
          <Typography.Text type="secondary">{t('successSms')}</Typography.Text>
        </Flex>
      }
      extra={[
        <Link key="open" to={`/cases/${created.id}`}>
          <Button type="primary">{t('openCase')}</Button>
        </Link>,
        <Button key="again" onClick={onAnother} autoFocus>
          {t('registerAnother')}
        </Button>,
      ]}
    />
  );
}
