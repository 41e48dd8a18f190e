import { App, Button, Checkbox, Flex, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { holds, type PolicyHit, type PolicyKind, type PolicyView } from '@lianxin/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { SnippetText } from '../../shared/SnippetText';
import { useCursorPages } from '../../shared/use-api';
import { useMe } from '../shell/session';
import { PolicyDrawer } from './PolicyDrawer';
import { PolicyForm } from './PolicyForm';
import { policiesMessages } from './policies.messages';

type KindFilter = PolicyKind | 'all';

/** 知识库: search policies and standard answers; admins add and edit them. */
export default function PoliciesPage() {
  const t = useT(policiesMessages);
  const me = useMe();
  // Those who manage the library (the server's rule) add, edit and see withdrawn entries.
  const isAdmin = holds(me.roles, 'config.manage');
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [withdrawn, setWithdrawn] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<PolicyView | 'new' | null>(null);
  const pages = useCursorPages('GET /api/policies', {
    query: { q: q || undefined, kind: kind === 'all' ? undefined : kind, includeInactive: withdrawn && isAdmin ? true : undefined, limit: 20 },
  });
  const { items } = pages;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Flex wrap gap={8} justify="space-between" align="flex-start">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {isAdmin && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="policy-new">
            {t('create')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} align="center">
        <Input.Search allowClear enterButton placeholder={t('search')} aria-label={t('search')} onSearch={(v) => setQ(v.trim())} style={{ width: 360, maxWidth: '100%' }} data-testid="policy-search" />
        <Segmented<KindFilter> aria-label={t('kind')} value={kind} onChange={setKind} options={[{ value: 'all', label: t('all') }, { value: 'policy', label: t('kind.policy') }, { value: 'answer', label: t('kind.answer') }]} />
        {isAdmin && (
          <Checkbox checked={withdrawn} onChange={(e) => setWithdrawn(e.target.checked)}>
            {t('showWithdrawn')}
          </Checkbox>
        )}
      </Flex>
      {pages.error ? (
        <PageError error={pages.error} onRetry={pages.reload} />
      ) : pages.loading && items.length === 0 ? (
        <PageLoading />
      ) : items.length === 0 ? (
        <PageEmpty />
      ) : (
        <List<PolicyHit>
          data-testid="policy-list"
          itemLayout="vertical"
          dataSource={items}
          renderItem={(p) => (
            <List.Item key={p.id} style={{ cursor: 'pointer' }} onClick={() => setOpen(p.id)}>
              <Flex wrap gap={6} align="center">
                <Tag color={p.kind === 'policy' ? 'blue' : 'green'}>{t(`kind.${p.kind}`)}</Tag>
                {!p.isActive && <Tag>{t('withdrawn')}</Tag>}
                <Typography.Link strong ellipsis style={{ maxWidth: '100%' }} title={p.title}>
                  {p.title}
                </Typography.Link>
              </Flex>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                {p.snippet ? <SnippetText text={p.snippet} /> : p.body}
              </Typography.Paragraph>
              {(p.source || p.publishedAt) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[p.source, p.publishedAt].filter(Boolean).join(' · ')}
                </Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
      {pages.hasMore && (
        <Button loading={pages.loading} onClick={pages.loadMore}>
          {t('loadMore')}
        </Button>
      )}
      {open && (
        <PolicyDrawer
          id={open}
          canEdit={isAdmin}
          onEdit={(p) => (setOpen(null), setEditing(p))}
          onClose={() => setOpen(null)}
          onCopied={() => message.success(t('copied'))}
        />
      )}
      {editing && <PolicyForm policy={editing === 'new' ? null : editing} onClose={(saved) => (setEditing(null), saved && pages.reload())} />}
    </Space>
  );
}
