import { PageEmpty } from '../../shared/PageState';

export default function RegisterPage() {
  return <PageEmpty />;
}
