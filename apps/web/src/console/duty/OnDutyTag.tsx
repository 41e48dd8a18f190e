import { Tag } from 'antd';
import { useT } from '../../i18n/i18n';
import { useMe } from '../shell/session';
import { dutyMessages } from './duty.messages';

/** In the dispatch queue: the case came to this person on duty out of office hours (mine when it is me). */
export function OnDutyTag({ person }: { person: { id: string; name: string } | null | undefined }) {
  const t = useT(dutyMessages);
  const me = useMe();
  if (!person) return null;
  const mine = person.id === me.userId;
  return (
    <Tag color={mine ? 'red' : 'purple'} data-testid={mine ? 'on-duty-mine' : 'on-duty'}>
      {mine ? t('onDutyMine') : t('onDutyOf', { name: person.name })}
    </Tag>
  );
}
