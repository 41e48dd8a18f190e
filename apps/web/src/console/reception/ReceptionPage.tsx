/** Placeholder while the page is being written. */
export default function ReceptionPage() {
  return null;
}
