import { PageEmpty } from '../../shared/PageState';

export default function FiguresPage() {
  return <PageEmpty />;
}
