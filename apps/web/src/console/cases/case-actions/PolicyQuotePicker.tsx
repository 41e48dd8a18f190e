import { BookOutlined } from '@ant-design/icons';
import { App, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../../../api/client';
import { useT } from '../../../i18n/i18n';
import { casePageMessages } from '../case-page.messages';

interface PolicyItem {
  id: string;
  title: string;
  source: string | null;
  snippet?: string | null;
}

/** "引用政策": find a policy or standard answer and hand its quotation (GET /api/policies/:id/quote) to the form. */
export function PolicyQuotePicker({ onQuote, categoryCode }: { onQuote: (text: string) => void; categoryCode?: string }) {
  const t = useT(casePageMessages);
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<PolicyItem[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      const search = q.trim();
      // Without words, the policies of the case's category first (falls back to all).
      const load = (withCategory: boolean) =>
        api.get<{ items: PolicyItem[] }>(`/api/policies${query({ q: search || undefined, categoryCode: withCategory ? categoryCode : undefined, limit: 20 })}`);
      (search || !categoryCode ? load(false) : load(true).then((r) => (r.items.length ? r : load(false))))
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, categoryCode]);

  const pick = async (id: string) => {
    try {
      const quote = await api.get<{ text: string }>(`/api/policies/${id}/quote`);
      onQuote(quote.text);
      message.success(t('quoteInserted'));
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
