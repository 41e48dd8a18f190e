import { PageEmpty } from '../../shared/PageState';

export default function CaseListPage() {
  return <PageEmpty />;
}
