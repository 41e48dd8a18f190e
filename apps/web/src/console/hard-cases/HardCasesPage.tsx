import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { TabbedPage } from '../field-work/TabbedPage';
import { HardCaseList } from './HardCaseList';
import { hardCasesMessages } from './hard-cases.messages';
import { MeetingList } from './MeetingList';

type Tab = 'list' | 'meetings';

/** 积案会审: the long-standing cases in the user's scope, and the joint reviews about them. */
export default function HardCasesPage() {
  const t = useT(hardCasesMessages);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'meetings' ? 'meetings' : 'list';
  const settings = useApi('GET /api/hard-cases/settings');
  const criteria = settings.data ?? { minAgeDays: 90, minReopens: 2 };
  return (
    <TabbedPage<Tab>
      title={t('title')}
      subtitle={t('intro', { days: criteria.minAgeDays, reopens: criteria.minReopens })}
      active={tab}
      onChange={(key) => setParams(key === 'list' ? {} : { tab: key }, { replace: true })}
      testId="hard-case-tabs"
      items={[
        { key: 'list', label: t('tab.list'), children: <HardCaseList /> },
        { key: 'meetings', label: t('tab.meetings'), children: <MeetingList /> },
      ]}
    />
  );
}
