import { DownOutlined } from '@ant-design/icons';
import { label } from '@lianxin/core';
import { Button, Dropdown, Grid, Space, Typography } from 'antd';
import { useLocale, useT } from '../../../i18n/i18n';
import { casePageMessages } from '../case-page.messages';
import { DANGER_ACTIONS, orderedActions, type StaffAction } from './action-config';

/**
 * Exactly the actions the API lists for this user now. Wide screens: the first few as buttons and
 * the rest in a menu; narrow screens: all in one menu.
 */
export function ActionBar({ actions, onPick }: { actions: readonly string[]; onPick: (action: StaffAction) => void }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const screens = Grid.useBreakpoint();
  const list = orderedActions(actions);
  if (list.length === 0) return <Typography.Text type="secondary" data-testid="no-actions">{t('noActions')}</Typography.Text>;
  const inline = screens.md ? 4 : 0;
  const shown = list.slice(0, inline);
  const rest = list.slice(inline);
  return (
    <Space wrap data-testid="case-actions">
      {shown.map((a, i) => (
        <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={DANGER_ACTIONS.has(a)} onClick={() => onPick(a)} data-action={a}>
          {label('action', a, locale)}
        </Button>
      ))}
      {rest.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: rest.map((a) => ({ key: a, label: <span data-action={a}>{label('action', a, locale)}</span>, danger: DANGER_ACTIONS.has(a) })),
            onClick: ({ key }) => onPick(key as StaffAction),
          }}
        >
          <Button type={shown.length === 0 ? 'primary' : 'default'} data-testid="more-actions">
            {shown.length === 0 ? t('moreActions') : t('actions')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
