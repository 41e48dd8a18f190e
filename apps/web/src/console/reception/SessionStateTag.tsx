import { Tag } from 'antd';
import { useT } from '../../i18n/i18n';
import { type SessionState, sessionState } from './reception-logic';
import type { ReceptionSessionView as ReceptionSession } from '@lianxin/core';
import { receptionMessages } from './reception.messages';

const COLORS: Record<SessionState, string> = { draft: 'default', published: 'green', ongoing: 'processing', ended: 'default', cancelled: 'red' };

/** Published, not yet published, in progress, ended or cancelled. */
export function SessionStateTag({ session, now }: { session: ReceptionSession; now: Date }) {
  const t = useT(receptionMessages);
  const state = sessionState(session, now);
  return (
    <Tag color={COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid="session-state" data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}
