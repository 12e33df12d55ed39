import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@samform/renderer/styles.css';
import './staff.css';
import { StaffApp } from './staff-app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StaffApp />
    </StrictMode>,
  );
}
