// Placeholder: the library feature replaces this file.
export function ResourcePage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
