import { Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { visitMessages } from './visits.messages';

/**
 * The case a 带案下访 carried, by its tracking code and title (the visit holds only its id). A
 * reader who may not see the case keeps a plain link; the case page says why.
 */
export default function CarriedCase({ caseId }: { caseId: string }) {
  const t = useT(visitMessages);
  const found = useApi('GET /api/cases/:id', { params: { id: caseId } });
  return (
    <Link to={`/cases/${caseId}`} style={{ overflowWrap: 'anywhere' }} data-testid="visit-carried-case">
      {found.data ? (
        <>
          {found.data.code}{' '}
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            {found.data.title}
          </Typography.Text>
        </>
      ) : (
        t('open')
      )}
    </Link>
  );
}
