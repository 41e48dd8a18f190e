/** Placeholder while the page is being written. */
export default function OfficeDaysPage() {
  return null;
}
