import { PageEmpty } from '../../shared/PageState';

export default function CasePage() {
  return <PageEmpty />;
}
