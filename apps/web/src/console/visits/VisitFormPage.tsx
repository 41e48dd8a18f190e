/** Placeholder while the page is being written. */
export default function VisitFormPage() {
  return null;
}
