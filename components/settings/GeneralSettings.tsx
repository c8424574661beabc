// Placeholder: the feature that owns this panel replaces this file.
export function GeneralSettings() {
  return null;
}
