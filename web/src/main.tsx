import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { config } from './config';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App gatewayUrl={config.gatewayUrl} />
  </StrictMode>,
);
