/** Placeholder while the page is being written. */
export default function VisitPage() {
  return null;
}
