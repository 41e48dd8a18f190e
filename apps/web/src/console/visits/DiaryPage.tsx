/** Placeholder while the page is being written. */
export default function DiaryPage() {
  return null;
}
