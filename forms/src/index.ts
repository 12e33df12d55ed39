export { FORMS_DIR, loadForms } from './load-forms.ts';
export { checkForms, TENANTS_FILE, type FormsCatalogue } from './check-forms.ts';
export { FormsError, describeReports, type FormFileReport, type FormProblem } from './form-problem.ts';
export type { TenantsFile, TenantRegistry } from './tenants-file.ts';
export { exampleAnswers, type Answers } from './example-answers.ts';
