import { label } from '@lianxin/core';
import { Alert, Button, Card, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { isValidPhone } from './register-form';
import { registerMessages } from './register.messages';
import { useDebounced } from './use-debounced';
import { usePostLookup } from './use-post-lookup';

const pct = (v: number) => Math.round(v * 100);

/**
 * Learned suggestions (category with one click, likely units for the dispatcher) and similar
 * earlier cases with possible duplicates, refreshed as the registrar types.
 */
export function AssistantPanel({
  title,
  content,
  areaCode,
  phone,
  categoryCode,
  onApplyCategory,
}: {
  title?: string;
  content?: string;
  areaCode?: string;
  phone?: string;
  categoryCode?: string;
  onApplyCategory: (code: string) => void;
}) {
  const t = useT(registerMessages);
  const { locale } = useLocale();
  const text = useDebounced({ title: (title ?? '').trim().slice(0, 120), content: (content ?? '').trim().slice(0, 5000), areaCode, phone: phone?.trim() }, 600);
  const enough = text.content.length + text.title.length >= 6;
  const suggest = usePostLookup(
    'POST /api/cases/suggest',
    enough && text.content ? { body: { title: text.title, content: text.content, areaCode: text.areaCode || undefined, categoryCode: categoryCode || undefined } } : null,
  );
  const validPhone = text.phone && isValidPhone(text.phone) ? text.phone : undefined;
  const similar = usePostLookup(
    'POST /api/cases/similar',
    enough && text.title ? { body: { title: text.title, content: text.content, areaCode: text.areaCode, phone: validPhone } } : null,
  );

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('suggestTitle')} data-testid="suggestions" loading={suggest.loading && !suggest.data}>
        {!enough || !suggest.data ? (
          <Typography.Text type="secondary">{t('suggestEmpty')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="suggest-source">
              {suggest.data.source === 'model'
                ? t('suggestModel', { cases: suggest.data.trainedOn })
                : suggest.data.source === 'keywords'
                  ? t('suggestKeywords', { min: suggest.data.modelMinCases })
                  : t('suggestNone')}
            </Typography.Text>
            {suggest.data.unsure && suggest.data.categories.length > 0 && (
              <Alert type="info" showIcon title={t('suggestUnsure')} data-testid="suggest-unsure" />
            )}
            {suggest.data.categories.length > 0 && <Typography.Text strong>{t('suggestCategories')}</Typography.Text>}
            {suggest.data.categories.map((c) => (
              <div key={c.code}>
                <Flex align="center" gap={8}>
                  <Button
                    size="small"
                    type={categoryCode === c.code ? 'primary' : 'default'}
                    onClick={() => onApplyCategory(c.code)}
                    data-testid={`suggest-category-${c.code}`}
                    style={{ maxWidth: '60%', overflow: 'hidden', textOverflow: 'ellipsis' }}
                    title={c.name}
                  >
                    {c.name}
                  </Button>
                  <Progress
                    percent={pct(c.confidence)}
                    size="small"
                    status={suggest.data!.source === 'model' ? 'normal' : 'exception'}
                    style={{ flex: 1, margin: 0 }}
                    data-testid={`suggest-confidence-${c.code}`}
                  />
                </Flex>
                {c.terms.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('suggestWords', { words: c.terms.slice(0, 5).join('、') })}
                  </Typography.Text>
                )}
              </div>
            ))}
            {suggest.data.units.length > 0 && (
              <>
                <Typography.Text strong>{t('suggestUnits')}</Typography.Text>
                <Flex vertical gap={4}>
                  {suggest.data.units.map((u) => (
                    <div key={u.id} data-testid={`suggest-unit-${u.id}`}>
                      <Tag>
                        {u.name} {pct(u.confidence)}%
                      </Tag>
                      {u.reasons.map((r, i) => (
                        <Typography.Text key={i} type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="suggest-unit-reason">
                          {r.kind === 'covers'
                            ? t('reasonCovers', { area: r.areaName })
                            : r.kind === 'handles'
                              ? t('reasonHandles', { category: r.categoryName, share: pct(r.share), cases: r.cases })
                              : r.kind === 'kindHandles'
                                ? t('reasonKindHandles', { category: r.categoryName, share: pct(r.share), kind: r.unitKind === 'village' ? t('kindVillage') : t('kindTownship') })
                                : r.kind === 'default'
                                  ? t('reasonDefault', { category: r.categoryName })
                                  : null}
                        </Typography.Text>
                      ))}
                    </div>
                  ))}
                </Flex>
              </>
            )}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('similarTitle')} data-testid="similar-cases" loading={similar.loading && !similar.data}>
        {!similar.data || similar.data.items.length === 0 ? (
          <Typography.Text type="secondary">{t('similarEmpty')}</Typography.Text>
        ) : (
          <>
            {similar.data.items.some((c) => c.possibleDuplicate) && (
              <Alert type="warning" showIcon title={t('similarDuplicate')} description={t('similarDuplicateHint')} style={{ marginBottom: 8 }} data-testid="duplicate-warning" />
            )}
            <List
              size="small"
              dataSource={similar.data.items.slice(0, 5)}
              renderItem={(c) => (
                <List.Item style={{ paddingInline: 0, display: 'block' }}>
                  <Space size={4} wrap>
                    <Link to={`/cases/${c.id}`} target="_blank">{c.code}</Link>
                    <Tag>{label('state', c.status, locale)}</Tag>
                    {c.possibleDuplicate && <Tag color="red">{t('similarDuplicate')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('similarScore', { score: pct(c.score) })}</Typography.Text>
                  </Space>
                  <Typography.Paragraph ellipsis={{ rows: 1, tooltip: c.title }} style={{ margin: 0 }}>{c.title}</Typography.Paragraph>
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
