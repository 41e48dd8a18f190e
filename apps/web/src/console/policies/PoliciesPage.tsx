import { App, Button, Checkbox, Flex, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, query } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { PageEmpty, PageError, PageLoading } from '../../shared/PageState';
import { hasRole, useMe } from '../shell/session';
import { PolicyDrawer } from './PolicyDrawer';
import { PolicyForm } from './PolicyForm';
import { highlightParts, type Policy } from './policy-types';
import { policiesMessages } from './policies.messages';
import type { PolicyKind } from '@lianxin/core';

type KindFilter = PolicyKind | 'all';

/** 知识库: search policies and standard answers; admins add and edit them. */
export default function PoliciesPage() {
  const t = useT(policiesMessages);
  const { locale } = useLocale();
  const me = useMe();
  const isAdmin = hasRole(me, 'admin');
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [withdrawn, setWithdrawn] = useState(false);
  const [items, setItems] = useState<Policy[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: unknown }>({ loading: true });
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const [tick, setTick] = useState(0);

  const load = useCallback(
    async (cursor?: string) => {
      setState({ loading: true });
      try {
        const page = await api.get<{ items: Policy[]; nextCursor: string | null }>(
          `/api/policies${query({ q: q || undefined, kind: kind === 'all' ? undefined : kind, includeInactive: withdrawn && isAdmin ? 'true' : undefined, cursor, limit: 20 })}`,
        );
        setItems((list) => (cursor ? [...list, ...page.items] : page.items));
        setNext(page.nextCursor);
        setState({ loading: false });
      } catch (error) {
        setState({ loading: false, error });
      }
    },
    [q, kind, withdrawn, isAdmin],
  );
  useEffect(() => {
    void load();
  }, [load, locale, tick]);

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
      {state.error ? (
        <PageError error={state.error} onRetry={() => load()} />
      ) : state.loading && items.length === 0 ? (
        <PageLoading />
      ) : items.length === 0 ? (
        <PageEmpty />
      ) : (
        <List<Policy>
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
                {p.snippet ? highlightParts(p.snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>)) : p.body}
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
      {next && (
        <Button loading={state.loading} onClick={() => load(next)}>
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
      {editing && <PolicyForm policy={editing === 'new' ? null : editing} onClose={(saved) => (setEditing(null), saved && setTick((n) => n + 1))} />}
    </Space>
  );
}
