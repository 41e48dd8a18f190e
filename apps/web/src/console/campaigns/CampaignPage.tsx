/** Placeholder while the page is being written. */
export default function CampaignPage() {
  return null;
}
