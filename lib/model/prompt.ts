/** A reflection question the user wrote (Settings), asked beside the built-in ones. */
export interface CustomPrompt {
  id: string;
  text: string;
  group: string;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}
