export const ADMIN: string;
export function startCouchServer(): Promise<{ url: string; admin: string; stop(): Promise<void> }>;
