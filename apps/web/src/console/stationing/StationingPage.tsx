/** Placeholder while the page is being written. */
export default function StationingPage() {
  return null;
}
