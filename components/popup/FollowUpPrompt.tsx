// Placeholder: the feature that owns this popup card replaces this file.
export function FollowUpPrompt() {
  return null;
}
