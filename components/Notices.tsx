/** An error the user can act on, announced at once; nothing when there is none. */
export function ErrorNotice({ message, small = false }: { message: string; small?: boolean }) {
  if (!message) return null;
  return (
    <p class={small ? 'notice notice-error small' : 'notice notice-error'} role="alert">
      {message}
    </p>
  );
}

/** "Deleted" with a way back: the records are kept until the page closes. */
export function UndoNotice({ text, undoLabel, onUndo }: { text: string; undoLabel: string; onUndo: () => void }) {
  return (
    <p class="notice notice-ok row" role="status">
      <span>{text}</span>
      <button type="button" class="btn btn-small" onClick={onUndo}>
        {undoLabel}
      </button>
    </p>
  );
}
