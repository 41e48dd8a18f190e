import { BookOutlined } from '@ant-design/icons';
import { App, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PolicyHit } from '@lianxin/core';
import { ApiError, call } from '../../../api/client';
import { useT } from '../../../i18n/i18n';
import { useLatest } from '../../../shared/use-api';
import { casePageMessages } from '../case-page.messages';

/** "引用政策": find a policy or standard answer and hand its quotation (GET /api/policies/:id/quote) to the form. */
export function PolicyQuotePicker({ onQuote, categoryCode }: { onQuote: (text: string) => void; categoryCode?: string }) {
  const t = useT(casePageMessages);
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<PolicyHit[]>([]);
  const [loading, setLoading] = useState(false);

  const latest = useLatest();

  useEffect(() => {
    setLoading(true);
    const timer = setTimeout(() => {
      const search = q.trim();
      // Without words, the policies of the case's category first (falls back to all).
      const load = (withCategory: boolean) => call('GET /api/policies', { query: { q: search || undefined, categoryCode: withCategory ? categoryCode : undefined, limit: 20 } });
      latest(search || !categoryCode ? load(false) : load(true).then((r) => (r.items.length ? r : load(false)))).then(
        ({ value, current }) => {
          if (!current) return;
          setItems(value.items);
          setLoading(false);
        },
        () => {
          setItems([]);
          setLoading(false);
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, categoryCode, latest]);

  const pick = async (id: string) => {
    try {
      const quote = await call('GET /api/policies/:id/quote', { params: { id } });
      onQuote(quote.text);
      // An excerpt is said so, here and in the text itself.
      if (quote.excerpt) message.warning(t('quoteExcerpt'));
      else message.success(t('quoteInserted'));
    } catch (error) {
      message.error(error instanceof ApiError ? error.title : String(error));
    }
  };

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={null}
      onChange={(id: string) => void pick(id)}
      loading={loading}
      placeholder={
        <Space size={4}>
          <BookOutlined />
          {t('f_quotePlaceholder')}
        </Space>
      }
      aria-label={t('f_quote')}
      data-testid="policy-quote"
      style={{ width: '100%' }}
      popupMatchSelectWidth
      options={items.map((p) => ({
        value: p.id,
        label: (
          <div title={p.title} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {p.title}
            {p.source && <Typography.Text type="secondary"> · {p.source}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
