import { type CaseSummary, holds } from '@lianxin/core';
import { App, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useMe } from '../shell/session';
import { IssueOrderModal } from './IssueOrderModal';
import { supervisionMessages } from './supervision.messages';

/** The 催办 count of a case, as a tag in lists (nothing when never urged). */
export function UrgeTag({ count }: { count: number }) {
  const t = useT(supervisionMessages);
  if (!count) return null;
  return (
    <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="urge-tag">
      {t('urgeCount', { n: count })}
    </Tag>
  );
}

/** 督办 / 催办 on one overdue case of the supervisor's list, offered by the access rules over the case's area. */
export function OverdueActions({ c, onChanged }: { c: CaseSummary; onChanged: () => void }) {
  const t = useT(supervisionMessages);
  const me = useMe();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  if (!c.currentUnitId) return null;
  const mayIssue = holds(me.roles, 'supervision.issue', c.areaCode);
  const mayUrge = holds(me.roles, 'supervision.urge', c.areaCode);
  const urge = async () => {
    try {
      await call('POST /api/cases/:id/urges', { params: { id: c.id }, body: {} });
      message.success(t('done'));
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Space size={4}>
      {mayIssue && (
        <Button size="small" danger onClick={() => setIssuing(true)} data-testid="overdue-supervise">
          {t('issue')}
        </Button>
      )}
      {mayUrge && (
        <Button size="small" onClick={urge} data-testid="overdue-urge">
          {t('urge')}
        </Button>
      )}
      <IssueOrderModal open={issuing} caseIds={[c.id]} unitId={c.currentUnitId} onClose={() => setIssuing(false)} />
    </Space>
  );
}
