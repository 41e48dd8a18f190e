/** Placeholder while the page is being written. */
export default function CampaignsPage() {
  return null;
}
