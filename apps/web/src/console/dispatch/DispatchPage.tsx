import { PageEmpty } from '../../shared/PageState';

export default function DispatchPage() {
  return <PageEmpty />;
}
