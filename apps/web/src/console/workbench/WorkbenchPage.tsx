import { PageEmpty } from '../../shared/PageState';

export default function WorkbenchPage() {
  return <PageEmpty />;
}
