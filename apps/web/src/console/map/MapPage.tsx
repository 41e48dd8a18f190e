import { PageEmpty } from '../../shared/PageState';

export default function MapPage() {
  return <PageEmpty />;
}
