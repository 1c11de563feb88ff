// The place under an item's note where photos for the item are shown and
// captured, filled by the evidence module.
export { ItemPhotos as ItemEvidence, type ItemPhotosProps as ItemEvidenceProps } from '../evidence/ItemPhotos';
