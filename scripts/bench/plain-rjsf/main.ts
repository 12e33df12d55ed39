// The page a municipality would build with @rjsf/core alone: the baseline of `pnpm bench`.
// No JSX, so Vite builds it without a React plugin.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

const form = JSON.parse(document.getElementById('form')?.textContent ?? '{}');
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement(Form, { schema: form.schema, uiSchema: form.uiSchema, validator }));
