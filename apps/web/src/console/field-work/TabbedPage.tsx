import { Flex, Tabs, type TabsProps } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../../shared/PageHeader';

/**
 * A field-work page of tabs under its header. A tab is drawn afresh each time it is opened, so it
 * shows what is true then (a rule or schedule changed on another tab). `testId` names the tabs.
 */
export function TabbedPage<K extends string>({ title, subtitle, active, onChange, testId, items, children }: { title: ReactNode; subtitle: ReactNode; active: K; onChange: (key: K) => void; testId: string; items: TabsProps['items']; children?: ReactNode }) {
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <PageHeader title={title} subtitle={subtitle} />
      <Tabs activeKey={active} onChange={(key) => onChange(key as K)} data-testid={testId} destroyOnHidden items={items} />
      {children}
    </Flex>
  );
}
