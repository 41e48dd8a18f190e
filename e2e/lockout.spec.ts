import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support';

/**
 * Per-account sign-in protection, on screen: ten wrong passwords lock an account (the server's clock
 * moves past each growing wait through the test hook), the right password is then refused, an
 * administrator sees 已锁定 in 用户与角色 and unlocks it, and the owner signs in again.
 */
const USER = 'renshe.head';

test('ten wrong passwords lock an account; an administrator unlocks it from the users tab', async ({ page, request, baseURL }) => {
  const moveServer = (ms: number) => request.post(`${baseURL}/api/test/clock`, { data: { advanceMs: ms } });
  const login = (password: string) => request.post(`${baseURL}/api/auth/login`, { data: { username: USER, password } });
  let moved = 0;
  try {
    for (let i = 1; i <= 10; i++) {
      if (i > 5) {
        // Past the growing wait (at most 15 minutes), so each attempt is counted.
        await moveServer(16 * 60_000);
        moved += 16 * 60_000;
      }
      expect((await login('wrong-password')).status(), `attempt ${i}`).toBe(401);
    }
    const refused = await login(DEMO_PASSWORD);
    expect(refused.status()).toBe(423);
    expect((await refused.json()).title).toContain('锁定');

    await signIn(page, 'admin');
    await page.goto('/admin');
    await page.getByRole('tab', { name: '用户与角色' }).click();
    const search = page.getByPlaceholder(/用户名 \/ 姓名/);
    await search.fill(USER);
    await search.press('Enter');
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: USER });
    await expect(row.getByTestId('user-locked')).toHaveText('已锁定');
    await row.getByTestId('user-unlock').click();
    await expect(row.getByTestId('user-locked')).toHaveCount(0);

    expect((await login(DEMO_PASSWORD)).status()).toBe(200);
  } finally {
    if (moved) await moveServer(-moved);
  }
});
