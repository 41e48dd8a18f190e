import { PageEmpty } from '../../shared/PageState';

export default function AdminPage() {
  return <PageEmpty />;
}
