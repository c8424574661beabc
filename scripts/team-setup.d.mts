export const DESIGN_ID: string;
export function validateSource(): string;
export function teamCaps(): {
  rulesVersion: number;
  takeaways: number;
  quotes: number;
  clips: number;
  textChars: number;
  docBytes: number;
  clipSecWithoutLength: number;
};
export function userDatabase(name: string): string;
export function createUser(
  server: string,
  auth: string,
  name: string,
  password: string,
  options?: { ownDatabase?: boolean },
): Promise<void>;
export function setUpTeam(server: string, auth: string, team: string, members: string[]): Promise<void>;
