import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const gatewayUrl = import.meta.env.VITE_GATEWAY_URL ?? 'http://localhost:4000/graphql';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App gatewayUrl={gatewayUrl} />
  </StrictMode>,
);
