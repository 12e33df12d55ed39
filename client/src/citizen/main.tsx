import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@samform/renderer/styles.css';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
