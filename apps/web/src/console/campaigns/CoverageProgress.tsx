import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { percentOf } from './campaign-logic';
import type { CoverageCount } from '@lianxin/core';
import { campaignMessages } from './campaigns.messages';

/** A progress bar with "visited / total". */
export default function CoverageProgress({ count, testId }: { count: Pick<CoverageCount, 'visited' | 'total'>; testId?: string }) {
  const t = useT(campaignMessages);
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }} data-testid={testId} data-visited={count.visited} data-total={count.total}>
      <Progress percent={percentOf(count)} size="small" status={count.total && count.visited === count.total ? 'success' : 'normal'} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {count.total ? t('visitedOf', count) : t('noTargets')}
      </Typography.Text>
    </Flex>
  );
}
