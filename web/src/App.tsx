/** Placeholder page of the walking skeleton; the real client is its own issue. */
export function App({ gatewayUrl }: { gatewayUrl: string }) {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '3rem auto', padding: '0 1rem' }}>
      <h1>Behörig</h1>
      <p>Delegerad behörighetsadministration — the web client is on its way.</p>
      <p>
        GraphQL gateway: <a href={gatewayUrl}>{gatewayUrl}</a>
      </p>
    </main>
  );
}
