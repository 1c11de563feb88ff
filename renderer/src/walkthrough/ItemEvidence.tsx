// The place under an item's note where photos and documents for the item
// are shown and captured. The evidence module fills it; until then it is empty.
export interface ItemEvidenceProps {
  auditId: string;
  itemId: string;
  readOnly: boolean;
}

export function ItemEvidence(_props: ItemEvidenceProps) {
  return null;
}
