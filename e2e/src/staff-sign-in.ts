import type { Page } from 'playwright-core';

/** Sign in at /staff with the login form, as a person would (the demo's password is `demo-{tenant}`). */
export async function signInAsStaff(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/staff`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}
