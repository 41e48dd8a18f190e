import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { dispatchMessages } from './dispatch.messages';
import type { BatchResponse } from './dispatch-queue';

/** What a batch did, case by case: which went to the unit and why others did not. */
export function BatchResultPanel({ result, codeOf, onClose }: { result: BatchResponse; codeOf: (id: string) => string; onClose: () => void }) {
  const t = useT(dispatchMessages);
  return (
    <Alert
      type={result.failed ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      title={`${t('resultTitle')} · ${result.unit.name} · ${t('resultSummary', { ok: result.dispatched, failed: result.failed })}`}
      data-testid="batch-result"
      description={
        <Flex vertical gap={4}>
          {result.results.map((r) => (
            <Flex key={r.id} gap={8} align="baseline" wrap data-testid={`batch-row-${r.ok ? 'ok' : 'failed'}`}>
              {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#cf1322" />}
              <Link to={`/cases/${r.id}`}>{r.ok ? r.code : codeOf(r.id)}</Link>
              <Typography.Text type={r.ok ? 'success' : 'danger'}>{r.ok ? t('ok') : `${t('failed')}（${r.status}）：${r.title}`}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
