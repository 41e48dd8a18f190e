import { Alert, Button, Card, Flex, List, Radio, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { QueuedHousehold } from './offline-db';
import { fieldChoices, resolvedChanges } from './offline-logic';
import { offlineMessages } from './offline.messages';
import { putItem, removeItem } from './offline-queue';

const show = (v: unknown, empty: string) => (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? empty : Array.isArray(v) ? v.join('、') : String(v));

/**
 * A household edited offline that someone else changed meanwhile: both versions side by side, field
 * by field; the cadre keeps theirs own, keeps the current one, or merges field by field. The chosen
 * edit is queued again against the current version (with a new key: it is a new request).
 */
export function ConflictCard({ item, onResolved }: { item: QueuedHousehold; onResolved: () => void }) {
  const t = useT(offlineMessages);
  const theirs = item.theirs!;
  const choices = useMemo(() => fieldChoices(item.base, item.changes, theirs.values), [item, theirs]);
  const [picks, setPicks] = useState<Record<string, 'mine' | 'theirs'>>(() => Object.fromEntries(choices.map((c) => [c.field, c.clash ? 'theirs' : 'mine'])));

  const resolve = async (how: 'mine' | 'theirs' | 'merge') => {
    const changes = resolvedChanges(choices, how, picks);
    if (!changes) await removeItem(item);
    else await putItem({ ...item, state: 'waiting', key: crypto.randomUUID(), baseVersion: theirs.version, base: theirs.values, changes, theirs: undefined, error: undefined });
    onResolved();
  };

  return (
    <Card size="small" data-testid="conflict-card" style={{ borderColor: '#faad14' }}>
      <Alert type="warning" showIcon title={t('conflictTitle')} description={t('conflictHint')} style={{ marginBottom: 8 }} />
      {/* One block per field, stacked: on a phone both versions stay readable side by side with the choice. */}
      <List
        size="small"
        dataSource={choices}
        renderItem={(c) => (
          <List.Item key={c.field} style={{ display: 'block', paddingInline: 0 }} data-testid="conflict-field" data-field={c.field}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>{t(`f.${c.field}` as never)}</Typography.Text>
              <Radio.Group
                size="small"
                optionType="button"
                value={picks[c.field]}
                onChange={(e) => setPicks((p) => ({ ...p, [c.field]: e.target.value }))}
                options={[
                  { value: 'mine', label: t('pickMine') },
                  { value: 'theirs', label: t('pickTheirs') },
                ]}
                aria-label={t(`f.${c.field}` as never)}
              />
            </Flex>
            <div style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary">{t('mine')}：</Typography.Text>
              <span data-testid="conflict-mine">{show(c.mine, t('empty'))}</span>
            </div>
            <div style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary">{t('theirs')}：</Typography.Text>
              <span data-testid="conflict-theirs">{show(c.theirs, t('empty'))}</span>
            </div>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
        {t('base')}: {choices.map((c) => `${t(`f.${c.field}` as never)} ${show(c.base, t('empty'))}`).join('；')}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button onClick={() => void resolve('mine')} data-testid="conflict-keep-mine">
          {t('keepMine')}
        </Button>
        <Button onClick={() => void resolve('theirs')} data-testid="conflict-keep-theirs">
          {t('keepTheirs')}
        </Button>
        <Button type="primary" onClick={() => void resolve('merge')} data-testid="conflict-merge">
          {t('merge')}
        </Button>
      </Flex>
    </Card>
  );
}
