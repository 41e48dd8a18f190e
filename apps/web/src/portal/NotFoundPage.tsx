import { Result } from 'antd';
import { useT } from '../i18n/i18n';
import { portalMessages } from './portal.messages';

export default function NotFoundPage() {
  const t = useT(portalMessages);
  return <Result status="404" title={t('notFound')} />;
}
