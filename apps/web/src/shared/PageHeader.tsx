import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title, a line saying what the page is for, and its main actions (wrapping on a phone). */
export function PageHeader({ title, subtitle, extra, testId }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <Flex justify="space-between" wrap gap={8} align="flex-start">
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {subtitle}
          </Typography.Text>
        )}
      </div>
      {extra}
    </Flex>
  );
}
