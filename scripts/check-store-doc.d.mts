export function declaredNames(manifest: object): string[];
export function undocumented(manifest: object, page: string): string[];
